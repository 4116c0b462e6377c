#pragma once

#include <QList>
#include <QString>

// qanban-dispatch-bench: the dispatcher's two figures on this machine.
//  1. One dry-run tick over 10,000 ready tasks spread across 50 profiles (target: under
//     20 ms): the snapshot read, the profile catalog, the policy and the result.
//  2. The latency from a task becoming ready to its worker running, with a real
//     `qanbanctl dispatch --watch` (target: median under 50 ms).
// A measuring program, not a test: it prints figures and never fails on a timing.
class DispatchBench final
{
public:
    struct Figures {
        QList<double> samplesMs;
        double median() const;
        double percentile(double fraction) const;
        double minimum() const;
    };

    static Figures dryRunTick(int tasks, int profiles, int repeats);
    // Empty when qanbanctl is not available.
    static Figures readyToRunning(const QString &qanbanctl, int samples);
};
