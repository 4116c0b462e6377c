#include "dispatcher.h"

#include "changefeed.h"
#include "database.h"
#include "dispatcherlog.h"
#include "dispatchpolicy.h"
#include "dispatchsnapshot.h"
#include "processtools.h"
#include "runsupervisor.h"
#include "secretstore.h"
#include "taskstore.h"
#include "workerprocess.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// A run claimed by a local dispatcher with no pid and no supervisor after this long never
// got its worker started: its launcher died between the claim and the start.
constexpr qint64 spawnGraceSeconds = 30;
constexpr int supervisorPollMs = 100;

const QStringList failureKinds = {u"crashed"_s, u"timed_out"_s, u"protocol_violation"_s,
                                  u"spawn_failed"_s};
// Events that cannot make new work startable: they do not wake the dispatcher.
const QStringList quietKinds = {u"heartbeat"_s, u"claimed"_s, u"spawned"_s, u"commented"_s,
                                u"edited"_s};

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 runOf(const Event &event, const QString &key = u"run"_s)
{
    return event.payload.value(key).toString().toLongLong();
}

} // namespace

Dispatcher::Dispatcher(const Options &options, QObject *parent)
    : QObject(parent), m_options(options), m_home(options.home),
      m_databasePath(options.databasePath.isEmpty() ? m_home.databasePath()
                                                    : options.databasePath),
      m_claimer(options.claimer.isEmpty() ? ProcessTools::dispatcherClaimer() : options.claimer),
      m_catalog(m_home.profilesDir()), m_secrets(new SecretStore(this)), m_timer(new QTimer(this)),
      m_tickSoon(new QTimer(this)), m_wakeUp(new QTimer(this)), m_heartbeat(new QTimer(this))
{
    qRegisterMetaType<DispatchResult>();
    m_tickSoon->setSingleShot(true);
    m_tickSoon->setInterval(0);
    m_wakeUp->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &Dispatcher::onTimer);
    connect(m_tickSoon, &QTimer::timeout, this, [this] { tick(); });
    connect(m_wakeUp, &QTimer::timeout, this, [this] { tick(); });
    connect(m_heartbeat, &QTimer::timeout, this, &Dispatcher::heartbeatAdopted);
}

Dispatcher::~Dispatcher()
{
    delete m_feed;
    m_store.reset();
    m_database.reset();
}

QString Dispatcher::supervisorProgram() const
{
    if (!m_options.supervisorProgram.isEmpty())
        return m_options.supervisorProgram;
    return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(u"qanbanctl"_s);
}

void Dispatcher::fail(const QString &message)
{
    qCWarning(lcDispatcher, "%s", qUtf8Printable(message));
    Q_EMIT failed(message);
}

Result<void> Dispatcher::open()
{
    Q_ASSERT(thread() == QThread::currentThread());
    Result<std::unique_ptr<Database>> opened = Database::open(m_databasePath);
    if (!opened)
        return opened.error();
    m_database = std::move(opened).value();
    m_store = std::make_unique<TaskStore>(*m_database);
    m_catalog.refresh();
    return {};
}

Result<void> Dispatcher::startWatching()
{
    if (!m_store)
        return makeError(ErrorCode::Database, u"the dispatcher's board is not open"_s);
    if (!m_feed) {
        m_feed = new ChangeFeed(m_databasePath);
        connect(m_feed, &ChangeFeed::eventsAppended, this, &Dispatcher::onEvents);
        connect(m_feed, &ChangeFeed::failed, this, &Dispatcher::fail);
        if (Result<void> started = m_feed->start(); !started)
            return started;
    }
    m_timer->start(qMax(1, int(m_options.config.interval * 1000)));
    m_heartbeat->start(qMax(1, m_options.config.claimTtl / 3) * 1000);
    requestTick();
    return {};
}

void Dispatcher::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    requestTick();
}

void Dispatcher::requestTick()
{
    if (!m_shuttingDown && !m_tickSoon->isActive())
        m_tickSoon->start();
}

void Dispatcher::onTimer()
{
    m_timerTick = true;
    tick();
    m_timerTick = false;
}

QString Dispatcher::logPathOf(const Run &run) const
{
    return run.logPath.isEmpty() ? m_home.runLogPath(run.taskId, run.id) : run.logPath;
}

DispatchResult Dispatcher::tick(bool dryRun)
{
    DispatchResult result;
    result.dryRun = dryRun;
    if (!m_store || m_shuttingDown)
        return result;
    m_tickSoon->stop();
    m_catalog.refresh();

    if (!dryRun) {
        if (Result<QStringList> released = m_store->releaseExpiredClaims(); released)
            result.reclaimed = int(released->size());
        else
            fail(released.error().message);
        reap(result);
        enforceRuntime();
        if (Result<QStringList> promoted = m_store->promoteWaiting(); promoted)
            result.promoted = int(promoted->size());
        else
            fail(promoted.error().message);
    }

    Result<DispatchSnapshot> read = DispatchSnapshot::read(*m_database, m_store->now(), dryRun);
    if (!read) {
        fail(read.error().message);
        return result;
    }
    DispatchSnapshot &snapshot = read.value();
    for (const QString &name : m_catalog.names())
        snapshot.profileCaps.insert(name, m_catalog.profile(name)->maxInProgress.value_or(0));
    const DispatchLimits limits{m_options.config.maxInProgress,
                                m_options.config.maxInProgressPerProfile,
                                m_options.config.defaultAssignee};
    const DispatchPlan plan = DispatchPolicy::plan(snapshot, limits);

    result.skippedUnassigned = plan.skippedUnassigned;
    result.skippedNonspawnable = plan.skippedNonspawnable;
    result.skippedPerProfileCapped = plan.skippedPerProfileCapped;
    result.skippedGlobalCap = plan.skippedGlobalCap;
    result.waitingRetry = plan.waitingRetry;

    int started = 0;
    if (dryRun) {
        result.reclaimed = snapshot.reclaimable;
        result.promoted = snapshot.promotable;
        result.autoAssignedDefault = plan.autoAssigned;
        QHash<QString, const DispatchSnapshot::ReadyTask *> byId;
        for (const DispatchSnapshot::ReadyTask &task : std::as_const(snapshot.ready))
            byId.insert(task.id, &task);
        for (const DispatchPlan::Assignment &item : plan.spawn) {
            const DispatchSnapshot::ReadyTask *task = byId.value(item.task);
            QString workspace = task ? task->workspacePath : QString();
            if (workspace.isEmpty())
                workspace = QDir(m_home.workspacesDir()).absoluteFilePath(item.task);
            result.spawned.append({item.task, item.assignee, workspace, std::nullopt});
        }
    } else if (m_paused) {
        takeCarried(result);
        scheduleWakeUp(plan.nextRetryAt);
    } else {
        for (const DispatchPlan::Assignment &item : plan.autoAssigned) {
            Result<Task> assigned = m_store->assign(item.task, item.assignee,
                                                    u"default_assignee"_s);
            if (assigned)
                result.autoAssignedDefault.append(item);
            else
                qCWarning(lcDispatcher, "default assignee for %s: %s",
                          qUtf8Printable(item.task), qUtf8Printable(assigned.error().message));
        }
        for (const DispatchPlan::Assignment &item : plan.spawn) {
            const qsizetype before = result.spawned.size();
            spawn(item.task, item.assignee, result);
            started += int(result.spawned.size() - before);
        }
        // Ends the supervisors recorded since the last tick.
        takeCarried(result);
        updateStuck(plan, started, snapshot.runningTotal);
        scheduleWakeUp(plan.nextRetryAt);
    }

    m_idle = !dryRun && plan.startable == 0 && plan.waitingRetry.isEmpty() && m_launched.isEmpty()
        && m_adopted.isEmpty() && m_pending.isEmpty();
    Q_EMIT ticked(result);
    if (!dryRun)
        Q_EMIT loadChanged(snapshot.runningTotal + started, m_options.config.maxInProgress, m_paused);
    if (m_idle)
        Q_EMIT idle();
    return result;
}

void Dispatcher::scheduleWakeUp(std::optional<qint64> at)
{
    // A task in its back-off becomes startable at a known moment: tick then, not at the
    // next safety-net tick.
    if (!at) {
        m_wakeUp->stop();
        return;
    }
    const qint64 delayMs = qMax<qint64>(0, (*at - m_store->now()) * 1000) + 50;
    if (!m_wakeUp->isActive() || m_wakeUp->remainingTime() > delayMs)
        m_wakeUp->start(int(qMin<qint64>(delayMs, 24 * 3600 * 1000)));
}

void Dispatcher::updateStuck(const DispatchPlan &plan, int started, int runningTotal)
{
    // Stuck means: work that a profile could run is waiting, yet nothing runs and nothing
    // starts. Unassigned or profile-less tasks never count; full caps mean work is running.
    const bool workWaiting = plan.startable > 0 || !plan.waitingRetry.isEmpty();
    const bool bad = workWaiting && started == 0 && runningTotal == 0 && m_launched.isEmpty()
        && m_pending.isEmpty();
    if (!bad) {
        m_badTicks = 0;
        m_warnedStuck = false;
        return;
    }
    if (!m_timerTick)
        return; // several ticks means several intervals, not a burst of change-feed wakes
    ++m_badTicks;
    if (m_badTicks >= m_options.config.stuckTicks && !m_warnedStuck) {
        m_warnedStuck = true;
        const int waiting = plan.startable + int(plan.waitingRetry.size());
        QString message = u"dispatcher stuck: %1 ready task(s) with a profile, but no worker "
                          "has started or run for %2 ticks"_s.arg(waiting).arg(m_badTicks);
        if (!m_lastSpawnError.isEmpty())
            message += u"; last spawn error: %1"_s.arg(m_lastSpawnError);
        qCWarning(lcDispatcher, "%s", qUtf8Printable(message));
        Q_EMIT stuckWarning(message);
    }
}

// ---------------------------------------------------------------- reaping

void Dispatcher::reap(DispatchResult &result)
{
    Result<QList<Run>> open = m_store->queries().openRuns();
    if (!open) {
        fail(open.error().message);
        return;
    }
    const qint64 now = m_store->now();
    QSet<qint64> openIds;
    for (const Run &run : std::as_const(*open)) {
        openIds.insert(run.id);
        if (!ProcessTools::isLocalDispatcherClaimer(run.claimer) || m_pending.contains(run.id))
            continue;
        if (ProcessTools::LockFile::isHeld(RunSupervisor::lockPath(logPathOf(run))))
            continue; // a supervisor, ours or another dispatcher's, has it
        if (run.pid) {
            if (ProcessTools::isAlive(*run.pid)) {
                adopt(run);
                continue;
            }
            if (m_adopted.contains(run.id) && m_adopted.value(run.id).stopping)
                continue; // stopAdopted() records it
            m_adopted.remove(run.id);
            recordVanished(run, u"crashed"_s,
                           u"the worker (pid %1) is gone and nobody recorded how it ended; "
                           "its exit status is unknown"_s.arg(*run.pid),
                           result);
            continue;
        }
        const auto launched = m_launched.constFind(run.id);
        const qint64 age = launched != m_launched.constEnd()
            ? (nowMs() - launched->launchedAtMs) / 1000 : now - run.startedAt;
        if (age > spawnGraceSeconds) {
            recordVanished(run, u"spawn_failed"_s,
                           u"the worker never started: its supervisor is gone"_s, result);
        }
    }
    bool waitingForSupervisor = false;
    for (auto it = m_launched.begin(); it != m_launched.end();) {
        if (openIds.contains(it.key())) {
            ++it;
            continue;
        }
        // The run is closed; the launch is over once the supervisor has exited too.
        if (ProcessTools::LockFile::isHeld(RunSupervisor::lockPath(it->logPath))) {
            waitingForSupervisor = true;
            ++it;
            continue;
        }
        it = m_launched.erase(it);
    }
    for (auto it = m_adopted.begin(); it != m_adopted.end();) {
        if (openIds.contains(it.key())) {
            ++it;
            continue;
        }
        // Closed by someone else (the operator stopped it): stop what still runs.
        if (ProcessTools::groupIsAlive(it->pid)) {
            const qint64 group = it->pid;
            ProcessTools::signalGroup(group, SIGTERM);
            QTimer::singleShot(int(m_options.config.killGrace * 1000), this, [group] {
                ProcessTools::signalGroup(group, SIGKILL);
            });
        }
        it = m_adopted.erase(it);
    }
    if (waitingForSupervisor)
        QTimer::singleShot(supervisorPollMs, this, &Dispatcher::requestTick);
}

void Dispatcher::adopt(const Run &run)
{
    if (m_adopted.contains(run.id))
        return;
    Adopted adopted;
    adopted.taskId = run.taskId;
    adopted.pid = *run.pid;
    adopted.claimer = run.claimer;
    adopted.startedAt = run.startedAt;
    if (Result<Task> task = m_store->queries().task(run.taskId); task && task->maxRuntime) {
        adopted.maxRuntime = *task->maxRuntime;
    } else if (const std::optional<Profile> profile = m_catalog.profile(run.profile)) {
        adopted.maxRuntime = profile->maxRuntime.value_or(0);
    }
    qCInfo(lcDispatcher, "adopting the worker of run %lld (pid %lld): its supervisor is gone",
           run.id, adopted.pid);
    m_adopted.insert(run.id, adopted);
    if (Result<Task> beat = m_store->heartbeat(run.taskId, run.claimer,
                                               m_options.config.claimTtl);
        !beat)
        qCWarning(lcDispatcher, "heartbeat for adopted run %lld: %s", run.id,
                  qUtf8Printable(beat.error().message));
}

void Dispatcher::heartbeatAdopted()
{
    for (auto it = m_adopted.cbegin(); it != m_adopted.cend(); ++it) {
        if (ProcessTools::isAlive(it->pid))
            (void)m_store->heartbeat(it->taskId, it->claimer, m_options.config.claimTtl);
    }
}

void Dispatcher::enforceRuntime()
{
    const qint64 now = m_store->now();
    QList<qint64> overdue;
    for (auto it = m_adopted.cbegin(); it != m_adopted.cend(); ++it) {
        if (!it->stopping && it->maxRuntime > 0 && now - it->startedAt > it->maxRuntime)
            overdue << it.key();
    }
    for (qint64 runId : std::as_const(overdue))
        stopAdopted(runId, WorkerExit::Stop::Timeout);
}

void Dispatcher::stopAdopted(qint64 runId, WorkerExit::Stop reason)
{
    auto it = m_adopted.find(runId);
    if (it == m_adopted.end() || it->stopping)
        return;
    it->stopping = true;
    const Adopted adopted = *it;
    ProcessTools::signalGroup(adopted.pid, SIGTERM);
    const qint64 since = nowMs();
    const qint64 graceMs = qint64(m_options.config.killGrace * 1000);
    auto *poll = new QTimer(this);
    poll->setInterval(20);
    connect(poll, &QTimer::timeout, this, [this, poll, runId, adopted, reason, since, graceMs] {
        if (ProcessTools::groupIsAlive(adopted.pid)) {
            if (nowMs() - since >= graceMs)
                ProcessTools::signalGroup(adopted.pid, SIGKILL);
            return;
        }
        poll->deleteLater();
        m_adopted.remove(runId);
        if (reason == WorkerExit::Stop::Timeout) {
            const QString error = u"ran longer than its limit of %1 s and was stopped"_s.arg(
                adopted.maxRuntime);
            const FailedAttempt failure{u"timed_out"_s, std::nullopt, error,
                                        m_options.config.failureLimit,
                                        m_options.config.retryBackoff};
            Result<Task> recorded = m_store->recordFailedAttempt(adopted.taskId, runId, failure);
            noteFailure(adopted.taskId, runId, u"timed_out"_s, error, recorded, m_carried);
        } else if (reason == WorkerExit::Stop::Shutdown) {
            (void)m_store->releaseRun(adopted.taskId, runId,
                                      u"the dispatcher shut down; the worker was stopped"_s);
        }
        requestTick();
    });
    poll->start();
}

void Dispatcher::recordVanished(const Run &run, const QString &outcome, const QString &reason,
                                DispatchResult &result)
{
    m_launched.remove(run.id);
    const FailedAttempt failure{outcome, std::nullopt, reason, m_options.config.failureLimit,
                                m_options.config.retryBackoff};
    Result<Task> recorded = m_store->recordFailedAttempt(run.taskId, run.id, failure);
    noteFailure(run.taskId, run.id, outcome, reason, recorded, result);
}

void Dispatcher::noteFailure(const QString &taskId, qint64 runId, const QString &outcome,
                             const QString &reason, const Result<Task> &recorded,
                             DispatchResult &result)
{
    if (!recorded) {
        if (recorded.error().code != ErrorCode::LostClaim)
            fail(recorded.error().message);
        return; // someone else closed the run first
    }
    const DispatchResult::Ended ended{taskId, runId, reason};
    if (outcome == "timed_out"_L1)
        result.timedOut.append(ended);
    else if (outcome == "spawn_failed"_L1)
        result.spawnFailed.append(ended);
    else
        result.crashed.append(ended);
    if (recorded->status == TaskStatus::Blocked)
        result.gaveUp.append({taskId, runId, recorded->blockReason});
}

// ---------------------------------------------------------------- spawning

void Dispatcher::spawn(const QString &taskId, const QString &assignee, DispatchResult &result)
{
    Result<Task> claimed = m_store->claim(taskId, m_claimer, m_options.config.claimTtl,
                                          m_home.workspacesDir());
    if (!claimed) {
        // Lost to another dispatcher, or the task moved since the snapshot: not an error.
        qCDebug(lcDispatcher, "not claimed %s: %s", qUtf8Printable(taskId),
                qUtf8Printable(claimed.error().message));
        return;
    }
    const qint64 runId = *claimed->currentRunId;
    const QString logPath = m_home.runLogPath(taskId, runId);
    const std::optional<Profile> profile = m_catalog.profile(assignee);
    if (!profile) {
        failSpawn(taskId, runId, logPath, u"the profile %1 no longer exists"_s.arg(assignee),
                  result);
        return;
    }
    if (profile->program.isEmpty()) {
        failSpawn(taskId, runId, logPath,
                  u"the profile %1 names no program (set one with qanbanctl profile add)"_s.arg(
                      assignee),
                  result);
        return;
    }
    Result<Task> resolved = m_store->resolveWorkspace(taskId, m_home.workspacesDir());
    if (!resolved) {
        failSpawn(taskId, runId, logPath, u"workspace: %1"_s.arg(resolved.error().message),
                  result);
        return;
    }
    Launch launch{taskId, runId, resolved->workspacePath, logPath,
                  claimed->maxRuntime.value_or(profile->maxRuntime.value_or(0))};

    if (profile->secrets.isEmpty()) {
        QString error;
        if (!this->launch(launch, *profile, {}, &error)) {
            failSpawn(taskId, runId, logPath, error, result);
            return;
        }
        result.spawned.append({taskId, assignee, launch.workspace, runId});
        return;
    }
    // The keychain answers asynchronously; the task stays claimed meanwhile.
    result.spawned.append({taskId, assignee, launch.workspace, runId});
    m_pending.insert(runId, taskId);
    m_secrets->read(profile->name, profile->secrets,
                    [this, launch, profile = *profile](const Result<SecretStore::Values> &values) {
                        m_pending.remove(launch.runId);
                        QString error;
                        if (!values) {
                            error = values.error().message;
                        } else if (m_shuttingDown) {
                            error = u"the dispatcher shut down before the worker started"_s;
                        }
                        if (error.isEmpty() && !this->launch(launch, profile, *values, &error)) {
                            // error is set by launch()
                        }
                        if (!error.isEmpty()) {
                            failSpawn(launch.taskId, launch.runId, launch.logPath, error,
                                      m_carried);
                            requestTick();
                        }
                        if (m_pending.isEmpty())
                            Q_EMIT spawnsSettled();
                    });
}

bool Dispatcher::launch(const Launch &launch, const Profile &profile,
                        const QList<QPair<QString, QString>> &secrets, QString *error)
{
    if (!WorkerProcess::prepareLog(launch.logPath, error))
        return false;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const auto &[key, value] : profile.environment)
        environment.insert(key, value);
    for (const auto &[key, value] : secrets)
        environment.insert(key, value);
    // The protocol's variables go last: a profile cannot point a worker at another task.
    environment.insert(u"QANBAN_TASK"_s, launch.taskId);
    environment.insert(u"QANBAN_RUN"_s, QString::number(launch.runId));
    environment.insert(u"QANBAN_PROFILE"_s, profile.name);
    environment.insert(u"QANBAN_WORKSPACE"_s, launch.workspace);
    environment.insert(u"QANBAN_DB"_s, m_databasePath);
    environment.insert(u"QANBAN_HOME"_s, m_home.root());
    environment.insert(u"QANBAN_CLAIMER"_s, m_claimer);

    // A worktree may not exist yet (the worker makes it): start next to it then.
    QString folder = launch.workspace;
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = m_home.root();

    RunSupervisor::Options options;
    options.databasePath = m_databasePath;
    options.taskId = launch.taskId;
    options.runId = launch.runId;
    options.claimer = m_claimer;
    options.claimTtl = m_options.config.claimTtl;
    options.maxRuntime = launch.maxRuntime;
    options.graceMs = int(m_options.config.killGrace * 1000);
    options.failureLimit = m_options.config.failureLimit;
    options.retryBackoff = m_options.config.retryBackoff;
    options.rateLimitCooldown = m_options.config.rateLimitCooldown;
    options.worker.program = profile.program;
    options.worker.arguments = profile.expandedArguments(launch.taskId, launch.runId,
                                                         launch.workspace);
    options.worker.workingDirectory = folder;
    options.worker.logPath = launch.logPath;

    QProcess supervisor;
    supervisor.setProgram(supervisorProgram());
    supervisor.setArguments(m_options.supervisorArguments + RunSupervisor::arguments(options));
    supervisor.setWorkingDirectory(folder);
    supervisor.setProcessEnvironment(environment);
    supervisor.setStandardInputFile(QProcess::nullDevice());
    supervisor.setStandardOutputFile(launch.logPath, QIODevice::Append);
    supervisor.setStandardErrorFile(launch.logPath, QIODevice::Append);
    qint64 pid = 0;
    // Detached, in a session of its own: the supervisor outlives this dispatcher.
    if (!supervisor.startDetached(&pid)) {
        *error = u"cannot start the supervisor %1: %2"_s.arg(supervisor.program(),
                                                             supervisor.errorString());
        return false;
    }
    m_launched.insert(launch.runId, {launch.taskId, pid, launch.logPath, nowMs()});
    return true;
}

void Dispatcher::failSpawn(const QString &taskId, qint64 runId, const QString &logPath,
                           const QString &reason, DispatchResult &result)
{
    m_lastSpawnError = reason;
    qCWarning(lcDispatcher, "task %s, run %lld: %s", qUtf8Printable(taskId), runId,
              qUtf8Printable(reason));
    if (WorkerProcess::prepareLog(logPath)) {
        QFile log(logPath);
        if (log.open(QIODevice::Append)) {
            const QString stamp = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
            log.write(u"[qanban %1] spawn failed: %2\n"_s.arg(stamp, reason).toUtf8());
        }
    }
    m_launched.remove(runId);
    const FailedAttempt failure{u"spawn_failed"_s, std::nullopt, reason,
                                m_options.config.failureLimit, m_options.config.retryBackoff};
    Result<Task> recorded = m_store->recordFailedAttempt(taskId, runId, failure);
    noteFailure(taskId, runId, u"spawn_failed"_s, reason, recorded, result);
}

// ---------------------------------------------------------------- change feed

void Dispatcher::onEvents(const QList<Event> &events)
{
    bool wake = false;
    QSet<QString> oursFailed;
    for (const Event &event : events) {
        const QString &kind = event.kind;
        if (!quietKinds.contains(kind))
            wake = true;
        if (kind == "spawned"_L1) {
            Q_EMIT runStarted(event.taskId, runOf(event),
                              event.payload.value(u"pid"_s).toInteger());
        } else if (kind == "completed"_L1) {
            if (const qint64 run = runOf(event))
                Q_EMIT runFinished(event.taskId, run, kind);
        } else if (kind == "blocked"_L1) {
            if (const qint64 run = runOf(event))
                Q_EMIT runFinished(event.taskId, run, kind);
            Q_EMIT taskBlocked(event.taskId, event.payload.value(u"reason"_s).toString(), false);
        } else if (failureKinds.contains(kind)) {
            const qint64 run = runOf(event);
            const QString reason = event.payload.value(u"error"_s).toString();
            Q_EMIT runFinished(event.taskId, run, kind);
            Q_EMIT runCrashed(event.taskId, run, kind, reason);
            // Recorded by a supervisor we launched: report it with the next tick.
            if (m_launched.contains(run)) {
                m_launched.remove(run);
                oursFailed.insert(event.taskId);
                const DispatchResult::Ended ended{event.taskId, run, reason};
                if (kind == "timed_out"_L1)
                    m_carried.timedOut.append(ended);
                else if (kind == "spawn_failed"_L1)
                    m_carried.spawnFailed.append(ended);
                else
                    m_carried.crashed.append(ended);
            }
        } else if (kind == "gave_up"_L1) {
            const QString reason = event.payload.value(u"reason"_s).toString();
            Q_EMIT taskBlocked(event.taskId, reason, true);
            if (oursFailed.contains(event.taskId))
                m_carried.gaveUp.append({event.taskId, 0, reason});
        } else if (kind == "rate_limited"_L1 || kind == "reclaimed"_L1) {
            if (const qint64 run = runOf(event))
                Q_EMIT runFinished(event.taskId, run, kind);
        } else if (kind == "moved"_L1) {
            const qint64 run = runOf(event, u"cancelled_run"_s);
            if (run == 0)
                continue;
            Q_EMIT runFinished(event.taskId, run, u"cancelled"_s);
            // The run's supervisor stops its worker itself; an adopted one is ours to stop.
            if (m_adopted.contains(run))
                stopAdopted(run, WorkerExit::Stop::Cancel);
        }
    }
    if (wake)
        requestTick();
}

void Dispatcher::takeCarried(DispatchResult &into)
{
    into.crashed += std::exchange(m_carried.crashed, {});
    into.timedOut += std::exchange(m_carried.timedOut, {});
    into.spawnFailed += std::exchange(m_carried.spawnFailed, {});
    into.gaveUp += std::exchange(m_carried.gaveUp, {});
}

// ---------------------------------------------------------------- shutdown

void Dispatcher::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_timer->stop();
    m_tickSoon->stop();
    m_wakeUp->stop();
    m_heartbeat->stop();
    if (m_feed)
        m_feed->stop();

    // A supervisor that has not taken its lock yet still gets the signal: by pid.
    for (auto it = m_launched.cbegin(); it != m_launched.cend(); ++it) {
        if (ProcessTools::isAlive(it->supervisorPid))
            ::kill(pid_t(it->supervisorPid), SIGTERM);
    }
    for (auto it = m_adopted.cbegin(); it != m_adopted.cend(); ++it)
        ProcessTools::signalGroup(it->pid, SIGTERM);

    // Wait in this (the dispatcher's own) thread until every supervisor has recorded its
    // run and exited; workers that ignore SIGTERM are killed after the grace period.
    const qint64 graceMs = qint64(m_options.config.killGrace * 1000);
    const qint64 deadline = nowMs() + graceMs + 5000;
    bool killed = false;
    while (nowMs() < deadline) {
        bool alive = false;
        for (auto it = m_launched.cbegin(); it != m_launched.cend() && !alive; ++it) {
            alive = ProcessTools::isAlive(it->supervisorPid)
                || ProcessTools::LockFile::isHeld(RunSupervisor::lockPath(it->logPath));
        }
        for (auto it = m_adopted.cbegin(); it != m_adopted.cend() && !alive; ++it)
            alive = ProcessTools::groupIsAlive(it->pid);
        if (!alive)
            break;
        if (!killed && nowMs() >= deadline - 5000) {
            killed = true;
            for (auto it = m_adopted.cbegin(); it != m_adopted.cend(); ++it)
                ProcessTools::signalGroup(it->pid, SIGKILL);
        }
        ::usleep(20000);
    }
    for (auto it = m_adopted.cbegin(); it != m_adopted.cend(); ++it) {
        (void)m_store->releaseRun(it->taskId, it.key(),
                                  u"the dispatcher shut down; the worker was stopped"_s);
    }
    m_adopted.clear();
    // Spawns still waiting for the keychain never started: give their tasks back.
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        (void)m_store->releaseRun(it.value(), it.key(), u"the dispatcher shut down"_s);
    m_pending.clear();
    // A supervisor that died before recording anything leaves its run open: close it.
    for (auto it = m_launched.cbegin(); it != m_launched.cend(); ++it) {
        if (Result<Run> run = m_store->queries().run(it.key()); run && run->isOpen()) {
            (void)m_store->releaseRun(it->taskId, it.key(),
                                      u"the dispatcher shut down before the worker ended"_s);
        }
    }
    m_launched.clear();
    Q_EMIT stopped();
}
