#pragma once

#include "result.h"

#include <QList>
#include <QString>

// This machine's physical limit for the kernel's kind of write: one single-row INSERT or
// UPDATE per transaction, WAL, synchronous=FULL, through the same statement class
// (PreparedStatement, SQLite's API on the Qt driver's connection) and the same
// BEGIN IMMEDIATE / COMMIT shape the kernel uses, on a real file. Every commit
// waits for an fsync of the WAL, so this is the ceiling no kernel command can beat.
class RawSqliteProbe final
{
public:
    struct Ceiling {
        QList<double> insertRuns; // transactions per second, one entry per run
        QList<double> updateRuns;
        QString sqliteVersion;
        QString journalMode;
        int synchronous = -1; // as PRAGMA synchronous reads back: 2 is FULL
        int pageSize = 0;
    };

    // directory: where the probe's own database file is made.
    RawSqliteProbe(const QString &directory, double secondsPerRun);

    Result<Ceiling> measure(int repeats);

private:
    QString m_directory;
    double m_secondsPerRun;
};
