#include "task.h"

#include "jsonvalues.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace JsonValues;

QJsonObject Task::toJson() const
{
    QJsonObject metadataObject;
    if (!metadata.isEmpty())
        metadataObject = QJsonDocument::fromJson(metadata.toUtf8()).object();
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("title"), title},
        {QStringLiteral("body"), body},
        {QStringLiteral("status"), TaskStatuses::toString(status)},
        {QStringLiteral("archived"), archived},
        {QStringLiteral("assignee"), orNull(assignee)},
        {QStringLiteral("tenant"), orNull(tenant)},
        {QStringLiteral("priority"), priority},
        {QStringLiteral("rank"), rank},
        {QStringLiteral("workspace_kind"), workspaceKind},
        {QStringLiteral("workspace_path"), orNull(workspacePath)},
        {QStringLiteral("skills"), QJsonArray::fromStringList(skills)},
        {QStringLiteral("result"), orNull(result)},
        {QStringLiteral("summary"), orNull(summary)},
        {QStringLiteral("metadata"),
         metadata.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(metadataObject)},
        {QStringLiteral("consecutive_failures"), consecutiveFailures},
        {QStringLiteral("max_retries"), orNull(maxRetries)},
        {QStringLiteral("max_runtime"), orNull(maxRuntime)},
        {QStringLiteral("current_run_id"), idOrNull(currentRunId)},
        {QStringLiteral("claim_lock"), orNull(claimLock)},
        {QStringLiteral("claim_expires"), orNull(claimExpires)},
        {QStringLiteral("idempotency_key"), orNull(idempotencyKey)},
        {QStringLiteral("block_reason"), orNull(blockReason)},
        {QStringLiteral("last_error"), orNull(lastError)},
        {QStringLiteral("retry_after"), orNull(retryAfter)},
        {QStringLiteral("created_at"), createdAt},
        {QStringLiteral("updated_at"), updatedAt},
        {QStringLiteral("started_at"), orNull(startedAt)},
        {QStringLiteral("completed_at"), orNull(completedAt)},
        {QStringLiteral("parents"), QJsonArray::fromStringList(parents)},
        {QStringLiteral("children"), QJsonArray::fromStringList(children)},
    };
}
