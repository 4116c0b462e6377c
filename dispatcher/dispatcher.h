#pragma once

#include "boardhome.h"
#include "dispatcherconfig.h"
#include "dispatchresult.h"
#include "profilecatalog.h"
#include "result.h"
#include "workeroutcome.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class ChangeFeed;
class Database;
class QTimer;
class SecretStore;
class TaskStore;
struct Event;
struct Profile;
struct Run;
struct Task;

// Turns ready tasks into worker processes and what happened to them back into board state
// and signals. One tick: release expired claims, reap workers that ended without anyone
// recording it, stop workers past their runtime, promote waiting tasks, apply the default
// assignee, then claim and start what the policy allows.
//
// Every worker is launched through a supervisor process (RunSupervisor, detached, in its
// own session) that records how the worker ended even if this dispatcher is gone. The
// dispatcher re-adopts live workers whose supervisor died and records dead ones as crashed.
//
// Created without a parent and moved to its own QThread by the desktop app, or run
// directly by `qanbanctl dispatch`. open() and everything after it must run in that
// thread: the database connection, timers and change feed are made there. Wakes within
// milliseconds of any commit through the change feed; the interval timer is a safety net.
class Dispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Dispatcher)

public:
    struct Options {
        QString home;         // the board's home folder
        QString databasePath; // empty: <home>/qanban.db
        DispatcherConfig config;
        QString supervisorProgram; // empty: qanbanctl next to this program
        QStringList supervisorArguments = {QStringLiteral("supervise")};
        QString claimer; // empty: dispatcher@<host>:<pid>
    };

    explicit Dispatcher(const Options &options, QObject *parent = nullptr);
    ~Dispatcher() override;

    // Opens the board in the calling thread (which must be this object's thread).
    Result<void> open();
    // From now on ticks follow the change feed and the interval timer.
    Result<void> startWatching();
    // One tick, now. A dry run changes nothing.
    DispatchResult tick(bool dryRun = false);

    const DispatcherConfig &config() const { return m_options.config; }
    bool isPaused() const { return m_paused; }
    QString claimer() const { return m_claimer; }
    TaskStore *store() const { return m_store.get(); }
    // As of the last tick: no ready task with a profile, no worker of ours running.
    bool isIdle() const { return m_idle; }
    int pendingSpawns() const { return int(m_pending.size()); }
    int activeRuns() const { return int(m_launched.size() + m_adopted.size()); }
    // Moves the ends noticed since the last tick (spawns that failed after the keychain
    // answered, runs recorded by our supervisors) into a result.
    void takeCarried(DispatchResult &into);

public Q_SLOTS:
    // Coalesces: many requests before the event loop runs make one tick.
    void requestTick();
    // Paused, ticks still reclaim, reap, stop overdue workers and promote, but start
    // nothing new. Workers already running go on.
    void setPaused(bool paused);
    // Stops every worker this dispatcher launched or adopted, waits (at most the grace
    // period and a little more) until their ends are recorded, and stops watching.
    void shutdown();

Q_SIGNALS:
    void runStarted(const QString &taskId, qint64 runId, qint64 pid);
    // Every end of a run, whatever its outcome.
    void runFinished(const QString &taskId, qint64 runId, const QString &outcome);
    // Ends that count as failures: crashed, timed_out, protocol_violation, spawn_failed.
    void runCrashed(const QString &taskId, qint64 runId, const QString &outcome,
                    const QString &reason);
    void taskBlocked(const QString &taskId, const QString &reason, bool gaveUp);
    void stuckWarning(const QString &message);
    void ticked(const DispatchResult &result);
    // After each real tick: workers running on the board, against the global cap (0: none).
    void loadChanged(int running, int globalCap, bool paused);
    // Emitted after a tick that found the dispatcher idle (see isIdle()).
    void idle();
    // No spawn is waiting for the keychain any more.
    void spawnsSettled();
    void failed(const QString &message);
    void stopped();

private:
    struct Launched {
        QString taskId;
        qint64 supervisorPid = 0;
        QString logPath;
        qint64 launchedAtMs = 0;
    };
    struct Adopted {
        QString taskId;
        qint64 pid = 0;
        QString claimer;
        qint64 startedAt = 0;
        int maxRuntime = 0;
        bool stopping = false;
    };
    struct Launch {
        QString taskId;
        qint64 runId = 0;
        QString workspace;
        QString logPath;
        int maxRuntime = 0;
    };

    void onTimer();
    void onEvents(const QList<Event> &events);
    void reap(DispatchResult &result);
    void enforceRuntime();
    void adopt(const Run &run);
    void stopAdopted(qint64 runId, WorkerExit::Stop reason);
    void heartbeatAdopted();
    void spawn(const QString &taskId, const QString &assignee, DispatchResult &result);
    bool launch(const Launch &launch, const Profile &profile,
                const QList<QPair<QString, QString>> &secrets, QString *error);
    void failSpawn(const QString &taskId, qint64 runId, const QString &logPath,
                   const QString &reason, DispatchResult &result);
    void recordVanished(const Run &run, const QString &outcome, const QString &reason,
                        DispatchResult &result);
    void noteFailure(const QString &taskId, qint64 runId, const QString &outcome,
                     const QString &reason, const Result<Task> &recorded,
                     DispatchResult &result);
    void updateStuck(const DispatchPlan &plan, int started, int runningTotal);
    void scheduleWakeUp(std::optional<qint64> at);
    QString logPathOf(const Run &run) const;
    QString supervisorProgram() const;
    void fail(const QString &message);

    Options m_options;
    BoardHome m_home;
    QString m_databasePath;
    QString m_claimer;
    ProfileCatalog m_catalog;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TaskStore> m_store;
    SecretStore *m_secrets;
    ChangeFeed *m_feed = nullptr;
    QTimer *m_timer;
    QTimer *m_tickSoon;
    QTimer *m_wakeUp;
    QTimer *m_heartbeat;
    QHash<qint64, Launched> m_launched;
    QHash<qint64, Adopted> m_adopted;
    QHash<qint64, QString> m_pending; // runs waiting for their secrets
    DispatchResult m_carried;         // ends recorded by supervisors since the last tick
    bool m_timerTick = false;
    bool m_idle = false;
    bool m_paused = false;
    bool m_shuttingDown = false;
    int m_badTicks = 0;
    bool m_warnedStuck = false;
    QString m_lastSpawnError;
};
