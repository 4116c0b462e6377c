#pragma once

#include "taskstatus.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// One card of the board as stored, with its dependency lists. A plain value: copy it
// across threads freely.
struct Task {
    QString id;
    QString title;
    QString body;
    TaskStatus status = TaskStatus::Ready;
    bool archived = false;
    QString assignee; // empty: unassigned
    QString tenant;   // empty: none
    int priority = 0;
    qint64 rank = 0; // manual order within a column, ascending
    QString workspaceKind = QStringLiteral("scratch");
    QString workspacePath;
    QStringList skills;
    QString result;
    QString summary;
    QString metadata; // a JSON object as text, or empty
    int consecutiveFailures = 0;
    std::optional<int> maxRetries;
    std::optional<int> maxRuntime; // seconds
    std::optional<qint64> currentRunId;
    QString claimLock;
    std::optional<qint64> claimExpires;
    QString idempotencyKey;
    QString blockReason;
    QString lastError;
    std::optional<qint64> retryAfter; // a failed attempt's back-off ends here
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    std::optional<qint64> startedAt;
    std::optional<qint64> completedAt;
    QStringList parents;
    QStringList children;

    // The task object of the command-line contract.
    QJsonObject toJson() const;
};
