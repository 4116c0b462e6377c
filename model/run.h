#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// One attempt at a task: opened by a claim, closed with an outcome.
struct Run {
    qint64 id = 0;
    QString taskId;
    QString profile;
    QString claimer;
    QString outcome; // empty while open
    qint64 startedAt = 0;
    std::optional<qint64> endedAt;
    std::optional<qint64> heartbeatAt;
    std::optional<qint64> pid;
    std::optional<int> exitCode;
    QString error;
    QString logPath;

    bool isOpen() const { return outcome.isEmpty(); }
    QJsonObject toJson() const;
};
