#include "kernelbench.h"

#include "benchstats.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

const QStringList assignees = {u"claude"_s, u"codex"_s, u"gemini"_s, u"local"_s, QString()};

} // namespace

KernelBench::KernelBench(const QString &databasePath) : m_path(databasePath) {}

KernelBench::~KernelBench()
{
    close();
}

Result<void> KernelBench::open()
{
    Result<std::unique_ptr<Database>> opened = Database::open(m_path);
    if (!opened)
        return opened.error();
    m_database = std::move(opened.value());
    m_store = std::make_unique<TaskStore>(*m_database);
    return {};
}

void KernelBench::close()
{
    m_store.reset();
    m_database.reset();
}

Result<qint64> KernelBench::createTasks(int count)
{
    QElapsedTimer timer;
    timer.start();
    const qsizetype first = m_ids.size();
    for (qsizetype i = first; i < first + count; ++i) {
        Result<Task> task = m_store->create(NewTask{
            .title = u"Benchmark task %1"_s.arg(i + 1),
            .body = u"Measure the kernel; this body is about one line long."_s,
            .assignee = assignees.at(i % assignees.size()),
        });
        if (!task)
            return task.error();
        m_ids << task->id;
    }
    const qint64 elapsed = timer.nsecsElapsed();
    m_taskCount += count;
    return elapsed;
}

Result<QList<double>> KernelBench::listTasks(int repeats)
{
    QList<double> runs;
    // One untimed read first: the board and `list` run on a warm connection.
    for (int run = -1; run < repeats; ++run) {
        QElapsedTimer timer;
        timer.start();
        Result<QList<Task>> tasks = m_store->queries().tasks();
        const double ms = msSince(timer);
        if (!tasks)
            return tasks.error();
        if (tasks->size() != m_taskCount) {
            return makeError(ErrorCode::Database, u"list returned %1 tasks, expected %2"_s
                                                      .arg(tasks->size())
                                                      .arg(m_taskCount));
        }
        if (run >= 0)
            runs << ms;
    }
    return runs;
}

Result<double> KernelBench::showTask(int samples)
{
    QList<double> runs;
    TaskQueries &queries = m_store->queries();
    for (int sample = 0; sample < samples; ++sample) {
        const QString &id = m_ids.at(QRandomGenerator::global()->bounded(int(m_ids.size())));
        QElapsedTimer timer;
        timer.start();
        Result<Task> task = queries.task(id);
        Result<QList<Comment>> comments = queries.comments(id);
        Result<QList<Run>> runsOfTask = queries.runs(id);
        Result<QList<Event>> events = queries.events(id);
        const double ms = msSince(timer);
        if (!task)
            return task.error();
        if (!comments || !runsOfTask || !events)
            return makeError(ErrorCode::Database, u"show of %1 failed"_s.arg(id));
        runs << ms;
    }
    return BenchStats::median(runs);
}

Result<qint64> KernelBench::claimAndComplete(qsizetype first, qsizetype count)
{
    const QStringList ids = m_ids.mid(first, count);
    QElapsedTimer timer;
    timer.start();
    for (const QString &id : ids) {
        Result<Task> claimed = m_store->claim(id, u"bench"_s);
        if (!claimed)
            return claimed.error();
        Result<Task> done = m_store->complete(
            id, Completion{u"ok"_s, u"completed by the benchmark"_s, {}, claimed->currentRunId});
        if (!done)
            return done.error();
    }
    return timer.nsecsElapsed();
}

QList<InvariantCheck::Finding> KernelBench::checkDrained()
{
    return InvariantCheck::afterDrain(*m_database, m_taskCount, m_ids);
}

Result<double> KernelBench::completeParentOf(int children)
{
    Result<Task> parent = m_store->create(NewTask{.title = u"Fan-out parent"_s});
    if (!parent)
        return parent.error();
    QStringList childIds;
    for (int i = 0; i < children; ++i) {
        Result<Task> child = m_store->create(
            NewTask{.title = u"Waiting child %1"_s.arg(i + 1), .parents = {parent->id}});
        if (!child)
            return child.error();
        if (child->status != TaskStatus::Todo)
            return makeError(ErrorCode::Refused, u"a child of an open parent is not waiting"_s);
        childIds << child->id;
    }
    m_taskCount += 1 + children;
    Result<Task> claimed = m_store->claim(parent->id, u"bench"_s);
    if (!claimed)
        return claimed.error();

    QElapsedTimer timer;
    timer.start();
    Result<Task> done = m_store->complete(parent->id, Completion{u"ok"_s, u"fan-out"_s, {},
                                                                 claimed->currentRunId});
    const double ms = msSince(timer);
    if (!done)
        return done.error();

    QSqlQuery check(m_database->connection());
    check.prepare(u"SELECT COUNT(*) FROM links l JOIN tasks t ON t.id = l.child_id "
                  "WHERE l.parent_id = ? AND t.status = 'ready'"_s);
    check.addBindValue(parent->id);
    if (!check.exec() || !check.next())
        return makeError(ErrorCode::Database, check.lastError().text());
    if (check.value(0).toInt() != children) {
        return makeError(ErrorCode::Refused, u"%1 of %2 children were promoted"_s
                                                 .arg(check.value(0).toInt())
                                                 .arg(children));
    }
    // The children are drained at once so that later figures see a board of done tasks.
    check.finish();
    for (const QString &id : std::as_const(childIds)) {
        Result<Task> claimedChild = m_store->claim(id, u"bench"_s);
        if (!claimedChild)
            return claimedChild.error();
        Result<Task> doneChild = m_store->complete(id, Completion{u"ok"_s, {}, {},
                                                                  claimedChild->currentRunId});
        if (!doneChild)
            return doneChild.error();
    }
    return ms;
}

Result<KernelBench::FileSize> KernelBench::fileSize()
{
    QSqlQuery checkpoint(m_database->connection());
    if (!checkpoint.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s))
        return makeError(ErrorCode::Database, checkpoint.lastError().text());
    checkpoint.finish();
    // stat() only: opening the file beside SQLite's own descriptor would drop its locks.
    return FileSize{QFileInfo(m_path).size()};
}

KernelBench::Settings KernelBench::settings()
{
    Settings settings;
    QSqlQuery query(m_database->connection());
    if (query.exec(u"PRAGMA journal_mode"_s) && query.next())
        settings.journalMode = query.value(0).toString();
    if (query.exec(u"PRAGMA synchronous"_s) && query.next())
        settings.synchronous = query.value(0).toInt();
    if (query.exec(u"PRAGMA page_size"_s) && query.next())
        settings.pageSize = query.value(0).toInt();
    return settings;
}
