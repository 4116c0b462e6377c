#include "dispatchpolicy.h"

#include <algorithm>

int DispatchPolicy::profileCap(int ownCap, int configuredCap)
{
    return ownCap > 0 ? ownCap : qMax(configuredCap, 0);
}

DispatchPlan DispatchPolicy::plan(const DispatchSnapshot &snapshot, const DispatchLimits &limits)
{
    DispatchPlan plan;
    QList<const DispatchSnapshot::ReadyTask *> order;
    order.reserve(snapshot.ready.size());
    for (const DispatchSnapshot::ReadyTask &task : snapshot.ready)
        order.append(&task);
    std::sort(order.begin(), order.end(), [](const auto *a, const auto *b) {
        if (a->priority != b->priority)
            return a->priority > b->priority;
        if (a->rank != b->rank)
            return a->rank < b->rank;
        return a->id < b->id;
    });

    const QString defaultAssignee = limits.defaultAssignee.trimmed();
    QHash<QString, int> running = snapshot.runningByAssignee;
    int runningTotal = snapshot.runningTotal;

    for (const DispatchSnapshot::ReadyTask *task : std::as_const(order)) {
        QString assignee = task->assignee;
        if (assignee.isEmpty() && !defaultAssignee.isEmpty()) {
            assignee = defaultAssignee;
            plan.autoAssigned.append({task->id, assignee});
        }
        if (assignee.isEmpty()) {
            plan.skippedUnassigned.append(task->id);
            continue;
        }
        const auto profile = snapshot.profileCaps.constFind(assignee);
        if (profile == snapshot.profileCaps.constEnd()) {
            plan.skippedNonspawnable.append({task->id, assignee});
            continue;
        }
        if (task->retryAfter && *task->retryAfter > snapshot.now) {
            plan.waitingRetry.append({task->id, *task->retryAfter});
            if (!plan.nextRetryAt || *task->retryAfter < *plan.nextRetryAt)
                plan.nextRetryAt = *task->retryAfter;
            continue;
        }
        ++plan.startable;
        if (limits.maxInProgress > 0 && runningTotal >= limits.maxInProgress) {
            plan.skippedGlobalCap.append(task->id);
            continue;
        }
        const int cap = profileCap(*profile, limits.maxInProgressPerProfile);
        int &runningForProfile = running[assignee];
        if (cap > 0 && runningForProfile >= cap) {
            plan.skippedPerProfileCapped.append({task->id, assignee, runningForProfile});
            continue;
        }
        plan.spawn.append({task->id, assignee});
        ++runningForProfile;
        ++runningTotal;
    }
    return plan;
}
