#include "boardstats.h"

using namespace Qt::StringLiterals;

QJsonObject BoardStats::toJson() const
{
    QJsonObject statuses;
    for (auto it = byStatus.cbegin(); it != byStatus.cend(); ++it)
        statuses.insert(it.key(), it.value());
    QJsonObject assignees;
    for (auto it = byAssignee.cbegin(); it != byAssignee.cend(); ++it) {
        QJsonObject counts;
        for (auto count = it.value().cbegin(); count != it.value().cend(); ++count)
            counts.insert(count.key(), count.value());
        assignees.insert(it.key().isEmpty() ? u"(unassigned)"_s : it.key(), counts);
    }
    return {{u"by_status"_s, statuses},
            {u"by_assignee"_s, assignees},
            {u"total"_s, total},
            {u"archived"_s, archived}};
}
