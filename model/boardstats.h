#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

// Counts of the tasks that are not archived.
struct BoardStats {
    QMap<QString, int> byStatus;                 // every status, zero included
    QMap<QString, QMap<QString, int>> byAssignee; // assignee ("" = unassigned) -> status -> n
    int total = 0;
    int archived = 0;

    QJsonObject toJson() const;
};
