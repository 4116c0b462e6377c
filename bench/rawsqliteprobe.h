#pragma once

#include "result.h"

#include <QList>
#include <QString>

#include <memory>

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
    ~RawSqliteProbe();
    Q_DISABLE_COPY_MOVE(RawSqliteProbe)

    // Opens a fresh probe file, measures `repeats` runs of each statement, and removes it.
    Result<Ceiling> measure(int repeats);

    // The same probe kept open, to run its UPDATE transactions in between the kernel's
    // own commands: both then see the same minute of the machine.
    Result<void> open();
    // `transactions` INSERT (or UPDATE) transactions, one after another; their wall
    // time in ns.
    Result<qint64> timeInserts(int transactions);
    Result<qint64> timeUpdates(int transactions);
    // Closes the probe and removes its file (the destructor does too).
    void close();

private:
    struct Session;
    // One BEGIN IMMEDIATE; INSERT (or UPDATE); COMMIT.
    Result<void> runTransaction(bool insert);
    Result<double> transactionsPerSecond(bool insert);
    Result<qint64> timeTransactions(bool insert, int transactions);
    QString path() const;

    QString m_directory;
    double m_secondsPerRun;
    std::unique_ptr<Session> m_session;
};
