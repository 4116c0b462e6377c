#pragma once

#include "benchoptions.h"
#include "benchreport.h"
#include "kernelbench.h"
#include "rawsqliteprobe.h"

#include <QString>

// One benchmark run from start to end: the raw ceiling before and after, and for each
// board size its full runs (create, list, show, claim+complete in one process, the
// fan-out complete, file sizes, `qanbanctl show`, the race), folded into a BenchReport.
class BenchSuite final
{
public:
    explicit BenchSuite(const BenchOptions &options);

    // Progress goes to stderr as it happens; the report is the result.
    BenchReport run();

private:
    struct Samples;

    void describeMethod(BenchReport &report, const QString &root,
                        const QString &sqliteVersion) const;
    bool runBoard(int size, int repeat, const QString &root, Samples &samples, BenchReport &report);
    void addFigures(BenchReport::Section &section, const Samples &samples, double rawInsert,
                    double rawUpdate) const;

    BenchOptions m_options;
    KernelBench::Settings m_kernelSettings; // read from the first board

};
