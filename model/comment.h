#pragma once

#include <QJsonObject>
#include <QString>

struct Comment {
    qint64 id = 0;
    QString taskId;
    QString author;
    QString body;
    qint64 createdAt = 0;

    QJsonObject toJson() const;
};
