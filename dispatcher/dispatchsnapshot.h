#pragma once

#include "result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class Database;

// What one dispatch decision looks at, read in one go: the ready, unclaimed tasks, how
// many tasks run per assignee, and which profiles exist with their own caps. A plain value,
// so DispatchPolicy can be a pure function of it.
struct DispatchSnapshot {
    struct ReadyTask {
        QString id;
        QString assignee; // empty: unassigned
        int priority = 0;
        qint64 rank = 0;
        std::optional<qint64> retryAfter;
        QString workspacePath; // empty: a scratch task whose folder is not made yet
    };

    qint64 now = 0;
    QList<ReadyTask> ready;
    QHash<QString, int> runningByAssignee; // running tasks, per assignee ("" unassigned)
    int runningTotal = 0;
    // Profiles that exist, each with its own max_in_progress (0: none of its own).
    QHash<QString, int> profileCaps;
    // What the bookkeeping steps would change; filled only by a simulated (dry) read.
    int reclaimable = 0;
    int promotable = 0;

    // Reads the board. With simulateBookkeeping (a dry run), tasks whose claim expired and
    // waiting tasks whose parents are all done are read as the ready tasks they would
    // become, and counted in reclaimable and promotable, so a dry run reports what a real
    // tick would do without changing anything.
    static Result<DispatchSnapshot> read(Database &database, qint64 now,
                                         bool simulateBookkeeping = false);
};
