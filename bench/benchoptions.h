#pragma once

#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

// What one run of qanban-bench measures, from its command line. `--quick` shrinks
// every size so that the smoke test proves the program runs in a few seconds; the
// hidden `--race-worker` mode is how the race re-invokes this binary as a worker.
struct BenchOptions {
    QList<int> sizes{10000, 100000};
    bool quick = false;
    bool json = false;
    int repeats = 0;        // full runs per size; 0: three up to 10,000 tasks, one above
    int workers = 5;        // processes in the race
    int fanOut = 1000;      // waiting children of the parent that is completed
    int showSamples = 200;  // in-process `show` reads
    int listRepeats = 5;    // in-process lists of the whole board
    int ctlRuns = 15;       // `qanbanctl show` runs
    double rawSeconds = 1.0; // length of one raw SQLite run
    int rawRepeats = 3;
    QString qanbanctl;      // the binary, or empty when none was built

    bool raceWorker = false;
    QString workerDatabase;
    QString workerClaimer;

    int repeatsFor(int size) const;

    // Usage errors carry ErrorCode::Invalid; `--help` is handled by the parser itself.
    static Result<BenchOptions> parse(const QStringList &arguments);
};
