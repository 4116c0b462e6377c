#include "run.h"

#include "jsonvalues.h"

using namespace JsonValues;

QJsonObject Run::toJson() const
{
    return {
        {QStringLiteral("id"), QString::number(id)},
        {QStringLiteral("task_id"), taskId},
        {QStringLiteral("profile"), orNull(profile)},
        {QStringLiteral("claimer"), orNull(claimer)},
        {QStringLiteral("outcome"), orNull(outcome)},
        {QStringLiteral("started_at"), startedAt},
        {QStringLiteral("ended_at"), orNull(endedAt)},
        {QStringLiteral("heartbeat_at"), orNull(heartbeatAt)},
        {QStringLiteral("pid"), orNull(pid)},
        {QStringLiteral("exit_code"), orNull(exitCode)},
        {QStringLiteral("error"), orNull(error)},
        {QStringLiteral("log_path"), orNull(logPath)},
    };
}
