#include "dispatchtesthelpers.h"
#include "qanbantest.h"
#include "workerprocess.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace DispatchTest;

Q_DECLARE_METATYPE(WorkerExit::How)
Q_DECLARE_METATYPE(WorkerExit::Stop)
Q_DECLARE_METATYPE(WorkerOutcome::Record)

// One real worker process at a time: exits, signals, stops, leftovers and the log.
class TestWorkerProcess final : public QObject
{
    Q_OBJECT

private:
    WorkerProcess::Spec spec(const QStringList &arguments)
    {
        WorkerProcess::Spec spec;
        spec.program = fakeWorker();
        spec.arguments = arguments;
        spec.workingDirectory = m_dir.path();
        spec.logPath = m_dir.filePath(u"logs/t/%1.log"_s.arg(++m_count));
        return spec;
    }

    // Runs the worker to its end; the group must be gone by then.
    WorkerExit runToEnd(WorkerProcess &worker, const std::function<void()> &whileRunning = {})
    {
        QSignalSpy started(&worker, &WorkerProcess::started);
        QSignalSpy finished(&worker, &WorkerProcess::finished);
        worker.start();
        if (whileRunning) {
            if (!started.wait(5000))
                return {};
            whileRunning();
        }
        if (!finished.wait(15000) && finished.isEmpty())
            return {};
        return finished.first().first().value<WorkerExit>();
    }

    QTemporaryDir m_dir;
    int m_count = 0;

private Q_SLOTS:
    void shouldReportExitCodeAndWriteLog()
    {
        WorkerProcess worker(spec({u"exit"_s, u"3"_s}));
        const WorkerExit exit = runToEnd(worker);
        QCOMPARE(exit.how, WorkerExit::How::Exited);
        QCOMPARE(exit.exitCode, 3);
        QVERIFY(worker.pid() > 0);
        QVERIFY(!groupAlive(worker.pid()));
        // The worker's output went to its log, which only its owner may read.
        const QString log = m_dir.filePath(u"logs/t/%1.log"_s.arg(m_count));
        QVERIFY(readAll(log).contains("fakeworker exit pid"));
        QCOMPARE(QFileInfo(log).permissions() & ~(QFile::ReadOwner | QFile::WriteOwner
                                                  | QFile::ReadUser | QFile::WriteUser),
                 QFile::Permissions());
    }

    void shouldReportSignal()
    {
        WorkerProcess worker(spec({u"signal"_s, QString::number(SIGSEGV)}));
        const WorkerExit exit = runToEnd(worker);
        QCOMPARE(exit.how, WorkerExit::How::Signalled);
        QCOMPARE(exit.signal, int(SIGSEGV));
        QVERIFY(exit.describe().contains(u"SIGSEGV"_s));
    }

    void shouldReportFailureToStart()
    {
        WorkerProcess::Spec broken = spec({});
        broken.program = m_dir.filePath(u"no-such-program"_s);
        WorkerProcess worker(broken);
        const WorkerExit exit = runToEnd(worker);
        QCOMPARE(exit.how, WorkerExit::How::FailedToStart);
        QVERIFY(!exit.error.isEmpty());
    }

    void shouldStopWholeGroupWithTerm()
    {
        WorkerProcess worker(spec({u"hang"_s}));
        worker.setGracePeriod(5000);
        const WorkerExit exit = runToEnd(worker, [&] { worker.stop(WorkerExit::Stop::Timeout); });
        QCOMPARE(exit.how, WorkerExit::How::Signalled);
        QCOMPARE(exit.signal, int(SIGTERM));
        QCOMPARE(exit.stop, WorkerExit::Stop::Timeout);
        QVERIFY(!groupAlive(worker.pid()));
    }

    void shouldKillWorkerIgnoringTerm()
    {
        WorkerProcess worker(spec({u"stubborn"_s}));
        worker.setGracePeriod(200);
        // Give it a moment to install its SIG_IGN before the stop arrives.
        const WorkerExit exit = runToEnd(worker, [&] {
            QTRY_VERIFY(readAll(m_dir.filePath(u"logs/t/%1.log"_s.arg(m_count)))
                            .contains("stubborn"));
            worker.stop(WorkerExit::Stop::Cancel);
        });
        QCOMPARE(exit.how, WorkerExit::How::Signalled);
        QCOMPARE(exit.signal, int(SIGKILL));
        QVERIFY(!groupAlive(worker.pid()));
    }

    void shouldKillChildrenLeftBehind()
    {
        // GIVEN a worker that leaves a child running (one that ignores SIGTERM) and exits
        const QString pidFile = m_dir.filePath(u"orphan.pid"_s);
        WorkerProcess worker(spec({u"orphan"_s, pidFile}));
        worker.setGracePeriod(200);
        // WHEN it ends
        const WorkerExit exit = runToEnd(worker);
        QCOMPARE(exit.how, WorkerExit::How::Exited);
        // THEN its child did not outlive it
        const qint64 child = readAll(pidFile).toLongLong();
        QVERIFY(child > 0);
        QVERIFY(!processAlive(child));
        QVERIFY(!groupAlive(worker.pid()));
    }

    void shouldKillGroupWhenDestroyed()
    {
        qint64 pid = 0;
        {
            WorkerProcess worker(spec({u"hang"_s}));
            QSignalSpy started(&worker, &WorkerProcess::started);
            worker.start();
            QVERIFY(started.wait(5000));
            pid = worker.pid();
            QVERIFY(groupAlive(pid));
        }
        QTRY_VERIFY(!groupAlive(pid));
    }

    void shouldClassifyExits_data()
    {
        QTest::addColumn<WorkerExit::How>("how");
        QTest::addColumn<int>("code");
        QTest::addColumn<WorkerExit::Stop>("stop");
        QTest::addColumn<bool>("open");
        QTest::addColumn<WorkerOutcome::Record>("record");
        QTest::addColumn<QString>("outcome");
        using H = WorkerExit::How;
        using S = WorkerExit::Stop;
        using R = WorkerOutcome::Record;
        QTest::newRow("reported, then exit 0") << H::Exited << 0 << S::None << false << R::Nothing
                                               << QString();
        QTest::newRow("exit 0 without report") << H::Exited << 0 << S::None << true << R::Failure
                                               << u"protocol_violation"_s;
        QTest::newRow("exit 3") << H::Exited << 3 << S::None << true << R::Failure
                                << u"crashed"_s;
        QTest::newRow("exit 75") << H::Exited << 75 << S::None << true << R::RateLimited
                                 << u"rate_limited"_s;
        QTest::newRow("signal") << H::Signalled << 9 << S::None << true << R::Failure
                                << u"crashed"_s;
        QTest::newRow("timeout") << H::Signalled << 15 << S::Timeout << true << R::Failure
                                 << u"timed_out"_s;
        QTest::newRow("timeout, exit 0") << H::Exited << 0 << S::Timeout << true << R::Failure
                                         << u"timed_out"_s;
        QTest::newRow("cancelled") << H::Signalled << 15 << S::Cancel << false << R::Nothing
                                   << QString();
        QTest::newRow("shutdown") << H::Signalled << 15 << S::Shutdown << true << R::Release
                                  << QString();
        QTest::newRow("no program") << H::FailedToStart << 0 << S::None << true << R::Failure
                                    << u"spawn_failed"_s;
    }

    void shouldClassifyExits()
    {
        QFETCH(WorkerExit::How, how);
        QFETCH(int, code);
        QFETCH(WorkerExit::Stop, stop);
        QFETCH(bool, open);
        QFETCH(WorkerOutcome::Record, record);
        QFETCH(QString, outcome);
        WorkerExit exit;
        exit.how = how;
        exit.exitCode = how == WorkerExit::How::Exited ? code : 0;
        exit.signal = how == WorkerExit::How::Signalled ? code : 0;
        exit.stop = stop;
        const WorkerOutcome classified = WorkerOutcome::classify(exit, open, 60);
        QCOMPARE(classified.record, record);
        QCOMPARE(classified.outcome, outcome);
        if (how == WorkerExit::How::Exited && record == WorkerOutcome::Record::Failure)
            QCOMPARE(classified.exitCode, std::optional<int>(code));
    }
};

QANBAN_TEST_MAIN(TestWorkerProcess)
#include "tst_dispatch_workerprocess.moc"
