#include "runsupervisor.h"

#include "changefeed.h"
#include "database.h"
#include "dispatcherlog.h"
#include "taskstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QProcessEnvironment>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <limits>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

std::optional<qint64> number(const QString &text, qint64 minimum)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value < minimum)
        return std::nullopt;
    return value;
}

} // namespace

QString RunSupervisor::lockPath(const QString &logPath)
{
    return logPath + u".lock"_s;
}

QStringList RunSupervisor::arguments(const Options &options)
{
    QStringList list{u"--db"_s,     options.databasePath,
                     u"--task"_s,   options.taskId,
                     u"--run"_s,    QString::number(options.runId),
                     u"--claimer"_s, options.claimer,
                     u"--ttl"_s,    QString::number(options.claimTtl),
                     u"--max-runtime"_s, QString::number(options.maxRuntime),
                     u"--grace-ms"_s, QString::number(options.graceMs),
                     u"--retry-backoff"_s, QString::number(options.retryBackoff),
                     u"--cooldown"_s, QString::number(options.rateLimitCooldown),
                     u"--log"_s,    options.worker.logPath,
                     u"--workdir"_s, options.worker.workingDirectory};
    if (options.failureLimit)
        list << u"--failure-limit"_s << QString::number(*options.failureLimit);
    list << u"--"_s << options.worker.program << options.worker.arguments;
    return list;
}

Result<RunSupervisor::Options> RunSupervisor::parse(const QStringList &arguments)
{
    Options options;
    const qsizetype separator = arguments.indexOf(u"--"_s);
    if (separator < 0 || separator + 1 >= arguments.size())
        return makeError(ErrorCode::Invalid, u"supervise needs -- PROGRAM [ARGS...]"_s);
    options.worker.program = arguments.at(separator + 1);
    options.worker.arguments = arguments.mid(separator + 2);
    options.worker.environment = QProcessEnvironment::systemEnvironment();
    for (qsizetype i = 0; i < separator; i += 2) {
        const QString name = arguments.at(i);
        if (i + 1 >= separator)
            return makeError(ErrorCode::Invalid, u"%1 needs a value"_s.arg(name));
        const QString value = arguments.at(i + 1);
        auto badNumber = [&] {
            return makeError(ErrorCode::Invalid, u"%1: not a valid number: %2"_s.arg(name, value));
        };
        if (name == "--db"_L1) {
            options.databasePath = value;
        } else if (name == "--task"_L1) {
            options.taskId = value;
        } else if (name == "--run"_L1) {
            const auto run = number(value, 1);
            if (!run)
                return badNumber();
            options.runId = *run;
        } else if (name == "--claimer"_L1) {
            options.claimer = value;
        } else if (name == "--log"_L1) {
            options.worker.logPath = value;
        } else if (name == "--workdir"_L1) {
            options.worker.workingDirectory = value;
        } else {
            const auto parsed = number(value, 0);
            if (!parsed || *parsed > std::numeric_limits<int>::max())
                return badNumber();
            const int count = int(*parsed);
            if (name == "--ttl"_L1)
                options.claimTtl = qMax(count, 1);
            else if (name == "--max-runtime"_L1)
                options.maxRuntime = count;
            else if (name == "--grace-ms"_L1)
                options.graceMs = count;
            else if (name == "--retry-backoff"_L1)
                options.retryBackoff = count;
            else if (name == "--cooldown"_L1)
                options.rateLimitCooldown = count;
            else if (name == "--failure-limit"_L1)
                options.failureLimit = count;
            else
                return makeError(ErrorCode::Invalid, u"unknown option %1"_s.arg(name));
        }
    }
    if (options.databasePath.isEmpty() || options.taskId.isEmpty() || options.runId == 0
        || options.claimer.isEmpty() || options.worker.logPath.isEmpty()) {
        return makeError(ErrorCode::Invalid,
                         u"supervise needs --db, --task, --run, --claimer and --log"_s);
    }
    return options;
}

int RunSupervisor::exec(const QStringList &arguments)
{
    Result<Options> options = parse(arguments);
    if (!options) {
        qCCritical(lcDispatcher, "supervise: %s", qUtf8Printable(options.error().message));
        return 2;
    }
    RunSupervisor supervisor(*options);
    int status = 0;
    QObject::connect(&supervisor, &RunSupervisor::done, QCoreApplication::instance(),
                     [&status](int result) {
                         status = result;
                         QCoreApplication::exit(result);
                     });
    QTimer::singleShot(0, &supervisor, &RunSupervisor::start);
    QCoreApplication::exec();
    return status;
}

RunSupervisor::RunSupervisor(const Options &options, QObject *parent)
    : QObject(parent), m_options(options), m_heartbeatTimer(new QTimer(this)),
      m_runtimeTimer(new QTimer(this))
{
    m_runtimeTimer->setSingleShot(true);
    connect(m_heartbeatTimer, &QTimer::timeout, this, &RunSupervisor::heartbeat);
    connect(m_runtimeTimer, &QTimer::timeout, this, [this] {
        logLine(u"the worker ran past its limit of %1 s: stopping it"_s.arg(m_options.maxRuntime));
        if (m_worker)
            m_worker->stop(WorkerExit::Stop::Timeout);
    });
}

RunSupervisor::~RunSupervisor()
{
    // The worker and the feed hold nothing of the store, but go first all the same.
    delete m_worker;
    delete m_feed;
    m_store.reset();
    m_database.reset();
}

void RunSupervisor::logLine(const QString &line)
{
    QFile log(m_options.worker.logPath);
    if (log.open(QIODevice::Append)) {
        const QString stamp = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        log.write((u"[qanban %1] %2\n"_s.arg(stamp, line)).toUtf8());
    }
}

void RunSupervisor::installSignalHandlers()
{
    if (signalPipe[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalPipe) != 0)
        return;
    m_signalNotifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, this);
    connect(m_signalNotifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(signalPipe[0], &byte, 1);
        logLine(u"asked to stop: the dispatcher is shutting down"_s);
        if (m_worker && m_worker->isRunning())
            m_worker->stop(WorkerExit::Stop::Shutdown);
        else if (!m_worker)
            finish(0);
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGHUP, &action, nullptr);
}

void RunSupervisor::start()
{
    installSignalHandlers();
    if (!WorkerProcess::prepareLog(m_options.worker.logPath)
        || !m_lock.acquire(lockPath(m_options.worker.logPath))) {
        qCCritical(lcDispatcher, "supervise: run %lld is already supervised", m_options.runId);
        finish(1);
        return;
    }
    // The worker starts first: opening the board is off the path from ready to running.
    // A worker whose run turns out to be closed is stopped at once, and its reports are
    // refused anyway (QANBAN_RUN names the closed run).
    m_worker = new WorkerProcess(m_options.worker);
    m_worker->setGracePeriod(m_options.graceMs);
    connect(m_worker, &WorkerProcess::started, this, &RunSupervisor::onWorkerStarted);
    connect(m_worker, &WorkerProcess::finished, this, &RunSupervisor::onWorkerFinished);
    logLine(u"starting %1 for task %2, run %3"_s.arg(m_options.worker.program, m_options.taskId)
                .arg(m_options.runId));
    m_worker->start();

    Result<std::unique_ptr<Database>> opened =
        Database::open(m_options.databasePath, Database::OpenMode::MustExist);
    if (!opened) {
        qCCritical(lcDispatcher, "supervise: %s", qUtf8Printable(opened.error().message));
        m_worker->stop(WorkerExit::Stop::Cancel);
        return; // onWorkerFinished() ends the supervision
    }
    m_database = std::move(opened).value();
    m_store = std::make_unique<TaskStore>(*m_database);

    Result<Task> task = m_store->queries().task(m_options.taskId);
    if (!task || task->currentRunId != m_options.runId) {
        logLine(u"run %1 is no longer the task's current run; stopping the worker"_s.arg(
            m_options.runId));
        m_worker->stop(WorkerExit::Stop::Cancel);
        return;
    }
    if (m_startedPid > 0)
        onWorkerStarted(m_startedPid);

    m_feed = new ChangeFeed(m_options.databasePath);
    connect(m_feed, &ChangeFeed::tasksChanged, this, [this](const QStringList &ids) {
        if (ids.contains(m_options.taskId))
            checkRunStillOurs();
    });
    if (Result<void> watching = m_feed->start(); !watching)
        qCWarning(lcDispatcher, "supervise: no change feed: %s",
                  qUtf8Printable(watching.error().message));
}

void RunSupervisor::onWorkerStarted(qint64 pid)
{
    if (!m_store) {
        m_startedPid = pid; // recorded once the board is open
        return;
    }
    Result<Run> recorded = m_store->setRunProcess(m_options.runId, pid, m_options.worker.logPath);
    if (!recorded) {
        logLine(u"cannot record the worker: %1; stopping it"_s.arg(recorded.error().message));
        m_worker->stop(WorkerExit::Stop::Cancel);
        return;
    }
    if (!recorded->isOpen()) {
        // Closed already: by the worker's own report (it exits by itself), or by
        // someone who cancelled the run (it is stopped).
        checkRunStillOurs();
        return;
    }
    m_heartbeatTimer->start(qMax(1, m_options.claimTtl / 3) * 1000);
    if (m_options.maxRuntime > 0)
        m_runtimeTimer->start(qint64(m_options.maxRuntime) * 1000);
}

void RunSupervisor::checkRunStillOurs()
{
    if (!m_worker || !m_worker->isRunning())
        return;
    Result<Run> run = m_store->queries().run(m_options.runId);
    if (!run || run->isOpen())
        return;
    if (run->outcome == "completed"_L1 || run->outcome == "blocked"_L1) {
        // The worker reported and should now exit by itself; one that lingers is stopped.
        if (!m_lingerTimerStarted) {
            m_lingerTimerStarted = true;
            QTimer::singleShot(m_options.graceMs, this, [this] {
                if (m_worker && m_worker->isRunning()) {
                    logLine(u"the worker is still running after it reported: stopping it"_s);
                    m_worker->stop(WorkerExit::Stop::Cancel);
                }
            });
        }
        return;
    }
    logLine(u"the run was closed as %1: stopping the worker"_s.arg(run->outcome));
    m_worker->stop(WorkerExit::Stop::Cancel);
}

void RunSupervisor::heartbeat()
{
    Result<Task> beat = m_store->heartbeat(m_options.taskId, m_options.claimer,
                                           m_options.claimTtl);
    if (!beat && beat.error().code == ErrorCode::LostClaim)
        checkRunStillOurs();
}

void RunSupervisor::onWorkerFinished(const WorkerExit &exit)
{
    m_heartbeatTimer->stop();
    m_runtimeTimer->stop();
    if (!m_store) {
        logLine(u"the worker %1; the board could not be opened to record it"_s.arg(
            exit.describe()));
        finish(1);
        return;
    }
    Result<Run> run = m_store->queries().run(m_options.runId);
    const bool open = run && run->isOpen();
    const WorkerOutcome outcome = WorkerOutcome::classify(exit, open, m_options.maxRuntime);
    logLine(u"the worker %1"_s.arg(exit.describe()));
    switch (outcome.record) {
    case WorkerOutcome::Record::Nothing:
        if (run)
            logLine(u"run %1 ended as %2"_s.arg(m_options.runId).arg(run->outcome));
        break;
    case WorkerOutcome::Record::Failure: {
        const FailedAttempt failure{outcome.outcome, outcome.exitCode, outcome.error,
                                    m_options.failureLimit, m_options.retryBackoff};
        Result<Task> task = m_store->recordFailedAttempt(m_options.taskId, m_options.runId,
                                                         failure);
        logLine(task ? u"recorded %1: %2"_s.arg(outcome.outcome, outcome.error)
                     : u"could not record %1: %2"_s.arg(outcome.outcome, task.error().message));
        if (task && task->status == TaskStatus::Blocked)
            logLine(u"the task is blocked: %1"_s.arg(task->blockReason));
        break;
    }
    case WorkerOutcome::Record::RateLimited: {
        Result<Task> task = m_store->recordRateLimited(m_options.taskId, m_options.runId,
                                                       outcome.exitCode,
                                                       m_options.rateLimitCooldown);
        logLine(task ? u"recorded rate_limited; retrying after %1 s"_s.arg(
                           m_options.rateLimitCooldown)
                     : u"could not record rate_limited: %1"_s.arg(task.error().message));
        break;
    }
    case WorkerOutcome::Record::Release: {
        Result<Task> task = m_store->releaseRun(m_options.taskId, m_options.runId, outcome.error);
        logLine(task ? u"released the task back to %1"_s.arg(TaskStatuses::toString(task->status))
                     : u"could not release the run: %1"_s.arg(task.error().message));
        break;
    }
    }
    finish(0);
}

void RunSupervisor::finish(int status)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_feed)
        m_feed->stop();
    // The run's end is recorded: the lock file has done its job. Removed while still held,
    // so a dispatcher never sees it free while this supervisor could still write.
    if (m_lock.isHeld())
        QFile::remove(lockPath(m_options.worker.logPath));
    Q_EMIT done(status);
}
