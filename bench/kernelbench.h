#pragma once

#include "database.h"
#include "invariantcheck.h"
#include "result.h"
#include "taskstore.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

// The kernel driven in this process, on one board file: each method is one figure of
// the benchmark, timed around the public TaskStore and TaskQueries calls a caller makes.
class KernelBench final
{
public:
    struct Settings {
        QString journalMode;
        int synchronous = -1; // 2 is FULL
        int pageSize = 0;
    };
    struct FileSize {
        qint64 databaseBytes = 0; // after a full checkpoint, so the WAL holds nothing
    };

    explicit KernelBench(const QString &databasePath);
    ~KernelBench();
    Q_DISABLE_COPY_MOVE(KernelBench)

    Result<void> open();
    // Closes the connection: the last one to close checkpoints and removes the WAL, so
    // the file can then be copied whole.
    void close();

    // Creates `count` more ready tasks, one create() (one transaction) each; their wall
    // time in ns.
    Result<qint64> createTasks(int count);
    // The whole board through TaskQueries::tasks(), as the board and `list` read it; ms.
    Result<QList<double>> listTasks(int repeats);
    // What `show` reads (the task, its comments, runs and events) for `samples` random
    // tasks; the median in ms.
    Result<double> showTask(int samples);
    // claim() then complete() of `count` of the tasks created, in order from `first`;
    // their wall time in ns.
    Result<qint64> claimAndComplete(qsizetype first, qsizetype count);
    QList<InvariantCheck::Finding> checkDrained();
    // A ready parent with `children` waiting children: the complete() that promotes
    // them all; ms. The children are checked to be ready afterwards.
    Result<double> completeParentOf(int children);
    Result<FileSize> fileSize();
    // What the kernel's own connection runs with, read back from SQLite.
    Settings settings();

    const QStringList &taskIds() const { return m_ids; }
    int taskCount() const { return m_taskCount; }
    QString path() const { return m_path; }

private:
    QString m_path;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TaskStore> m_store;
    QStringList m_ids;    // the tasks createTasks() made, in order
    int m_taskCount = 0;  // every task on the board, fan-out tasks included
};
