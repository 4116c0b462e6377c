#pragma once

#include "dispatchsnapshot.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The limits a decision respects. 0 means no cap.
struct DispatchLimits {
    int maxInProgress = 0;
    int maxInProgressPerProfile = 0;
    QString defaultAssignee; // blank: none
};

// What one tick should do with the ready tasks, in the order it should do it.
struct DispatchPlan {
    struct Assignment {
        QString task;
        QString assignee;
    };
    struct Capped {
        QString task;
        QString assignee;
        int running = 0;
    };
    struct Waiting {
        QString task;
        qint64 retryAfter = 0;
    };

    QList<Assignment> spawn; // claim and start these, in this order
    QList<Assignment> autoAssigned;
    QStringList skippedUnassigned;
    QList<Assignment> skippedNonspawnable;
    QList<Capped> skippedPerProfileCapped;
    QStringList skippedGlobalCap;
    QList<Waiting> waitingRetry; // in a failed attempt's back-off or a rate-limit cooldown
    // Ready tasks that a profile could run now if there were room (spawned or capped).
    int startable = 0;
    // The earliest moment a waiting task becomes eligible, for a wake-up timer.
    std::optional<qint64> nextRetryAt;
};

// The dispatcher's decisions as a pure function of a snapshot: ordering (priority, then
// rank), the default assignee, the skips and both caps. No database, no processes, no
// clock: the same snapshot always gives the same plan, which is what a dry run shows.
class DispatchPolicy final
{
public:
    static DispatchPlan plan(const DispatchSnapshot &snapshot, const DispatchLimits &limits);
    // The cap that applies to a profile: its own max_in_progress when set, else the
    // configured per-profile cap; 0 means none.
    static int profileCap(int ownCap, int configuredCap);
};
