#include "dispatcher.h"
#include "dispatchtesthelpers.h"
#include "processtools.h"
#include "qanbantest.h"
#include "runsupervisor.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace DispatchTest;

// The dispatcher against a real board with real worker processes: every outcome, the
// caps, the default assignee, the breaker, timeouts, cancellation, re-adoption, shutdown.
// Each test checks at the end that no process of its board is left.
class TestDispatcher final : public QObject
{
    Q_OBJECT

private:
    TempBoard &board() { return *m_board; }

    Dispatcher &dispatcher(const std::function<void(Dispatcher::Options &)> &adjust = {})
    {
        Dispatcher::Options dispatchOptions = options(board());
        if (adjust)
            adjust(dispatchOptions);
        m_dispatcher = std::make_unique<Dispatcher>(dispatchOptions);
        if (Result<void> opened = m_dispatcher->open(); !opened)
            qWarning("open: %s", qUtf8Printable(opened.error().message));
        return *m_dispatcher;
    }

    void profile(const QString &name, const QStringList &arguments,
                 std::optional<int> maxRuntime = std::nullopt)
    {
        Profile made = fakeProfile(name, arguments);
        made.maxRuntime = maxRuntime;
        writeProfile(board(), made);
    }

    Run lastRun(const QString &id)
    {
        const QList<Run> all = runs(board(), id);
        return all.isEmpty() ? Run{} : all.constLast();
    }

    // Waits until the task's current run has its worker's pid.
    qint64 workerPid(const QString &id)
    {
        qint64 pid = 0;
        for (int i = 0; i < 500 && pid == 0; ++i) {
            const Run run = lastRun(id);
            if (run.pid)
                pid = *run.pid;
            else
                QTest::qWait(10);
        }
        return pid;
    }

    QString spawnedText(const DispatchResult &result)
    {
        QStringList items;
        for (const DispatchResult::Spawned &item : result.spawned)
            items << item.task;
        return items.join(u',');
    }

    std::unique_ptr<TempBoard> m_board;
    std::unique_ptr<Dispatcher> m_dispatcher;

private Q_SLOTS:
    void init()
    {
        m_board = std::make_unique<TempBoard>();
        QVERIFY(m_board->isValid());
        // The dispatcher and its workers run on real time; so does the test's store.
        m_board->store().setClock([] { return QDateTime::currentSecsSinceEpoch(); });
    }

    void cleanup()
    {
        // A failure under load is rare and hard to reproduce: leave the board's whole
        // story (tasks, runs, events) in the log.
        if (QTest::currentTestFailed())
            qInfo().noquote() << "board after the failure:\n" << m_board->dump();
        if (m_dispatcher)
            m_dispatcher->shutdown();
        m_dispatcher.reset();
        const QString home = m_board->home();
        QTRY_VERIFY2(processesMentioning(home).isEmpty(), "a process of the board was left");
        m_board.reset();
    }

    void shouldRecordAWorkerWhoseRunEndedBeforeItWasRecorded()
    {
        // GIVEN a run that ended before its supervisor recorded the worker, as when a fast
        // worker reports at once
        const QString id = readyTask(board(), u"ok"_s);
        Result<Task> claimed = board().store().claim(id, u"w"_s, 600);
        QVERIFY2(claimed, qPrintable(claimed.error().message));
        const qint64 run = *claimed->currentRunId;
        QVERIFY(board().store().complete(id, Completion{u"r"_s, {}, {}, run}).ok());

        // WHEN its supervisor starts the worker and records it
        RunSupervisor::Options options;
        options.databasePath = board().databasePath();
        options.taskId = id;
        options.runId = run;
        options.claimer = u"w"_s;
        options.graceMs = 300;
        options.worker.program = fakeWorker();
        options.worker.arguments = {u"exit"_s, u"0"_s};
        options.worker.logPath = QDir(board().home()).absoluteFilePath(u"run.log"_s);
        options.worker.workingDirectory = board().home();
        QProcess supervisor;
        supervisor.setProcessChannelMode(QProcess::ForwardedChannels);
        supervisor.start(testSupervisor(), RunSupervisor::arguments(options));
        QVERIFY(supervisor.waitForFinished(30000));

        // THEN the run keeps its outcome and gains the worker's pid, log and spawned event
        QCOMPARE(supervisor.exitStatus(), QProcess::NormalExit);
        QCOMPARE(supervisor.exitCode(), 0);
        const Run recorded = lastRun(id);
        QCOMPARE(recorded.outcome, u"completed"_s);
        QVERIFY(recorded.pid.has_value());
        QCOMPARE(recorded.logPath, options.worker.logPath);
        QVERIFY(eventKinds(board(), id).contains(u"spawned"_s));
        QCOMPARE(task(board(), id).status, TaskStatus::Done);
    }

    void shouldStartNewReadyWorkFromChangeFeed()
    {
        // GIVEN a watching dispatcher whose safety-net timer is an hour away
        profile(u"ok"_s, {u"env"_s, u"{workspace}/env.txt"_s});
        Dispatcher &d = dispatcher([](Dispatcher::Options &o) { o.config.interval = 3600; });
        QSignalSpy started(&d, &Dispatcher::runStarted);
        QSignalSpy finished(&d, &Dispatcher::runFinished);
        QVERIFY(d.startWatching().ok());
        // WHEN a task becomes ready
        const QString id = readyTask(board(), u"ok"_s);
        // THEN the change feed starts its worker and sees it finish, long before any timer
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(task(board(), id).status, TaskStatus::Done, 10000);
        QTRY_VERIFY(!finished.isEmpty());
        QCOMPARE(finished.first().at(0).toString(), id);
        QCOMPARE(finished.first().at(2).toString(), u"completed"_s);
        const Run run = lastRun(id);
        QCOMPARE(run.outcome, u"completed"_s);
        QVERIFY(run.pid.has_value());
        QCOMPARE(started.first().at(2).toLongLong(), *run.pid);
        QCOMPARE(run.logPath, BoardHome(board().home()).runLogPath(id, run.id));
        QCOMPARE(QFileInfo(run.logPath).permissions() & (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions());
        QVERIFY(!groupAlive(*run.pid));
        // The worker got the protocol's environment.
        const Task done = task(board(), id);
        const QByteArray environment = readAll(QDir(done.workspacePath).filePath(u"env.txt"_s));
        auto has = [&environment](const QString &line) {
            return environment.contains(line.toUtf8());
        };
        QVERIFY(has(u"QANBAN_TASK="_s + id));
        QVERIFY(has(u"QANBAN_RUN="_s + QString::number(run.id)));
        QVERIFY(has(u"QANBAN_PROFILE=ok"_s));
        QVERIFY(has(u"QANBAN_WORKSPACE="_s + done.workspacePath));
        QVERIFY(has(u"QANBAN_DB="_s + board().databasePath()));
        QVERIFY(has(u"QANBAN_HOME="_s + board().home()));
        QVERIFY(has(u"QANBAN_CLAIMER="_s + d.claimer()));
    }

    void shouldRecordCrashAndGiveUpAtTaskLimit()
    {
        profile(u"crasher"_s, {u"exit"_s, u"3"_s});
        Dispatcher &d = dispatcher([](Dispatcher::Options &o) { o.config.interval = 3600; });
        QSignalSpy crashed(&d, &Dispatcher::runCrashed);
        QSignalSpy blocked(&d, &Dispatcher::taskBlocked);
        QVERIFY(d.startWatching().ok());
        const QString id = readyTask(board(), u"crasher"_s, 0, 1);
        QTRY_COMPARE_WITH_TIMEOUT(task(board(), id).status, TaskStatus::Blocked, 10000);
        const Run run = lastRun(id);
        QCOMPARE(run.outcome, u"crashed"_s);
        QCOMPARE(run.exitCode, std::optional<int>(3));
        QVERIFY(run.error.contains(u"code 3"_s));
        QVERIFY(eventKinds(board(), id).contains(u"gave_up"_s));
        QTRY_COMPARE(crashed.size(), 1);
        QCOMPARE(crashed.first().at(2).toString(), u"crashed"_s);
        QTRY_COMPARE(blocked.size(), 1);
        QCOMPARE(blocked.first().at(2).toBool(), true);
    }

    void shouldClassifyEnds_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("errorPart");
        QTest::addColumn<int>("failures");
        QTest::newRow("killed by a signal") << QStringList{u"signal"_s, u"9"_s} << u"crashed"_s
                                            << u"SIGKILL"_s << 1;
        QTest::newRow("exit 0 without report") << QStringList{u"exit"_s, u"0"_s}
                                               << u"protocol_violation"_s << u"without"_s << 1;
        QTest::newRow("rate limited") << QStringList{u"exit"_s, u"75"_s} << u"rate_limited"_s
                                      << u"rate limited"_s << 0;
        QTest::newRow("heartbeats, then completes") << QStringList{u"heartbeat"_s, u"3"_s}
                                                    << u"completed"_s << QString() << 0;
    }

    void shouldClassifyEnds()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, outcome);
        QFETCH(QString, errorPart);
        QFETCH(int, failures);
        profile(u"p"_s, arguments);
        Dispatcher &d = dispatcher();
        const QString id = readyTask(board(), u"p"_s);
        const DispatchResult result = d.tick();
        QCOMPARE(spawnedText(result), id);
        QTRY_COMPARE_WITH_TIMEOUT(lastRun(id).outcome, outcome, 10000);
        QVERIFY2(lastRun(id).error.contains(errorPart), qPrintable(lastRun(id).error));
        const Task after = task(board(), id);
        QCOMPARE(after.consecutiveFailures, failures);
        QVERIFY(after.claimLock.isEmpty());
        if (outcome == "rate_limited"_L1) {
            // Not a failure, but it waits for its cooldown before it runs again.
            QCOMPARE(after.status, TaskStatus::Ready);
            QVERIFY(after.retryAfter && *after.retryAfter > QDateTime::currentSecsSinceEpoch());
            const DispatchResult later = d.tick();
            QVERIFY(later.spawned.isEmpty());
            QCOMPARE(later.waitingRetry.size(), 1);
        }
    }

    void shouldKeepWorkerBlocksSticky()
    {
        profile(u"blocker"_s, {u"block"_s, u"needs a human"_s});
        Dispatcher &d = dispatcher();
        const QString id = readyTask(board(), u"blocker"_s);
        QCOMPARE(d.tick().spawned.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(task(board(), id).status, TaskStatus::Blocked, 10000);
        QCOMPARE(task(board(), id).blockReason, u"needs a human"_s);
        for (int i = 0; i < 3; ++i) {
            const DispatchResult result = d.tick();
            QVERIFY(result.spawned.isEmpty());
            QCOMPARE(result.promoted, 0);
            QCOMPARE(task(board(), id).status, TaskStatus::Blocked);
        }
        QCOMPARE(runs(board(), id).size(), 1);
    }

    void shouldTimeOutAndLeaveNoProcess()
    {
        // GIVEN a worker that ignores SIGTERM and never ends, with a 1 s limit
        profile(u"stuck"_s, {u"stubborn"_s});
        Dispatcher &d = dispatcher();
        const QString id = readyTask(board(), u"stuck"_s, 0, 5, 1);
        QCOMPARE(d.tick().spawned.size(), 1);
        const qint64 pid = workerPid(id);
        QVERIFY(pid > 0);
        // THEN it is stopped, killed after the grace period, and recorded as timed out
        QTRY_COMPARE_WITH_TIMEOUT(lastRun(id).outcome, u"timed_out"_s, 15000);
        QVERIFY(!groupAlive(pid));
        QVERIFY(lastRun(id).error.contains(u"limit of 1 s"_s));
        QCOMPARE(task(board(), id).consecutiveFailures, 1);
    }

    void shouldStopChildrenLeftAfterCompletion()
    {
        profile(u"messy"_s, {u"orphan"_s, u"{workspace}/child.pid"_s});
        Dispatcher &d = dispatcher();
        const QString id = readyTask(board(), u"messy"_s);
        QCOMPARE(d.tick().spawned.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(task(board(), id).status, TaskStatus::Done, 10000);
        const qint64 child =
            readAll(QDir(task(board(), id).workspacePath).filePath(u"child.pid"_s)).toLongLong();
        QVERIFY(child > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(child), 10000);
    }

    void shouldNeverClaimNonspawnableTasks()
    {
        // GIVEN a task assigned to a name that has no profile
        Dispatcher &d = dispatcher();
        const QString id = readyTask(board(), u"ghost"_s);
        // WHEN ticking again and again
        for (int i = 0; i < 4; ++i) {
            const DispatchResult result = d.tick();
            // THEN it is reported, never claimed, never failed
            QCOMPARE(result.skippedNonspawnable.size(), 1);
            QCOMPARE(result.skippedNonspawnable.first().assignee, u"ghost"_s);
            QVERIFY(result.spawned.isEmpty());
            QVERIFY(result.spawnFailed.isEmpty());
        }
        const Task after = task(board(), id);
        QCOMPARE(after.status, TaskStatus::Ready);
        QCOMPARE(after.consecutiveFailures, 0);
        QVERIFY(runs(board(), id).isEmpty());
        QVERIFY(!eventKinds(board(), id).contains(u"claimed"_s));
    }

    void shouldRunCappedTaskOnLaterTick()
    {
        // GIVEN a global cap of one and two tasks whose workers wait for a file
        const QString go = QDir(board().home()).filePath(u"go"_s);
        profile(u"waiter"_s, {u"wait"_s, go});
        Dispatcher &d = dispatcher([](Dispatcher::Options &o) { o.config.maxInProgress = 1; });
        const QString first = readyTask(board(), u"waiter"_s, 5);
        const QString second = readyTask(board(), u"waiter"_s, 1);
        // WHEN the first tick runs
        const DispatchResult result = d.tick();
        // THEN one starts and the other waits for the cap
        QCOMPARE(spawnedText(result), first);
        QCOMPARE(result.skippedGlobalCap, QStringList{second});
        // The running task still counts on the next tick.
        QCOMPARE(d.tick().skippedGlobalCap, QStringList{second});
        // WHEN the first finishes, a later tick runs the second
        QFile(go).open(QIODevice::WriteOnly);
        QTRY_COMPARE_WITH_TIMEOUT(task(board(), first).status, TaskStatus::Done, 10000);
        QCOMPARE(spawnedText(d.tick()), second);
        QTRY_COMPARE_WITH_TIMEOUT(task(board(), second).status, TaskStatus::Done, 10000);
    }

    void shouldCapPerProfileCountingRunningTasks()
    {
        const QString go = QDir(board().home()).filePath(u"go"_s);
        profile(u"a"_s, {u"wait"_s, go});
        profile(u"b"_s, {u"wait"_s, go});
        Dispatcher &d = dispatcher(
            [](Dispatcher::Options &o) { o.config.maxInProgressPerProfile = 1; });
        const QString a1 = readyTask(board(), u"a"_s, 3);
        const QString a2 = readyTask(board(), u"a"_s, 2);
        const QString b1 = readyTask(board(), u"b"_s, 1);
        const DispatchResult result = d.tick();
        QCOMPARE(spawnedText(result), a1 + u',' + b1);
        QCOMPARE(result.skippedPerProfileCapped.size(), 1);
        QCOMPARE(result.skippedPerProfileCapped.first().task, a2);
        QCOMPARE(result.skippedPerProfileCapped.first().running, 1);
        QFile(go).open(QIODevice::WriteOnly);
        QTRY_COMPARE_WITH_TIMEOUT(task(board(), a1).status, TaskStatus::Done, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(task(board(), b1).status, TaskStatus::Done, 10000);
        QCOMPARE(spawnedText(d.tick()), a2);
        QTRY_COMPARE_WITH_TIMEOUT(task(board(), a2).status, TaskStatus::Done, 10000);
    }

    void shouldApplyDefaultAssignee()
    {
        profile(u"ok"_s, {u"complete"_s});
        profile(u"other"_s, {u"complete"_s});
        Dispatcher &d = dispatcher([](Dispatcher::Options &o) {
            o.config.defaultAssignee = u"ok"_s;
        });
        const QString loose = readyTask(board(), {});
        const QString explicitly = readyTask(board(), u"other"_s);
        const QStringList eventsBefore = eventKinds(board(), loose);
        // A dry run reports the assignment and changes nothing.
        const DispatchResult dry = d.tick(true);
        QCOMPARE(dry.autoAssignedDefault.size(), 1);
        QCOMPARE(dry.autoAssignedDefault.first().task, loose);
        QCOMPARE(dry.spawned.size(), 2);
        QVERIFY(!dry.spawned.first().run);
        QVERIFY(task(board(), loose).assignee.isEmpty());
        QCOMPARE(eventKinds(board(), loose), eventsBefore);
        // A real tick assigns it, with the source in the event, and leaves the other alone.
        const DispatchResult real = d.tick();
        QCOMPARE(real.autoAssignedDefault.size(), 1);
        QCOMPARE(task(board(), loose).assignee, u"ok"_s);
        QCOMPARE(task(board(), explicitly).assignee, u"other"_s);
        Result<QList<Event>> events = board().queries().events(loose);
        QVERIFY(events.ok());
        bool sourced = false;
        for (const Event &event : std::as_const(*events)) {
            if (event.kind == "assigned"_L1)
                sourced = event.payload.value(u"source"_s).toString() == "default_assignee"_L1;
        }
        QVERIFY(sourced);
        QTRY_COMPARE_WITH_TIMEOUT(task(board(), loose).status, TaskStatus::Done, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(task(board(), explicitly).status, TaskStatus::Done, 10000);
    }

    void shouldTreatBlankDefaultAssigneeAsNone()
    {
        profile(u"ok"_s, {u"complete"_s});
        Dispatcher &d = dispatcher([](Dispatcher::Options &o) {
            o.config.defaultAssignee = u"   "_s;
        });
        const QString loose = readyTask(board(), {});
        const DispatchResult result = d.tick();
        QVERIFY(result.autoAssignedDefault.isEmpty());
        QCOMPARE(result.skippedUnassigned, QStringList{loose});
        QVERIFY(task(board(), loose).assignee.isEmpty());
    }

    void shouldDryRunLikeRealTickWithoutChanges()
    {
        // GIVEN caps, an expired claim and a child whose parent is done
        profile(u"ok"_s, {u"complete"_s});
        Dispatcher &d = dispatcher([](Dispatcher::Options &o) { o.config.maxInProgress = 2; });
        const QString stale = readyTask(board(), u"ok"_s, 9);
        // Claimed long ago by a worker that is gone: its claim has expired.
        board().store().setClock([] { return QDateTime::currentSecsSinceEpoch() - 100; });
        QVERIFY(board().store().claim(stale, u"someone"_s, 10).ok());
        const QString parent = readyTask(board(), u"ok"_s);
        NewTask childSpec{.title = u"child"_s, .assignee = u"ok"_s, .parents = {parent}};
        Result<Task> child = board().store().create(childSpec);
        QVERIFY(child.ok());
        QVERIFY(board().store().move(parent, TaskStatus::Done, u"done"_s).ok());
        board().store().setClock([] { return QDateTime::currentSecsSinceEpoch(); });
        const QString extra = readyTask(board(), u"ok"_s);
        Result<qint64> lastBefore = board().queries().lastEventId();
        QVERIFY(lastBefore.ok());
        // WHEN dry-running
        const DispatchResult dry = d.tick(true);
        // THEN the bookkeeping and the caps are reported, and nothing changed
        QVERIFY(dry.dryRun);
        QCOMPARE(dry.reclaimed, 1);
        QCOMPARE(dry.spawned.size(), 2);
        QCOMPARE(dry.spawned.first().task, stale);
        QCOMPARE(dry.skippedGlobalCap.size(), 1);
        QCOMPARE(board().queries().lastEventId().value(), *lastBefore);
        QCOMPARE(task(board(), stale).status, TaskStatus::Running);
        QCOMPARE(dry.toJson().value(u"dry_run"_s).toBool(), true);
        // AND the real tick does what the dry run said
        const DispatchResult real = d.tick();
        QCOMPARE(real.reclaimed, 1);
        QCOMPARE(real.promoted, dry.promoted);
        QCOMPARE(real.spawned.size(), 2);
        QCOMPARE(real.spawned.first().task, stale);
        QCOMPARE(real.skippedGlobalCap.size(), 1);
        Q_UNUSED(extra);
        for (const DispatchResult::Spawned &item : real.spawned)
            QTRY_COMPARE_WITH_TIMEOUT(task(board(), item.task).status, TaskStatus::Done, 10000);
    }

    void shouldHonourTaskRetriesOverConfiguredLimit()
    {
        // GIVEN a configured limit of 2, a task allowing 3 and one using the limit
        profile(u"crasher"_s, {u"exit"_s, u"1"_s});
        Dispatcher &d = dispatcher([](Dispatcher::Options &o) { o.config.failureLimit = 2; });
        const QString own = readyTask(board(), u"crasher"_s, 5, 3);
        const QString configured = readyTask(board(), u"crasher"_s, 1);
        // WHEN ticking until both stop
        for (int round = 0; round < 6; ++round) {
            d.tick();
            QTRY_VERIFY_WITH_TIMEOUT(task(board(), own).status != TaskStatus::Running
                                         && task(board(), configured).status
                                             != TaskStatus::Running,
                                     10000);
        }
        // THEN each gave up at its own effective limit, and no more than that
        QCOMPARE(task(board(), own).status, TaskStatus::Blocked);
        QCOMPARE(runs(board(), own).size(), 3);
        QCOMPARE(task(board(), configured).status, TaskStatus::Blocked);
        QCOMPARE(runs(board(), configured).size(), 2);
        QVERIFY(eventKinds(board(), own).contains(u"gave_up"_s));
    }

    void shouldBackOffBeforeRetry()
    {
        profile(u"crasher"_s, {u"exit"_s, u"1"_s});
        Dispatcher &d = dispatcher([](Dispatcher::Options &o) { o.config.retryBackoff = 600; });
        const QString id = readyTask(board(), u"crasher"_s, 0, 5);
        QCOMPARE(d.tick().spawned.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(lastRun(id).outcome, u"crashed"_s, 10000);
        // The crash loop cannot spin: the retry waits for the back-off.
        const DispatchResult next = d.tick();
        QVERIFY(next.spawned.isEmpty());
        QCOMPARE(next.waitingRetry.size(), 1);
        QVERIFY(next.waitingRetry.first().retryAfter >= QDateTime::currentSecsSinceEpoch() + 590);
        QCOMPARE(runs(board(), id).size(), 1);
    }

    void shouldStopWorkerWhenOperatorStopsRun()
    {
        profile(u"sleeper"_s, {u"hang"_s});
        Dispatcher &d = dispatcher();
        const QString id = readyTask(board(), u"sleeper"_s);
        QCOMPARE(d.tick().spawned.size(), 1);
        const qint64 pid = workerPid(id);
        QVERIFY(pid > 0);
        // WHEN the operator moves the running task back to ready
        QVERIFY(board().store().move(id, TaskStatus::Ready).ok());
        // THEN the run is cancelled and its worker's group is terminated
        QTRY_VERIFY_WITH_TIMEOUT(!groupAlive(pid), 10000);
        QCOMPARE(lastRun(id).outcome, u"cancelled"_s);
        QCOMPARE(task(board(), id).consecutiveFailures, 0);
    }

    void shouldRecordOutcomeAfterDispatcherIsKilled()
    {
        // GIVEN a headless dispatcher in its own process and a worker that ends later
        profile(u"slow"_s, {u"sleep-exit"_s, u"1500"_s, u"3"_s});
        QProcess headless;
        headless.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        headless.start(testDispatcher(), {board().home(), testSupervisor()});
        QVERIFY(headless.waitForStarted());
        const QString id = readyTask(board(), u"slow"_s);
        QVERIFY(workerPid(id) > 0);
        // WHEN the dispatcher is killed outright
        headless.kill();
        QVERIFY(headless.waitForFinished());
        // THEN the worker's end is still classified and recorded
        QTRY_COMPARE_WITH_TIMEOUT(lastRun(id).outcome, u"crashed"_s, 15000);
        QCOMPARE(lastRun(id).exitCode, std::optional<int>(3));
    }

    void shouldAdoptLiveWorkerAndCrashItWhenItDies()
    {
        // GIVEN a running worker whose supervisor is killed
        profile(u"sleeper"_s, {u"hang"_s});
        Dispatcher &first = dispatcher();
        const QString id = readyTask(board(), u"sleeper"_s);
        QCOMPARE(first.tick().spawned.size(), 1);
        const qint64 pid = workerPid(id);
        QVERIFY(pid > 0);
        const QString lock = RunSupervisor::lockPath(lastRun(id).logPath);
        QTRY_VERIFY(ProcessTools::LockFile::isHeld(lock));
        const QList<QByteArray> stat = readAll(u"/proc/%1/stat"_s.arg(pid))
                                           .mid(readAll(u"/proc/%1/stat"_s.arg(pid))
                                                    .lastIndexOf(')') + 2)
                                           .split(' ');
        const qint64 supervisor = stat.value(1).toLongLong();
        QVERIFY(supervisor > 1);
        ::kill(pid_t(supervisor), SIGKILL);
        QTRY_VERIFY(!ProcessTools::LockFile::isHeld(lock));
        // WHEN a new dispatcher ticks
        m_dispatcher.reset();
        Dispatcher &second = dispatcher();
        const int heartbeatsBefore = int(eventKinds(board(), id).count(u"heartbeat"_s));
        second.tick();
        // THEN it adopts the live worker (and keeps its claim alive) instead of crashing it
        QCOMPARE(lastRun(id).outcome, QString());
        QVERIFY(eventKinds(board(), id).count(u"heartbeat"_s) > heartbeatsBefore);
        QCOMPARE(second.activeRuns(), 1);
        // WHEN the worker dies with nobody to wait for it
        ProcessTools::signalGroup(pid, SIGKILL);
        QTRY_VERIFY(!processAlive(pid));
        const DispatchResult reaped = second.tick();
        // THEN it is recorded as crashed, its exit status unknown (and the task runs again)
        QCOMPARE(reaped.crashed.size(), 1);
        const Run firstRun = runs(board(), id).first();
        QCOMPARE(firstRun.outcome, u"crashed"_s);
        QVERIFY(firstRun.error.contains(u"unknown"_s));
    }

    void shouldTreatZombieWorkerAsDead()
    {
        // GIVEN a run whose recorded worker is a zombie nobody reaps
        profile(u"p"_s, {u"complete"_s});
        Dispatcher &d = dispatcher();
        const pid_t zombie = ::fork();
        if (zombie == 0)
            ::_exit(0);
        QTRY_VERIFY(!processAlive(zombie)); // exited, not reaped: a zombie
        QVERIFY(::kill(zombie, 0) == 0);    // the pid still exists
        const QString id = readyTask(board(), u"p"_s, 0, 5);
        Result<Task> claimed = board().store().claim(id, d.claimer());
        QVERIFY(claimed.ok());
        const qint64 run = *claimed->currentRunId;
        const QString log = BoardHome(board().home()).runLogPath(id, run);
        QVERIFY(board().store().setRunProcess(run, zombie, log).ok());
        // WHEN the dispatcher reaps
        const DispatchResult result = d.tick();
        // THEN the zombie counts as dead
        QCOMPARE(result.crashed.size(), 1);
        QCOMPARE(runs(board(), id).first().outcome, u"crashed"_s);
        ::waitpid(zombie, nullptr, 0);
        QTRY_COMPARE_WITH_TIMEOUT(task(board(), id).status, TaskStatus::Done, 10000);
    }

    void shouldRecordSpawnFailureWhenProgramIsMissing()
    {
        Profile broken = fakeProfile(u"broken"_s, {});
        broken.program = QDir(board().home()).filePath(u"no-such-agent"_s);
        writeProfile(board(), broken);
        Dispatcher &d = dispatcher();
        const QString id = readyTask(board(), u"broken"_s, 0, 5);
        QCOMPARE(d.tick().spawned.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(lastRun(id).outcome, u"spawn_failed"_s, 10000);
        const Task after = task(board(), id);
        QCOMPARE(after.status, TaskStatus::Ready);
        QVERIFY(after.claimLock.isEmpty());
        QCOMPARE(after.consecutiveFailures, 1);
        const QString log = BoardHome(board().home()).runLogPath(id, lastRun(id).id);
        QVERIFY(readAll(log).contains("cannot start the worker"));
    }

    void shouldRecordSpawnFailureWhenSupervisorCannotStart()
    {
        profile(u"ok"_s, {u"complete"_s});
        Dispatcher &d = dispatcher([this](Dispatcher::Options &o) {
            o.supervisorProgram = QDir(board().home()).filePath(u"no-such-supervisor"_s);
        });
        const QString id = readyTask(board(), u"ok"_s, 0, 5);
        const DispatchResult result = d.tick();
        QVERIFY(result.spawned.isEmpty());
        QCOMPARE(result.spawnFailed.size(), 1);
        QCOMPARE(lastRun(id).outcome, u"spawn_failed"_s);
        QCOMPARE(task(board(), id).status, TaskStatus::Ready);
        const QString log = BoardHome(board().home()).runLogPath(id, lastRun(id).id);
        QVERIFY(readAll(log).contains("spawn failed"));
    }

    void shouldWarnOnlyWhenSpawnableWorkIsStuck()
    {
        // GIVEN only work no profile can run, ticking on a short interval
        Dispatcher &d = dispatcher([](Dispatcher::Options &o) {
            o.config.interval = 0.02;
            o.config.stuckTicks = 2;
        });
        QSignalSpy stuck(&d, &Dispatcher::stuckWarning);
        QSignalSpy ticks(&d, &Dispatcher::ticked);
        readyTask(board(), u"ghost"_s);
        readyTask(board(), {});
        QVERIFY(d.startWatching().ok());
        QTRY_VERIFY(ticks.size() > 8);
        // THEN no warning
        QCOMPARE(stuck.size(), 0);
        // WHEN a profile's workers cannot start and the task waits in its back-off
        m_dispatcher->shutdown();
        m_dispatcher.reset();
        profile(u"ok"_s, {u"complete"_s});
        Dispatcher &failing = dispatcher([this](Dispatcher::Options &o) {
            o.config.interval = 0.02;
            o.config.stuckTicks = 2;
            o.config.retryBackoff = 3600;
            o.supervisorProgram = QDir(board().home()).filePath(u"no-such-supervisor"_s);
        });
        QSignalSpy stuckNow(&failing, &Dispatcher::stuckWarning);
        readyTask(board(), u"ok"_s, 0, 10);
        QVERIFY(failing.startWatching().ok());
        // THEN the warning fires, once, naming the cause
        QTRY_COMPARE(stuckNow.size(), 1);
        QVERIFY(stuckNow.first().first().toString().contains(u"no-such-supervisor"_s));
    }

    void shouldStopWorkersOnShutdown()
    {
        profile(u"sleeper"_s, {u"hang"_s});
        profile(u"stubborn"_s, {u"stubborn"_s});
        Dispatcher &d = dispatcher();
        const QString a = readyTask(board(), u"sleeper"_s);
        const QString b = readyTask(board(), u"stubborn"_s);
        QCOMPARE(d.tick().spawned.size(), 2);
        const qint64 pidA = workerPid(a);
        const qint64 pidB = workerPid(b);
        QVERIFY(pidA > 0 && pidB > 0);
        QTRY_VERIFY(readAll(lastRun(b).logPath).contains("stubborn"));
        // WHEN the dispatcher shuts down
        d.shutdown();
        // THEN nothing is left running and the tasks go back to ready, with no failure
        QVERIFY(!groupAlive(pidA));
        QVERIFY(!groupAlive(pidB));
        for (const QString &id : {a, b}) {
            QCOMPARE(lastRun(id).outcome, u"reclaimed"_s);
            QCOMPARE(task(board(), id).status, TaskStatus::Ready);
            QCOMPARE(task(board(), id).consecutiveFailures, 0);
        }
    }

    void shouldReclaimExpiredClaimsAndRunThem()
    {
        profile(u"ok"_s, {u"complete"_s});
        Dispatcher &d = dispatcher();
        const QString id = readyTask(board(), u"ok"_s);
        board().store().setClock([] { return QDateTime::currentSecsSinceEpoch() - 100; });
        QVERIFY(board().store().claim(id, u"gone-worker"_s, 10).ok());
        const DispatchResult result = d.tick();
        QCOMPARE(result.reclaimed, 1);
        QCOMPARE(spawnedText(result), id);
        QTRY_COMPARE_WITH_TIMEOUT(task(board(), id).status, TaskStatus::Done, 10000);
        QCOMPARE(runs(board(), id).first().outcome, u"reclaimed"_s);
    }

    void shouldWriteResultJsonOfTheContract()
    {
        DispatchResult result;
        result.spawned.append({u"t1"_s, u"coder"_s, u"/w/t1"_s, 7});
        result.skippedPerProfileCapped.append({u"t2"_s, u"coder"_s, 2});
        result.crashed.append({u"t3"_s, 4, u"exited with code 3"_s});
        const QJsonObject json = result.toJson();
        for (const QString &key : {u"dry_run"_s, u"spawned"_s, u"skipped_unassigned"_s,
                                   u"skipped_nonspawnable"_s, u"skipped_per_profile_capped"_s,
                                   u"skipped_global_cap"_s, u"auto_assigned_default"_s,
                                   u"reclaimed"_s, u"promoted"_s, u"crashed"_s, u"timed_out"_s}) {
            QVERIFY2(json.contains(key), qPrintable(key));
        }
        const QJsonObject spawned = json.value(u"spawned"_s).toArray().first().toObject();
        QCOMPARE(spawned.value(u"task"_s).toString(), u"t1"_s);
        QCOMPARE(spawned.value(u"assignee"_s).toString(), u"coder"_s);
        QCOMPARE(spawned.value(u"workspace"_s).toString(), u"/w/t1"_s);
        QCOMPARE(spawned.value(u"run"_s).toString(), u"7"_s);
        const QJsonObject capped =
            json.value(u"skipped_per_profile_capped"_s).toArray().first().toObject();
        QCOMPARE(capped.value(u"running"_s).toInt(), 2);
        const QJsonObject crashed = json.value(u"crashed"_s).toArray().first().toObject();
        QCOMPARE(crashed.value(u"reason"_s).toString(), u"exited with code 3"_s);
        QCOMPARE(crashed.value(u"run"_s).toString(), u"4"_s);
    }
};

QANBAN_TEST_MAIN(TestDispatcher)
#include "tst_dispatcher.moc"
