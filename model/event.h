#pragma once

#include <QJsonObject>
#include <QString>

// One entry of the append-only event log: the audit trail and the change feed's cursor.
struct Event {
    qint64 id = 0;
    QString taskId;
    QString kind;
    QJsonObject payload;
    qint64 createdAt = 0;

    QJsonObject toJson() const;
};
