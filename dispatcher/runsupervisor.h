#pragma once

#include "processtools.h"
#include "result.h"
#include "workerprocess.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class ChangeFeed;
class Database;
class QSocketNotifier;
class QTimer;
class TaskStore;

// Watches one worker for the whole of its run, in a small process of its own (the hidden
// `qanbanctl supervise`), so that how the worker ended is recorded even when the
// dispatcher that launched it is gone: a one-shot `qanbanctl dispatch`, or a dispatcher
// that crashed. It starts the worker, records its pid, keeps the claim alive while the
// worker runs, stops it past its runtime limit or when its run is closed by someone else
// (the operator stopped it), and classifies the exit. SIGTERM means the dispatcher is
// shutting down: the worker is stopped and its task goes back to ready.
//
// It holds an flock on <log>.lock for its whole life; a dispatcher that finds the lock
// free knows nobody supervises the run any more.
class RunSupervisor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunSupervisor)

public:
    struct Options {
        QString databasePath;
        QString taskId;
        qint64 runId = 0;
        QString claimer;
        int claimTtl = 900;
        int maxRuntime = 0; // seconds; 0: none
        int graceMs = 10000;
        std::optional<int> failureLimit;
        int retryBackoff = 0;
        int rateLimitCooldown = 300;
        WorkerProcess::Spec worker; // its environment is the supervisor's own
    };

    // The arguments after the mode word; a problem makes it a usage error.
    static Result<Options> parse(const QStringList &arguments);
    // The inverse of parse(), for the dispatcher that launches a supervisor.
    static QStringList arguments(const Options &options);
    static QString lockPath(const QString &logPath);

    // Runs one supervision to its end inside the running QCoreApplication; returns the
    // exit status (0: the run's end was recorded or needed no record).
    static int exec(const QStringList &arguments);

    explicit RunSupervisor(const Options &options, QObject *parent = nullptr);
    ~RunSupervisor() override;

    void start();

Q_SIGNALS:
    void done(int status);

private:
    void onWorkerStarted(qint64 pid);
    void onWorkerFinished(const WorkerExit &exit);
    void checkRunStillOurs();
    void heartbeat();
    void logLine(const QString &line);
    void finish(int status);
    void installSignalHandlers();

    Options m_options;
    ProcessTools::LockFile m_lock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TaskStore> m_store;
    ChangeFeed *m_feed = nullptr;
    WorkerProcess *m_worker = nullptr;
    QTimer *m_heartbeatTimer;
    QTimer *m_runtimeTimer;
    QSocketNotifier *m_signalNotifier = nullptr;
    bool m_finished = false;
    bool m_lingerTimerStarted = false;
    qint64 m_startedPid = 0;
};
