#include "qanbantest.h"
#include "raceloop.h"
#include "tempboard.h"

#include <QHash>
#include <QProcess>
#include <QSemaphore>
#include <QSqlQuery>
#include <QThread>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr int raceTasks = 300;
constexpr int raceProcesses = 5;
constexpr int raceThreads = 5;
// A guard against a hung worker, not a measurement: a healthy race takes seconds.
constexpr int workerGuardMs = 5 * 60 * 1000;

// What one claimer (a process or a thread) said it did.
struct Claimer {
    QString name;
    QStringList claimed;
    QStringList won;
    QString errors; // stderr of a process, or the report's errors of a thread
    int exitCode = -1;
};

// Starts the helper processes, all blocked on stdin until every one has started, then
// releases them together and collects what they printed.
QList<Claimer> runProcesses(const QList<QStringList> &argumentLists)
{
    std::vector<std::unique_ptr<QProcess>> processes;
    QList<Claimer> claimers;
    for (const QStringList &arguments : argumentLists) {
        auto process = std::make_unique<QProcess>();
        process->setProgram(QString::fromUtf8(RACEWORKER_PATH));
        process->setArguments(arguments);
        process->start();
        processes.push_back(std::move(process));
        claimers.append(Claimer{arguments.value(2)});
    }
    for (auto &process : processes) {
        if (!process->waitForStarted(workerGuardMs))
            qWarning("raceworker did not start: %s", qPrintable(process->errorString()));
    }
    // QProcess writes from its buffer only while it waits or an event loop runs: push the
    // line out to each worker now, or they would start one by one as the waits below come.
    for (auto &process : processes) {
        process->write("go\n");
        process->waitForBytesWritten(workerGuardMs);
        process->closeWriteChannel();
    }
    for (size_t i = 0; i < processes.size(); ++i) {
        QProcess &process = *processes[i];
        Claimer &claimer = claimers[qsizetype(i)];
        if (!process.waitForFinished(workerGuardMs)) {
            process.kill();
            process.waitForFinished();
            claimer.errors = u"did not finish"_s;
            continue;
        }
        claimer.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        claimer.errors += QString::fromUtf8(process.readAllStandardError());
        const QStringList lines =
            QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            if (line.startsWith(u"claimed "_s))
                claimer.claimed << line.mid(8);
            else if (line.startsWith(u"won "_s))
                claimer.won << line.mid(4);
        }
    }
    return claimers;
}

// Runs `work` on `count` threads, each with its own connection to the board, released
// together once every thread has opened the board.
QList<Claimer> runThreads(const QString &path, int count,
                          const std::function<RaceLoop::Report(TaskStore &, const QString &)> &work)
{
    QList<Claimer> claimers(count);
    QSemaphore opened;
    QSemaphore go;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < count; ++i) {
        Claimer &claimer = claimers[i];
        claimer.name = u"thread-%1"_s.arg(i);
        threads.emplace_back(QThread::create([&claimer, &opened, &go, &path, &work] {
            Result<std::unique_ptr<Database>> database =
                Database::open(path, Database::OpenMode::MustExist);
            opened.release();
            if (!database) {
                claimer.errors = database.error().message;
                return;
            }
            go.acquire();
            TaskStore store(**database);
            const RaceLoop::Report report = work(store, claimer.name);
            claimer.claimed = report.claimed;
            claimer.won = report.won;
            claimer.errors = report.errors.join(u'\n');
            claimer.exitCode = report.errors.isEmpty() ? 0 : 2;
        }));
        threads.back()->start();
    }
    opened.acquire(count);
    go.release(count);
    for (auto &thread : threads) {
        if (!thread->wait(workerGuardMs))
            qFatal("a race thread hung");
    }
    return claimers;
}

QStringList makeReadyTasks(TempBoard &board, int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        Result<Task> task = board.store().create(NewTask{.title = u"race %1"_s.arg(i)});
        if (!task)
            return {};
        ids << task->id;
    }
    return ids;
}

QVariant scalar(Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next())
        return u"<%1 failed>"_s.arg(sql);
    return query.value(0);
}

// The invariants of a drained board, as a list of broken ones (empty when all hold).
QStringList brokenInvariants(Database &database, const QStringList &ids,
                             const QList<Claimer> &claimers)
{
    QStringList broken;
    auto expect = [&](const QString &what, const QString &sql, const QVariant &wanted) {
        const QVariant got = scalar(database, sql);
        if (got.toString() != wanted.toString())
            broken << u"%1: got %2, wanted %3"_s.arg(what, got.toString(), wanted.toString());
    };
    const int n = int(ids.size());

    // Every claimer finished cleanly: no lock error escaped the retries.
    for (const Claimer &claimer : claimers) {
        if (claimer.exitCode != 0 || !claimer.errors.trimmed().isEmpty())
            broken << u"%1 exited %2: %3"_s.arg(claimer.name)
                          .arg(claimer.exitCode)
                          .arg(claimer.errors);
    }
    // No task was claimed twice, and every task was claimed by someone.
    QHash<QString, QString> winner;
    for (const Claimer &claimer : claimers) {
        for (const QString &id : claimer.claimed) {
            if (winner.contains(id))
                broken << u"%1 claimed by both %2 and %3"_s.arg(id, winner.value(id), claimer.name);
            winner.insert(id, claimer.name);
        }
    }
    if (winner.size() != n)
        broken << u"%1 tasks claimed, %2 made"_s.arg(winner.size()).arg(n);
    // The database agrees with what the claimers said.
    for (auto it = winner.cbegin(); it != winner.cend(); ++it) {
        const QString claimer =
            scalar(database,
                   u"SELECT group_concat(claimer) FROM runs "
                   "WHERE task_id = '%1' AND outcome = 'completed'"_s.arg(it.key()))
                .toString();
        if (claimer != it.value())
            broken << u"runs of %1 name %2, but %3 claimed it"_s.arg(it.key(), claimer, it.value());
    }
    // Claims a reaper took back (none without one) each left a reclaimed run and event.
    qsizetype reaped = 0;
    for (const Claimer &claimer : claimers)
        reaped += claimer.won.size();
    expect(u"tasks"_s, u"SELECT COUNT(*) FROM tasks"_s, n);
    expect(u"tasks not done or still claimed"_s,
           u"SELECT COUNT(*) FROM tasks WHERE status <> 'done' OR claim_lock IS NOT NULL "
           "OR claim_expires IS NOT NULL OR current_run_id IS NOT NULL"_s,
           0);
    expect(u"runs"_s, u"SELECT COUNT(*) FROM runs"_s, n + reaped);
    expect(u"reclaimed runs"_s, u"SELECT COUNT(*) FROM runs WHERE outcome = 'reclaimed'"_s, reaped);
    expect(u"reclaimed events"_s, u"SELECT COUNT(*) FROM events WHERE kind = 'reclaimed'"_s,
           reaped);
    expect(u"open runs"_s, u"SELECT COUNT(*) FROM runs WHERE outcome IS NULL"_s, 0);
    expect(u"completed runs"_s, u"SELECT COUNT(*) FROM runs WHERE outcome = 'completed'"_s, n);
    expect(u"tasks with a completed run"_s,
           u"SELECT COUNT(DISTINCT task_id) FROM runs WHERE outcome = 'completed'"_s, n);
    expect(u"completed events"_s, u"SELECT COUNT(*) FROM events WHERE kind = 'completed'"_s, n);
    expect(u"tasks with a completed event"_s,
           u"SELECT COUNT(DISTINCT task_id) FROM events WHERE kind = 'completed'"_s, n);
    expect(u"claimed events"_s, u"SELECT COUNT(*) FROM events WHERE kind = 'claimed'"_s,
           n + reaped);
    expect(u"integrity"_s, u"PRAGMA integrity_check"_s, u"ok"_s);
    return broken;
}

// Exactly one winner per task of a claimEach race; the list of broken expectations.
QStringList brokenSingleWinners(Database &database, const QStringList &ids,
                                const QList<Claimer> &claimers)
{
    QStringList broken;
    QHash<QString, QStringList> winners;
    for (const Claimer &claimer : claimers) {
        if (claimer.exitCode != 0 || !claimer.errors.trimmed().isEmpty())
            broken << u"%1 exited %2: %3"_s.arg(claimer.name)
                          .arg(claimer.exitCode)
                          .arg(claimer.errors);
        for (const QString &id : claimer.won)
            winners[id] << claimer.name;
    }
    for (const QString &id : ids) {
        const QStringList names = winners.value(id);
        if (names.size() != 1) {
            broken << u"%1 won by %2 claimers: %3"_s.arg(id)
                          .arg(names.size())
                          .arg(names.join(u", "_s));
            continue;
        }
        const QString lock =
            scalar(database, u"SELECT claim_lock FROM tasks WHERE id = '%1'"_s.arg(id)).toString();
        if (lock != names.first())
            broken << u"%1 is held by %2 but %3 won it"_s.arg(id, lock, names.first());
        const int runs =
            scalar(database, u"SELECT COUNT(*) FROM runs WHERE task_id = '%1'"_s.arg(id)).toInt();
        if (runs != 1)
            broken << u"%1 has %2 runs"_s.arg(id).arg(runs);
    }
    if (scalar(database, u"PRAGMA integrity_check"_s).toString() != "ok"_L1)
        broken << u"integrity_check failed"_s;
    return broken;
}

} // namespace

// The claim under real contention: processes and threads on one board file.
class ClaimRaceTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldDrainTheBoardFromSeveralProcesses()
    {
        // GIVEN a board with 300 ready tasks, closed by this process
        TempBoard board;
        const QStringList ids = makeReadyTasks(board, raceTasks);
        QCOMPARE(ids.size(), raceTasks);
        board.close();

        // WHEN five processes claim and complete until nothing is left
        QList<QStringList> arguments;
        for (int i = 0; i < raceProcesses; ++i)
            arguments << QStringList{u"drain"_s, board.databasePath(), u"process-%1"_s.arg(i)};
        const QList<Claimer> claimers = runProcesses(arguments);

        // THEN every invariant holds
        board.reopen();
        QVERIFY(board.isValid());
        const QStringList broken = brokenInvariants(board.database(), ids, claimers);
        QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u'\n')));
    }

    void shouldDrainTheBoardWhileAReaperTakesClaimsBack()
    {
        // GIVEN a board with 200 ready tasks
        TempBoard board;
        const QStringList ids = makeReadyTasks(board, 200);
        QCOMPARE(ids.size(), 200);
        board.close();

        // WHEN four processes claim and complete while a fifth, whose clock runs an hour
        // ahead, releases every claim it sees as expired
        QList<QStringList> arguments;
        for (int i = 0; i < raceProcesses - 1; ++i)
            arguments << QStringList{u"drain-reaped"_s, board.databasePath(),
                                     u"process-%1"_s.arg(i)};
        arguments << QStringList{u"reap"_s, board.databasePath(), u"reaper"_s};
        const QList<Claimer> claimers = runProcesses(arguments);

        // THEN every invariant holds: a late worker never completed a claim it had lost,
        // and each task was completed exactly once
        board.reopen();
        QVERIFY(board.isValid());
        const QStringList broken = brokenInvariants(board.database(), ids, claimers);
        QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u'\n')));
        qInfo("claims taken back by the reaper: %lld", qint64(claimers.constLast().won.size()));
    }

    void shouldDrainTheBoardFromSeveralThreads()
    {
        // GIVEN a board with 300 ready tasks
        TempBoard board;
        const QStringList ids = makeReadyTasks(board, raceTasks);
        QCOMPARE(ids.size(), raceTasks);

        // WHEN five threads, each with its own connection, claim and complete them all
        const QList<Claimer> claimers = runThreads(
            board.databasePath(), raceThreads, [](TaskStore &store, const QString &name) {
                return RaceLoop::claimUntilEmpty(store, name);
            });

        // THEN every invariant holds
        const QStringList broken = brokenInvariants(board.database(), ids, claimers);
        QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u'\n')));
    }

    void shouldLetExactlyOneProcessWinEachClaim()
    {
        // GIVEN 20 ready tasks
        TempBoard board;
        const QStringList ids = makeReadyTasks(board, 20);
        QCOMPARE(ids.size(), 20);
        board.close();

        // WHEN six processes try to claim each of them, in the same order
        QList<QStringList> arguments;
        for (int i = 0; i < 6; ++i)
            arguments << (QStringList{u"each"_s, board.databasePath(), u"process-%1"_s.arg(i)}
                          + ids);
        const QList<Claimer> claimers = runProcesses(arguments);

        // THEN each task has exactly one winner, who holds it with one run
        board.reopen();
        const QStringList broken = brokenSingleWinners(board.database(), ids, claimers);
        QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u'\n')));
    }

    void shouldLetExactlyOneThreadWinEachClaim()
    {
        // GIVEN 20 ready tasks
        TempBoard board;
        const QStringList ids = makeReadyTasks(board, 20);
        QCOMPARE(ids.size(), 20);

        // WHEN eight threads try to claim each of them, in the same order
        const QList<Claimer> claimers =
            runThreads(board.databasePath(), 8, [&ids](TaskStore &store, const QString &name) {
                return RaceLoop::claimEach(store, name, ids);
            });

        // THEN each task has exactly one winner, who holds it with one run
        const QStringList broken = brokenSingleWinners(board.database(), ids, claimers);
        QVERIFY2(broken.isEmpty(), qPrintable(broken.join(u'\n')));
    }

    void shouldCreateANewBoardFromSeveralProcessesAtOnce()
    {
        // GIVEN a path where no board exists yet
        QTemporaryDir dir;
        const QString path = dir.filePath(u"fresh/board.db"_s);

        // WHEN five processes open it at the same moment and each adds a task
        QList<QStringList> arguments;
        for (int i = 0; i < raceProcesses; ++i)
            arguments << QStringList{u"open"_s, path, u"process-%1"_s.arg(i)};
        const QList<Claimer> claimers = runProcesses(arguments);

        // THEN all of them succeeded on one migrated board in WAL mode
        for (const Claimer &claimer : claimers)
            QVERIFY2(claimer.exitCode == 0 && claimer.errors.isEmpty(),
                     qPrintable(u"%1 exited %2: %3"_s.arg(claimer.name)
                                    .arg(claimer.exitCode)
                                    .arg(claimer.errors)));
        Result<std::unique_ptr<Database>> opened =
            Database::open(path, Database::OpenMode::MustExist);
        QVERIFY2(opened, qPrintable(opened.error().message));
        Database &database = **opened;
        QCOMPARE(scalar(database, u"SELECT COUNT(*) FROM tasks"_s).toInt(), raceProcesses);
        QCOMPARE(scalar(database, u"SELECT COUNT(*) FROM events WHERE kind = 'created'"_s).toInt(),
                 raceProcesses);
        QCOMPARE(scalar(database, u"SELECT value FROM qanban_meta WHERE key = 'schema_version'"_s)
                     .toInt(),
                 Database::currentSchemaVersion());
        QCOMPARE(scalar(database, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(scalar(database, u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    }
};

QANBAN_TEST_MAIN(ClaimRaceTest)
#include "tst_claimrace.moc"
