#pragma once

#include <QString>

// One process of the race (`qanban-bench --race-worker --db PATH --claimer NAME`).
// It opens the board, prints "ready", waits for "go" on stdin so that no process
// start-up is timed, then claims and completes ready tasks through the kernel until
// none is left, and prints one JSON line: what it completed, the claims it lost to
// another worker, and any error.
class RaceWorker final
{
public:
    RaceWorker(const QString &databasePath, const QString &claimer);

    // The process exit status: 0 when the worker ran to the end without an error.
    int run();

private:
    QString m_databasePath;
    QString m_claimer;
};
