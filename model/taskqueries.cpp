#include "taskqueries.h"

#include "database.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString text(const PreparedStatement &query, int column)
{
    return query.text(column);
}

template <typename Number>
std::optional<Number> optionalNumber(const PreparedStatement &query, int column)
{
    const std::optional<qint64> value = query.optionalInteger(column);
    if (!value)
        return std::nullopt;
    return static_cast<Number>(*value);
}

// Every row names its status and workspace kind, always one of a few words: matched in
// place, they cost no allocation.
TaskStatus statusFromUtf8(QByteArrayView name)
{
    for (int value = 0; value < TaskStatuses::count; ++value) {
        const auto status = static_cast<TaskStatus>(value);
        if (QLatin1StringView(name) == TaskStatuses::toString(status))
            return status;
    }
    return TaskStatus::Triage;
}

QString workspaceKindFromUtf8(QByteArrayView kind)
{
    static const QString known[] = {u"scratch"_s, u"dir"_s, u"worktree"_s};
    for (const QString &word : known) {
        if (QLatin1StringView(kind) == word)
            return word;
    }
    return QString::fromUtf8(kind);
}

QStringList skillsFromText(const QString &json)
{
    QStringList skills;
    if (json.isEmpty())
        return skills;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array)
        skills << value.toString();
    return skills;
}

// "a, b" with prefix "r." is "r.a, r.b".
QString prefixed(QString columns, const QString &prefix)
{
    return columns.replace(u", "_s, u", "_s + prefix).prepend(prefix);
}

Error notFound(const QString &id)
{
    return makeError(ErrorCode::NotFound, u"no task %1"_s.arg(id));
}

} // namespace

TaskQueries::TaskQueries(Database &database) : m_database(database) {}

QString TaskQueries::taskColumns()
{
    // A long body lives in task_bodies (schema version 4); the lookup runs for those only.
    return u"id, title, "
           "CASE WHEN body_apart = 1 THEN (SELECT b.body FROM task_bodies b "
           "WHERE b.task_id = tasks.id) ELSE body END, "
           "status, archived, assignee, tenant, priority, sort_rank, "
           "workspace_kind, workspace_path, skills, result, summary, metadata, "
           "consecutive_failures, max_retries, max_runtime, current_run_id, claim_lock, "
           "claim_expires, idempotency_key, block_reason, last_error, retry_after, created_at, "
           "updated_at, started_at, completed_at"_s;
}

Task TaskQueries::taskFromRow(const PreparedStatement &query)
{
    Task task;
    task.id = text(query, 0);
    task.title = text(query, 1);
    task.body = text(query, 2);
    task.status = statusFromUtf8(query.utf8(3));
    task.archived = query.integer(4) != 0;
    task.assignee = text(query, 5);
    task.tenant = text(query, 6);
    task.priority = int(query.integer(7));
    task.rank = query.integer(8);
    task.workspaceKind = workspaceKindFromUtf8(query.utf8(9));
    task.workspacePath = text(query, 10);
    task.skills = skillsFromText(text(query, 11));
    task.result = text(query, 12);
    task.summary = text(query, 13);
    task.metadata = text(query, 14);
    task.consecutiveFailures = int(query.integer(15));
    task.maxRetries = optionalNumber<int>(query, 16);
    task.maxRuntime = optionalNumber<int>(query, 17);
    task.currentRunId = optionalNumber<qint64>(query, 18);
    task.claimLock = text(query, 19);
    task.claimExpires = optionalNumber<qint64>(query, 20);
    task.idempotencyKey = text(query, 21);
    task.blockReason = text(query, 22);
    task.lastError = text(query, 23);
    task.retryAfter = optionalNumber<qint64>(query, 24);
    task.createdAt = query.integer(25);
    task.updatedAt = query.integer(26);
    task.startedAt = optionalNumber<qint64>(query, 27);
    task.completedAt = optionalNumber<qint64>(query, 28);
    return task;
}

QString TaskQueries::runColumns()
{
    return u"id, task_id, profile, claimer, outcome, started_at, ended_at, heartbeat_at, pid, "
           "exit_code, error, log_path"_s;
}

Run TaskQueries::runFromRow(const PreparedStatement &query)
{
    Run run;
    run.id = query.integer(0);
    run.taskId = text(query, 1);
    run.profile = text(query, 2);
    run.claimer = text(query, 3);
    run.outcome = text(query, 4);
    run.startedAt = query.integer(5);
    run.endedAt = optionalNumber<qint64>(query, 6);
    run.heartbeatAt = optionalNumber<qint64>(query, 7);
    run.pid = optionalNumber<qint64>(query, 8);
    run.exitCode = optionalNumber<int>(query, 9);
    run.error = text(query, 10);
    run.logPath = text(query, 11);
    return run;
}

Result<void> TaskQueries::loadLinks(Task &task)
{
    // Both directions in one statement: every claim and complete loads its task, and a
    // statement's fixed cost was about as much as reading either list.
    PreparedStatement &links = m_database.prepare(
        u"SELECT 0, parent_id FROM links WHERE child_id = ? "
        "UNION ALL SELECT 1, child_id FROM links WHERE parent_id = ?"_s);
    links.addBindValue(task.id);
    links.addBindValue(task.id);
    if (Result<void> done = m_database.exec(links, "read the dependencies"); !done)
        return done;
    task.parents.clear();
    task.children.clear();
    while (links.next())
        (links.integer(0) == 0 ? task.parents : task.children) << links.text(1);
    links.finish();
    task.parents.sort();
    task.children.sort();
    return {};
}

Result<Task> TaskQueries::task(const QString &id)
{
    static const QString sql = u"SELECT %1 FROM tasks WHERE id = ?"_s.arg(taskColumns());
    PreparedStatement &query = m_database.prepare(sql);
    query.addBindValue(id);
    if (Result<void> done = m_database.exec(query, "read a task"); !done)
        return done.error();
    if (!query.next())
        return notFound(id);
    Task task = taskFromRow(query);
    query.finish();
    if (Result<void> linked = loadLinks(task); !linked)
        return linked.error();
    return task;
}

Result<void> TaskQueries::checkExists(const QString &id)
{
    PreparedStatement &query = m_database.prepare(u"SELECT 1 FROM tasks WHERE id = ?"_s);
    query.addBindValue(id);
    if (Result<void> done = m_database.exec(query, "look up a task"); !done)
        return done;
    const bool found = query.next();
    query.finish();
    if (!found)
        return notFound(id);
    return {};
}

Result<QList<Task>> TaskQueries::tasks(const TaskFilter &filter)
{
    QStringList conditions;
    QVariantList values;
    if (filter.archivedOnly)
        conditions << u"archived = 1"_s;
    else if (!filter.includeArchived)
        conditions << u"archived = 0"_s;
    if (filter.status)
        conditions << u"status = "_s + TaskStatuses::sqlLiteral(*filter.status);
    if (!filter.assignee.isEmpty()) {
        conditions << u"assignee = ?"_s;
        values << filter.assignee;
    }
    if (!filter.tenant.isEmpty()) {
        conditions << u"tenant = ?"_s;
        values << filter.tenant;
    }
    // No ORDER BY: SQLite's sorter copies every column of every row, a fifth of the
    // cost of listing the board. The rows are put in order below.
    QString sql = u"SELECT %1 FROM tasks"_s.arg(taskColumns());
    if (!conditions.isEmpty())
        sql += u" WHERE "_s + conditions.join(u" AND "_s);

    // Room for every task of the board, reserved once: a growing list moved each task
    // again at every step, into memory touched for the first time, and where a fresh
    // page costs 10 us (as on the virtual machines measured in docs/performance.md) that
    // was most of a list's time. Room a filtered list does not use is never touched.
    PreparedStatement &count = m_database.prepare(u"SELECT COUNT(*) FROM tasks"_s);
    if (Result<void> done = m_database.exec(count, "count tasks"); !done)
        return done.error();
    const qsizetype boardSize = count.next() ? count.integer(0) : 0;
    count.finish();

    PreparedStatement &query = m_database.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    if (Result<void> done = m_database.exec(query, "list tasks"); !done)
        return done.error();
    QList<Task> tasks;
    tasks.reserve(boardSize);
    QList<std::pair<qint64, qsizetype>> order; // (rank, row as read)
    order.reserve(boardSize);
    while (query.next()) {
        tasks << taskFromRow(query);
        order.append({tasks.constLast().rank, order.size()});
    }
    query.finish();
    // ORDER BY sort_rank, id: equal ranks (rare) compare ids byte by byte in UTF-8, as
    // SQLite's BINARY collation does.
    std::sort(order.begin(), order.end(), [&tasks](const auto &a, const auto &b) {
        if (a.first != b.first)
            return a.first < b.first;
        return tasks.at(a.second).id.toUtf8() < tasks.at(b.second).id.toUtf8();
    });
    // The rows into that order in place, one cycle of the permutation at a time: each
    // task moves once at most, and rows read in rank order (the usual case) not at all.
    for (qsizetype start = 0; start < order.size(); ++start) {
        if (order.at(start).second == start)
            continue;
        Task held = std::move(tasks[start]);
        qsizetype position = start;
        for (;;) {
            const qsizetype source = order.at(position).second;
            order[position].second = position; // in place now
            if (source == start) {
                tasks[position] = std::move(held);
                break;
            }
            tasks[position] = std::move(tasks[source]);
            position = source;
        }
    }
    QHash<QString, qsizetype> rowOf;
    rowOf.reserve(tasks.size());
    for (qsizetype row = 0; row < tasks.size(); ++row)
        rowOf.insert(tasks.at(row).id, row);

    // One pass over the links table beats two queries per task.
    PreparedStatement &links = m_database.prepare(
        u"SELECT parent_id, child_id FROM links ORDER BY parent_id, child_id"_s);
    if (Result<void> done = m_database.exec(links, "read links"); !done)
        return done.error();
    while (links.next()) {
        const QString parent = links.text(0);
        const QString child = links.text(1);
        if (auto it = rowOf.constFind(child); it != rowOf.constEnd())
            tasks[*it].parents << parent;
        if (auto it = rowOf.constFind(parent); it != rowOf.constEnd())
            tasks[*it].children << child;
    }
    links.finish();
    return tasks;
}

Result<Run> TaskQueries::run(qint64 runId)
{
    PreparedStatement &query = m_database.prepare(u"SELECT %1 FROM runs WHERE id = ?"_s.arg(runColumns()));
    query.addBindValue(runId);
    if (Result<void> done = m_database.exec(query, "read a run"); !done)
        return done.error();
    if (!query.next())
        return makeError(ErrorCode::NotFound, u"no run %1"_s.arg(runId));
    Run run = runFromRow(query);
    query.finish();
    return run;
}

Result<QList<Run>> TaskQueries::runs(const QString &taskId)
{
    if (Result<void> exists = checkExists(taskId); !exists)
        return exists.error();
    PreparedStatement &query = m_database.prepare(
        // Walks the task's chain from its newest run back (see schema version 2).
        u"WITH RECURSIVE chain(id) AS ("
        " SELECT last_run_id FROM tasks WHERE id = ?"
        " UNION ALL SELECT r.prev_run_id FROM chain c CROSS JOIN runs r"
        " WHERE r.id = c.id AND r.prev_run_id IS NOT NULL)"
        " SELECT %1 FROM chain c CROSS JOIN runs r WHERE r.id = c.id ORDER BY r.id"_s.arg(
            prefixed(runColumns(), u"r."_s)));
    query.addBindValue(taskId);
    if (Result<void> done = m_database.exec(query, "read runs"); !done)
        return done.error();
    QList<Run> runs;
    while (query.next())
        runs << runFromRow(query);
    query.finish();
    return runs;
}

Result<QList<Run>> TaskQueries::openRuns()
{
    // A run is open only while it is the current run of its running task (claim opens
    // it, and every way out of running closes it), so the running tasks find the open
    // runs without an index that every claim and complete would have to write.
    PreparedStatement &query = m_database.prepare(
        u"SELECT %1 FROM tasks t CROSS JOIN runs r WHERE t.status = 'running' "
        "AND r.id = t.current_run_id AND r.outcome IS NULL ORDER BY r.id"_s.arg(
            prefixed(runColumns(), u"r."_s)));
    if (Result<void> done = m_database.exec(query, "read open runs"); !done)
        return done.error();
    QList<Run> runs;
    while (query.next())
        runs << runFromRow(query);
    query.finish();
    return runs;
}

Result<QList<Comment>> TaskQueries::comments(const QString &taskId)
{
    if (Result<void> exists = checkExists(taskId); !exists)
        return exists.error();
    PreparedStatement &query = m_database.prepare(
        u"SELECT id, task_id, author, body, created_at FROM comments WHERE task_id = ? "
        "ORDER BY id"_s);
    query.addBindValue(taskId);
    if (Result<void> done = m_database.exec(query, "read comments"); !done)
        return done.error();
    QList<Comment> comments;
    while (query.next()) {
        comments << Comment{query.integer(0), query.text(1),
                            query.text(2), query.text(3),
                            query.integer(4)};
    }
    query.finish();
    return comments;
}

namespace {

Result<QList<Event>> readEvents(Database &database, PreparedStatement &query)
{
    if (Result<void> done = database.exec(query, "read events"); !done)
        return done.error();
    QList<Event> events;
    while (query.next()) {
        events << Event{query.integer(0), query.text(1),
                        query.text(2),
                        QJsonDocument::fromJson(query.text(3).toUtf8()).object(),
                        query.integer(4)};
    }
    query.finish();
    return events;
}

} // namespace

Result<QList<Event>> TaskQueries::events(const QString &taskId)
{
    if (Result<void> exists = checkExists(taskId); !exists)
        return exists.error();
    // Walks the task's chain from its newest event back (see schema version 2).
    PreparedStatement &query = m_database.prepare(
        u"WITH RECURSIVE chain(id) AS ("
        " SELECT last_event_id FROM tasks WHERE id = ?"
        " UNION ALL SELECT e.prev_event_id FROM chain c CROSS JOIN events e"
        " WHERE e.id = c.id AND e.prev_event_id IS NOT NULL)"
        " SELECT e.id, e.task_id, e.kind, e.payload, e.created_at"
        " FROM chain c CROSS JOIN events e WHERE e.id = c.id ORDER BY e.id"_s);
    query.addBindValue(taskId);
    return readEvents(m_database, query);
}

Result<QList<Event>> TaskQueries::eventsAfter(qint64 afterId, int limit)
{
    PreparedStatement &query = m_database.prepare(
        u"SELECT id, task_id, kind, payload, created_at FROM events WHERE id > ? "
        "ORDER BY id LIMIT ?"_s);
    query.addBindValue(afterId);
    query.addBindValue(limit);
    return readEvents(m_database, query);
}

Result<qint64> TaskQueries::lastEventId()
{
    PreparedStatement &query = m_database.prepare(u"SELECT COALESCE(MAX(id), 0) FROM events"_s);
    if (Result<void> done = m_database.exec(query, "read the last event"); !done)
        return done.error();
    const qint64 id = query.next() ? query.integer(0) : 0;
    query.finish();
    return id;
}

Result<BoardStats> TaskQueries::stats()
{
    BoardStats stats;
    for (TaskStatus status : TaskStatuses::all())
        stats.byStatus.insert(TaskStatuses::toString(status), 0);
    PreparedStatement &query = m_database.prepare(
        u"SELECT archived, status, COALESCE(assignee, ''), COUNT(*) FROM tasks "
        "GROUP BY archived, status, assignee"_s);
    if (Result<void> done = m_database.exec(query, "count tasks"); !done)
        return done.error();
    while (query.next()) {
        const int count = int(query.integer(3));
        if (int(query.integer(0)) != 0) {
            stats.archived += count;
            continue;
        }
        const QString status = query.text(1);
        stats.byStatus[status] += count;
        stats.byAssignee[query.text(2)][status] += count;
        stats.total += count;
    }
    query.finish();
    return stats;
}

Result<QMap<QString, QMap<QString, int>>> TaskQueries::assigneeCounts()
{
    Result<BoardStats> counts = stats();
    if (!counts)
        return counts.error();
    QMap<QString, QMap<QString, int>> assignees = counts->byAssignee;
    assignees.remove(QString());
    return assignees;
}

Result<QString> TaskQueries::workerContext(const QString &id)
{
    Result<Task> found = task(id);
    if (!found)
        return found.error();
    const Task &subject = *found;
    QString context;
    context += u"# Task %1: %2\n\n"_s.arg(subject.id, subject.title);
    context += u"status: %1\n"_s.arg(TaskStatuses::toString(subject.status));
    if (!subject.assignee.isEmpty())
        context += u"assignee: %1\n"_s.arg(subject.assignee);
    if (!subject.tenant.isEmpty())
        context += u"tenant: %1\n"_s.arg(subject.tenant);
    context += u"workspace: %1%2\n"_s.arg(
        subject.workspaceKind,
        subject.workspacePath.isEmpty() ? QString() : u" "_s + subject.workspacePath);
    if (!subject.skills.isEmpty())
        context += u"skills: %1\n"_s.arg(subject.skills.join(u", "_s));
    if (subject.maxRuntime)
        context += u"max runtime: %1 s\n"_s.arg(*subject.maxRuntime);
    if (!subject.body.isEmpty())
        context += u"\n## Description\n\n%1\n"_s.arg(subject.body);

    if (!subject.parents.isEmpty()) {
        context += u"\n## Results of the tasks this one depends on\n"_s;
        for (const QString &parentId : subject.parents) {
            Result<Task> parent = task(parentId);
            if (!parent)
                return parent.error();
            context += u"\n### %1: %2 (%3)\n"_s.arg(parent->id, parent->title,
                                                   TaskStatuses::toString(parent->status));
            if (!parent->summary.isEmpty())
                context += u"summary: %1\n"_s.arg(parent->summary);
            if (!parent->result.isEmpty())
                context += u"result: %1\n"_s.arg(parent->result);
        }
    }

    Result<QList<Comment>> notes = comments(id);
    if (!notes)
        return notes.error();
    if (!notes->isEmpty()) {
        context += u"\n## Comments\n"_s;
        for (const Comment &comment : *notes) {
            // The author is quoted so that a name cannot pass for a line of the board's own.
            context += u"\n`%1`: %2\n"_s.arg(comment.author, comment.body);
        }
    }
    return context;
}

Result<QStringList> TaskQueries::archivedTaskIds()
{
    PreparedStatement &query = m_database.prepare(u"SELECT id FROM tasks WHERE archived = 1 ORDER BY id"_s);
    if (Result<void> done = m_database.exec(query, "list archived tasks"); !done)
        return done.error();
    QStringList ids;
    while (query.next())
        ids << query.text(0);
    query.finish();
    return ids;
}
