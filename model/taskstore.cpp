#include "taskstore.h"

#include "database.h"
#include "jsonobjectwriter.h"
#include "jsonvalues.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 rankStep = 1 << 20;
const QStringList workspaceKinds = {u"scratch"_s, u"dir"_s, u"worktree"_s};

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

template <typename Number>
QVariant nullable(const std::optional<Number> &number)
{
    return number ? QVariant(static_cast<qint64>(*number)) : QVariant(QMetaType::fromType<qint64>());
}

// A null QString binds as SQL NULL; a NOT NULL text column needs an empty string.
QString notNull(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

QString skillsToText(const QStringList &skills)
{
    if (skills.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(skills)).toJson(QJsonDocument::Compact));
}

QString firstLine(const QString &text, int limit = 400)
{
    return text.section(u'\n', 0, 0).left(limit);
}

Error refused(const QString &message)
{
    return makeError(ErrorCode::Refused, message);
}

Error invalid(const QString &message)
{
    return makeError(ErrorCode::Invalid, message);
}

Result<QStringList> cleanSkills(const QStringList &skills)
{
    QStringList cleaned;
    for (const QString &raw : skills) {
        const QString skill = raw.trimmed();
        if (skill.isEmpty())
            continue;
        if (skill.contains(u','))
            return invalid(u"a skill name cannot contain a comma: %1"_s.arg(skill));
        if (!cleaned.contains(skill))
            cleaned << skill;
    }
    return cleaned;
}

Result<void> checkWorkspace(const QString &kind, const QString &path)
{
    if (!workspaceKinds.contains(kind)) {
        return invalid(u"unknown workspace kind %1 (use scratch, dir or worktree)"_s.arg(kind));
    }
    if (kind == "scratch"_L1 && !path.isEmpty())
        return invalid(u"a scratch workspace is made by the board; a path goes with dir or worktree"_s);
    if (kind != "scratch"_L1 && path.isEmpty())
        return invalid(u"a %1 workspace needs a path"_s.arg(kind));
    if (!path.isEmpty() && QDir::isRelativePath(path))
        return invalid(u"the workspace path must be absolute: %1"_s.arg(path));
    return {};
}

Result<void> checkLimit(const std::optional<int> &value, const QString &name)
{
    if (value && *value < 1)
        return invalid(u"%1 must be 1 or more, not %2"_s.arg(name).arg(*value));
    return {};
}

Result<void> checkMetadata(const QString &metadata)
{
    if (metadata.isEmpty())
        return {};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(metadata.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return invalid(u"metadata must be a JSON object"_s);
    return {};
}

} // namespace

bool TaskEdit::isEmpty() const
{
    return !title && !body && !tenant && !priority && !skills && !workspaceKind && !workspacePath
        && !maxRetries && !maxRuntime;
}

TaskStore::TaskStore(Database &database)
    : m_database(database), m_queries(database),
      m_clock([] { return QDateTime::currentSecsSinceEpoch(); })
{
}

void TaskStore::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

qint64 TaskStore::now() const
{
    return m_clock();
}

int TaskStore::effectiveFailureLimit(const Task &task, std::optional<int> configured)
{
    if (task.maxRetries && *task.maxRetries > 0)
        return *task.maxRetries;
    if (configured && *configured > 0)
        return *configured;
    return defaultFailureLimit;
}

Result<QString> TaskStore::newTaskId(qint64 createdEventId)
{
    // A new id is the board's random prefix and then the id of the task's created event,
    // so ids grow: a create then writes the end of the id index, where a random id wrote
    // one of its leaf pages at random (create went from 0.64 to 0.73 of a raw INSERT at
    // 100,000 tasks; docs/performance.md). The prefix makes it unlikely (1 in 65,536)
    // that a new board in the same home hands out an old board's ids, and with them its
    // scratch folders. At least seven digits follow it, and never eight, so a new id is
    // never twelve hex digits long like the random ids of schema versions 1 and 2, and
    // cannot meet one of them.
    if (m_taskIdPrefix.isEmpty()) {
        PreparedStatement &query = m_database.prepare(
            u"SELECT value FROM qanban_meta WHERE key = 'task_id_prefix'"_s);
        if (Result<void> done = m_database.exec(query, "read the task id prefix"); !done)
            return done.error();
        const QString prefix = query.next() ? query.text(0) : QString();
        query.finish();
        if (prefix.isEmpty())
            return makeError(ErrorCode::Database, u"the board has no task id prefix"_s);
        m_taskIdPrefix = u"t_"_s + prefix;
    }
    QString count = QString::number(createdEventId, 16);
    const qsizetype digits = count.size() <= 7 ? 7 : (count.size() == 8 ? 9 : count.size());
    return QString(m_taskIdPrefix + count.rightJustified(digits, u'0'));
}

void TaskStore::clearClaim(Task &task)
{
    task.claimLock.clear();
    task.claimExpires.reset();
    task.currentRunId.reset();
}

// ---------------------------------------------------------------- helpers

Result<Task> TaskStore::loadHolding(const QString &id, qint64 runId)
{
    // A worker's report counts only for the attempt it belongs to.
    Result<Task> task = load(id);
    if (task && task->currentRunId != runId) {
        return makeError(ErrorCode::LostClaim,
                         u"run %1 is not the current run of task %2"_s.arg(runId).arg(id));
    }
    return task;
}

Result<Task> TaskStore::load(const QString &id)
{
    return m_queries.task(id);
}

bool TaskStore::keepsBodyApart(const QString &body)
{
    // Three UTF-8 bytes at most per UTF-16 unit: most bodies need no conversion to tell.
    return body.size() * 3 > bodyInRowLimit && body.toUtf8().size() > bodyInRowLimit;
}

Result<void> TaskStore::storeBodyApart(const QString &taskId, const QString &body, bool apart)
{
    if (apart) {
        PreparedStatement &upsert = m_database.prepare(
            u"INSERT INTO task_bodies (task_id, body) VALUES (?, ?) "
            "ON CONFLICT (task_id) DO UPDATE SET body = excluded.body"_s);
        upsert.addBindValue(taskId);
        upsert.addBindValue(body);
        return m_database.exec(upsert, "store a long body");
    }
    PreparedStatement &remove = m_database.prepare(
        u"DELETE FROM task_bodies WHERE task_id = ?"_s);
    remove.addBindValue(taskId);
    return m_database.exec(remove, "drop a long body");
}

Result<void> TaskStore::save(const Task &task)
{
    const bool bodyApart = keepsBodyApart(task.body);
    PreparedStatement &query = m_database.prepare(
        u"UPDATE tasks SET title = ?, body = ?, body_apart = ?, status = ?, archived = ?, "
        "assignee = ?, "
        "tenant = ?, priority = ?, sort_rank = ?, workspace_kind = ?, workspace_path = ?, "
        "skills = ?, result = ?, summary = ?, metadata = ?, consecutive_failures = ?, "
        "max_retries = ?, max_runtime = ?, current_run_id = ?, claim_lock = ?, "
        "claim_expires = ?, block_reason = ?, last_error = ?, retry_after = ?, updated_at = ?, "
        "started_at = ?, completed_at = ? WHERE id = ?"_s);
    query.addBindValue(task.title);
    query.addBindValue(bodyApart ? u""_s : notNull(task.body));
    query.addBindValue(bodyApart ? 1 : 0);
    query.addBindValue(TaskStatuses::toString(task.status));
    query.addBindValue(task.archived ? 1 : 0);
    query.addBindValue(nullable(task.assignee));
    query.addBindValue(nullable(task.tenant));
    query.addBindValue(task.priority);
    query.addBindValue(task.rank);
    query.addBindValue(task.workspaceKind);
    query.addBindValue(nullable(task.workspacePath));
    query.addBindValue(nullable(skillsToText(task.skills)));
    query.addBindValue(nullable(task.result));
    query.addBindValue(nullable(task.summary));
    query.addBindValue(nullable(task.metadata));
    query.addBindValue(task.consecutiveFailures);
    query.addBindValue(nullable(task.maxRetries));
    query.addBindValue(nullable(task.maxRuntime));
    query.addBindValue(nullable(task.currentRunId));
    query.addBindValue(nullable(task.claimLock));
    query.addBindValue(nullable(task.claimExpires));
    query.addBindValue(nullable(task.blockReason));
    query.addBindValue(nullable(task.lastError));
    query.addBindValue(nullable(task.retryAfter));
    query.addBindValue(now());
    query.addBindValue(nullable(task.startedAt));
    query.addBindValue(nullable(task.completedAt));
    query.addBindValue(task.id);
    if (Result<void> done = m_database.exec(query, "update a task"); !done)
        return done;
    return storeBodyApart(task.id, task.body, bodyApart);
}

Result<void> TaskStore::appendEvent(const QString &taskId, const QString &kind,
                                    const QJsonObject &payload)
{
    Result<qint64> inserted = insertEvent(taskId, kind,
                                          QJsonDocument(payload).toJson(QJsonDocument::Compact),
                                          EventLink::LinkTask);
    if (!inserted)
        return inserted.error();
    return {};
}

Result<void> TaskStore::appendEvent(const QString &taskId, const QString &kind,
                                    const JsonObjectWriter &payload)
{
    Result<qint64> inserted = insertEvent(taskId, kind, payload.toJson(), EventLink::LinkTask);
    if (!inserted)
        return inserted.error();
    return {};
}

Result<qint64> TaskStore::insertEvent(const QString &taskId, const QString &kind,
                                      const QByteArray &payload, EventLink link)
{
    // The new event links to the task's previous one, and the task to the new one: the
    // chain TaskQueries::events() walks (see schema version 2).
    PreparedStatement &insert = m_database.prepare(
        u"INSERT INTO events (task_id, kind, payload, created_at, prev_event_id) "
        "VALUES (?, ?, ?, ?, (SELECT last_event_id FROM tasks WHERE id = ?))"_s);
    insert.addBindValue(taskId);
    insert.addBindValue(kind);
    insert.addBindUtf8(payload);
    insert.addBindValue(now());
    insert.addBindValue(taskId);
    if (Result<void> done = m_database.exec(insert, "append an event"); !done)
        return done.error();
    const qint64 eventId = insert.lastInsertId();
    if (link == EventLink::CallerUpdatesTask)
        return eventId;
    PreparedStatement &update = m_database.prepare(
        u"UPDATE tasks SET last_event_id = ? WHERE id = ?"_s);
    update.addBindValue(eventId);
    update.addBindValue(taskId);
    if (Result<void> done = m_database.exec(update, "link an event to its task"); !done)
        return done.error();
    return eventId;
}

Result<int> TaskStore::openParentCount(const QString &id)
{
    // A parent is open until it is done or archived (an archived parent was dropped).
    // CROSS JOIN keeps links as the outer loop: without table statistics SQLite
    // otherwise walks every unfinished task through idx_tasks_unfinished, once per call.
    PreparedStatement &query = m_database.prepare(
        u"SELECT COUNT(*) FROM links l CROSS JOIN tasks p WHERE p.id = l.parent_id "
        "AND l.child_id = ? AND p.status <> 'done' AND p.archived = 0"_s);
    query.addBindValue(id);
    if (Result<void> done = m_database.exec(query, "count open parents"); !done)
        return done.error();
    const int count = query.next() ? int(query.integer(0)) : 0;
    query.finish();
    return count;
}

Result<TaskStatus> TaskStore::readyOrTodo(const QString &id)
{
    Result<int> open = openParentCount(id);
    if (!open)
        return open.error();
    return *open > 0 ? TaskStatus::Todo : TaskStatus::Ready;
}

Result<void> TaskStore::closeRun(qint64 runId, const QString &outcome, std::optional<int> exitCode,
                                 const QString &error)
{
    PreparedStatement &query = m_database.prepare(
        u"UPDATE runs SET outcome = ?, ended_at = ?, exit_code = COALESCE(?, exit_code), "
        "error = COALESCE(?, error) WHERE id = ? AND outcome IS NULL"_s);
    query.addBindValue(outcome);
    query.addBindValue(now());
    query.addBindValue(nullable(exitCode));
    query.addBindValue(nullable(error));
    query.addBindValue(runId);
    return m_database.exec(query, "close a run");
}

Result<void> TaskStore::closeCurrentRun(Task &task, const QString &outcome, const QString &error)
{
    if (task.currentRunId) {
        if (Result<void> closed = closeRun(*task.currentRunId, outcome, std::nullopt, error); !closed)
            return closed;
    }
    clearClaim(task);
    return {};
}

Result<void> TaskStore::reclaimLoaded(Task &task, const QString &reason,
                                      const QJsonObject &payload)
{
    // Closes the run as reclaimed and puts the task back where it can be claimed again.
    if (Result<void> closed = closeCurrentRun(task, u"reclaimed"_s, reason); !closed)
        return closed;
    Result<TaskStatus> status = readyOrTodo(task.id);
    if (!status)
        return status.error();
    task.status = *status;
    if (Result<void> saved = save(task); !saved)
        return saved;
    return appendEvent(task.id, u"reclaimed"_s, payload);
}

Result<void> TaskStore::promoteChildren(const QString &parentId)
{
    // Children whose every parent is now done become ready; a child that is itself
    // already done passes the promotion on to its own children.
    QStringList queue{parentId};
    QSet<QString> seen;
    while (!queue.isEmpty()) {
        const QString current = queue.takeFirst();
        if (seen.contains(current))
            continue;
        seen.insert(current);
        PreparedStatement &query = m_database.prepare(
            u"SELECT t.id, t.status, t.archived FROM links l JOIN tasks t ON t.id = l.child_id "
            "WHERE l.parent_id = ? ORDER BY t.id"_s);
        query.addBindValue(current);
        if (Result<void> done = m_database.exec(query, "read children"); !done)
            return done;
        QList<std::pair<QString, QString>> children;
        while (query.next()) {
            if (int(query.integer(2)) == 0)
                children.append({query.text(0), query.text(1)});
        }
        query.finish();
        for (const auto &[childId, status] : std::as_const(children)) {
            if (status == "done"_L1) {
                queue << childId;
                continue;
            }
            if (status != "todo"_L1)
                continue;
            Result<int> open = openParentCount(childId);
            if (!open)
                return open.error();
            if (*open > 0)
                continue;
            // Only the status changes: loading and saving the whole child cost three
            // queries, 27 bound values and a rewrite of every index entry per child.
            PreparedStatement &promote = m_database.prepare(
                u"UPDATE tasks SET status = ?, updated_at = ? WHERE id = ?"_s);
            promote.addBindValue(TaskStatuses::toString(TaskStatus::Ready));
            promote.addBindValue(now());
            promote.addBindValue(childId);
            if (Result<void> done = m_database.exec(promote, "update a task"); !done)
                return done;
            if (Result<void> logged = appendEvent(childId, u"promoted"_s, {{u"after"_s, current}});
                !logged)
                return logged;
        }
    }
    return {};
}

Result<void> TaskStore::demoteReadyChildren(const QString &parentId)
{
    PreparedStatement &query = m_database.prepare(
        u"SELECT t.id FROM links l JOIN tasks t ON t.id = l.child_id "
        "WHERE l.parent_id = ? AND t.status = 'ready' AND t.archived = 0 ORDER BY t.id"_s);
    query.addBindValue(parentId);
    if (Result<void> done = m_database.exec(query, "read ready children"); !done)
        return done;
    QStringList ids;
    while (query.next())
        ids << query.text(0);
    query.finish();
    for (const QString &childId : std::as_const(ids)) {
        Result<Task> child = load(childId);
        if (!child)
            return child.error();
        child->status = TaskStatus::Todo;
        if (Result<void> saved = save(*child); !saved)
            return saved;
        if (Result<void> logged = appendEvent(childId, u"moved"_s,
                                              {{u"from"_s, u"ready"_s},
                                               {u"to"_s, u"todo"_s},
                                               {u"reason"_s, u"parent_reopened"_s},
                                               {u"parent"_s, parentId}});
            !logged)
            return logged;
    }
    return {};
}

Result<TaskStore::BoardEnd> TaskStore::boardEnd(TaskStatus status, bool archived)
{
    // The end of a column, and after every card created before: the event log only
    // grows, so its length orders creations board-wide (a listing across columns is in
    // board order). Two index steps, where the largest rank of the whole board would
    // take one per column or an index of its own that every create writes. The write
    // lock is held, so the next event's id is the largest one plus one, as SQLite would
    // number it (a PostgreSQL board would take it from the events' sequence here).
    PreparedStatement &query = m_database.prepare(
        u"SELECT (SELECT MAX(sort_rank) FROM tasks WHERE status = %1 AND archived = ?), "
        "(SELECT MAX(id) FROM events)"_s.arg(TaskStatuses::sqlLiteral(status)));
    query.addBindValue(archived ? 1 : 0);
    if (Result<void> done = m_database.exec(query, "read the last rank"); !done)
        return done.error();
    BoardEnd end{.rank = rankStep, .nextEventId = 1};
    if (query.next()) {
        end.nextEventId = query.integer(1) + 1;
        end.rank = std::max(query.integer(0) + rankStep, end.nextEventId * rankStep);
    }
    query.finish();
    return end;
}

Result<qint64> TaskStore::nextRank(TaskStatus status, bool archived)
{
    Result<BoardEnd> end = boardEnd(status, archived);
    if (!end)
        return end.error();
    return end->rank;
}

Result<bool> TaskStore::isAncestor(const QString &candidate, const QString &of)
{
    // Walks up from `of`: is `candidate` among its ancestors?
    PreparedStatement &query = m_database.prepare(
        u"WITH RECURSIVE ancestors(id) AS ("
        " SELECT parent_id FROM links WHERE child_id = ?"
        " UNION SELECT l.parent_id FROM links l JOIN ancestors a ON l.child_id = a.id)"
        " SELECT 1 FROM ancestors WHERE id = ? LIMIT 1"_s);
    query.addBindValue(of);
    query.addBindValue(candidate);
    if (Result<void> done = m_database.exec(query, "walk the dependencies"); !done)
        return done.error();
    const bool found = query.next();
    query.finish();
    return found;
}

// ---------------------------------------------------------------- create and edit

Result<Task> TaskStore::create(const NewTask &spec)
{
    const QString title = spec.title.trimmed();
    if (title.isEmpty())
        return invalid(u"a task needs a title"_s);
    if (Result<void> ok = checkWorkspace(spec.workspaceKind, spec.workspacePath); !ok)
        return ok.error();
    if (Result<void> ok = checkLimit(spec.maxRetries, u"max_retries"_s); !ok)
        return ok.error();
    if (Result<void> ok = checkLimit(spec.maxRuntime, u"max_runtime"_s); !ok)
        return ok.error();
    Result<QStringList> skills = cleanSkills(spec.skills);
    if (!skills)
        return skills.error();
    QStringList parents;
    for (const QString &parent : spec.parents) {
        if (!parents.contains(parent))
            parents << parent;
    }

    return m_database.write([&]() -> Result<Task> {
        if (!spec.idempotencyKey.isEmpty()) {
            PreparedStatement &existing = m_database.prepare(
                u"SELECT id FROM tasks WHERE idempotency_key = ? ORDER BY created_at, id LIMIT 1"_s);
            existing.addBindValue(spec.idempotencyKey);
            if (Result<void> done = m_database.exec(existing, "look up the idempotency key"); !done)
                return done.error();
            if (existing.next()) {
                const QString id = existing.text(0);
                existing.finish();
                return load(id);
            }
            existing.finish();
        }
        bool anyOpenParent = false;
        for (const QString &parentId : std::as_const(parents)) {
            Result<Task> parent = load(parentId);
            if (!parent)
                return makeError(ErrorCode::NotFound, u"no parent task %1"_s.arg(parentId));
            if (parent->status != TaskStatus::Done && !parent->archived)
                anyOpenParent = true;
        }
        Task task;
        task.title = title;
        task.body = spec.body;
        task.status = spec.triage ? TaskStatus::Triage
                                  : (anyOpenParent ? TaskStatus::Todo : TaskStatus::Ready);
        Result<BoardEnd> end = boardEnd(task.status, task.archived);
        if (!end)
            return end.error();
        Result<QString> id = newTaskId(end->nextEventId);
        if (!id)
            return id.error();
        task.id = *id;
        task.assignee = spec.assignee.trimmed();
        task.tenant = spec.tenant.trimmed();
        task.priority = spec.priority;
        task.rank = end->rank;
        task.workspaceKind = spec.workspaceKind;
        task.workspacePath = spec.workspacePath;
        task.skills = *skills;
        task.maxRetries = spec.maxRetries;
        task.maxRuntime = spec.maxRuntime;
        task.idempotencyKey = spec.idempotencyKey;
        task.createdAt = task.updatedAt = now();
        task.parents = parents;

        PreparedStatement &insert = m_database.prepare(
            u"INSERT INTO tasks (id, title, body, body_apart, status, assignee, tenant, priority, "
            "sort_rank, workspace_kind, workspace_path, skills, max_retries, max_runtime, "
            "idempotency_key, created_at, updated_at, last_event_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        const bool bodyApart = keepsBodyApart(task.body);
        insert.addBindValue(task.id);
        insert.addBindValue(task.title);
        insert.addBindValue(bodyApart ? u""_s : notNull(task.body));
        insert.addBindValue(bodyApart ? 1 : 0);
        insert.addBindValue(TaskStatuses::toString(task.status));
        insert.addBindValue(nullable(task.assignee));
        insert.addBindValue(nullable(task.tenant));
        insert.addBindValue(task.priority);
        insert.addBindValue(task.rank);
        insert.addBindValue(task.workspaceKind);
        insert.addBindValue(nullable(task.workspacePath));
        insert.addBindValue(nullable(skillsToText(task.skills)));
        insert.addBindValue(nullable(task.maxRetries));
        insert.addBindValue(nullable(task.maxRuntime));
        insert.addBindValue(nullable(task.idempotencyKey));
        insert.addBindValue(task.createdAt);
        insert.addBindValue(task.updatedAt);
        insert.addBindValue(end->nextEventId);
        if (Result<void> done = m_database.exec(insert, "insert a task"); !done)
            return done.error();
        if (bodyApart) {
            if (Result<void> stored = storeBodyApart(task.id, task.body, true); !stored)
                return stored.error();
        }

        for (const QString &parentId : std::as_const(parents)) {
            PreparedStatement &link = m_database.prepare(
                u"INSERT INTO links (parent_id, child_id) VALUES (?, ?)"_s);
            link.addBindValue(parentId);
            link.addBindValue(task.id);
            if (Result<void> done = m_database.exec(link, "link a parent"); !done)
                return done.error();
        }
        JsonObjectWriter payload;
        payload.addOrNull("assignee"_L1, task.assignee)
            .add("parents"_L1, parents)
            .add("priority"_L1, task.priority)
            .add("status"_L1, TaskStatuses::toString(task.status))
            .addOrNull("tenant"_L1, task.tenant)
            .add("title"_L1, task.title);
        // The first of the task's events, with the id the task row already points at.
        PreparedStatement &created = m_database.prepare(
            u"INSERT INTO events (id, task_id, kind, payload, created_at, prev_event_id) "
            "VALUES (?, ?, 'created', ?, ?, NULL)"_s);
        created.addBindValue(end->nextEventId);
        created.addBindValue(task.id);
        created.addBindUtf8(payload.toJson());
        created.addBindValue(task.createdAt);
        if (Result<void> done = m_database.exec(created, "append an event"); !done)
            return done.error();
        return task;
    });
}

Result<Task> TaskStore::edit(const QString &id, const TaskEdit &change)
{
    if (change.title && change.title->trimmed().isEmpty())
        return invalid(u"a task needs a title"_s);
    if (change.maxRetries) {
        if (Result<void> ok = checkLimit(*change.maxRetries, u"max_retries"_s); !ok)
            return ok.error();
    }
    if (change.maxRuntime) {
        if (Result<void> ok = checkLimit(*change.maxRuntime, u"max_runtime"_s); !ok)
            return ok.error();
    }
    std::optional<QStringList> skills;
    if (change.skills) {
        Result<QStringList> cleaned = cleanSkills(*change.skills);
        if (!cleaned)
            return cleaned.error();
        skills = *cleaned;
    }

    return m_database.write([&]() -> Result<Task> {
        Result<Task> loaded = load(id);
        if (!loaded)
            return loaded;
        Task task = *loaded;
        QJsonArray fields;
        auto apply = [&fields](auto &field, const auto &value, const QString &name) {
            if (field != value) {
                field = value;
                fields << name;
            }
        };
        if (change.title)
            apply(task.title, change.title->trimmed(), u"title"_s);
        if (change.body)
            apply(task.body, *change.body, u"body"_s);
        if (change.tenant)
            apply(task.tenant, change.tenant->trimmed(), u"tenant"_s);
        if (change.priority)
            apply(task.priority, *change.priority, u"priority"_s);
        if (skills)
            apply(task.skills, *skills, u"skills"_s);
        if (change.workspaceKind)
            apply(task.workspaceKind, *change.workspaceKind, u"workspace_kind"_s);
        if (change.workspacePath)
            apply(task.workspacePath, *change.workspacePath, u"workspace_path"_s);
        if (change.maxRetries)
            apply(task.maxRetries, *change.maxRetries, u"max_retries"_s);
        if (change.maxRuntime)
            apply(task.maxRuntime, *change.maxRuntime, u"max_runtime"_s);
        if (fields.isEmpty())
            return task;
        if (change.workspaceKind || change.workspacePath) {
            if (task.status == TaskStatus::Running)
                return refused(u"task %1 is running; its workspace cannot change now"_s.arg(id));
            if (Result<void> ok = checkWorkspace(task.workspaceKind, task.workspacePath); !ok)
                return ok.error();
        }
        if (Result<void> saved = save(task); !saved)
            return saved.error();
        if (Result<void> logged = appendEvent(id, u"edited"_s, {{u"fields"_s, fields}}); !logged)
            return logged.error();
        return task;
    });
}

// ---------------------------------------------------------------- moves

Result<Task> TaskStore::move(const QString &id, TaskStatus to, const QString &note)
{
    if (to == TaskStatus::Running) {
        return refused(u"only the dispatcher starts work: a task cannot be moved into running"_s);
    }
    if (to == TaskStatus::Blocked && note.trimmed().isEmpty())
        return invalid(u"a move to blocked needs a reason"_s);

    return m_database.write([&]() -> Result<Task> {
        Result<Task> loaded = load(id);
        if (!loaded)
            return loaded;
        Task task = *loaded;
        if (task.archived)
            return refused(u"task %1 is archived; unarchive it first"_s.arg(id));
        if (task.status == to)
            return task;
        switch (to) {
        case TaskStatus::Blocked:
            if (task.status == TaskStatus::Done)
                return refused(u"task %1 is done; a done task cannot be blocked"_s.arg(id));
            return blockLoaded(task, note.trimmed(), u"cancelled"_s);
        case TaskStatus::Done:
            return completeLoaded(task, Completion{{}, note.trimmed(), {}, std::nullopt});
        case TaskStatus::Ready:
            if (task.status == TaskStatus::Blocked)
                return unblockLoaded(task);
            return reopenLoaded(task, to, u"moved by the operator"_s);
        case TaskStatus::Triage:
        case TaskStatus::Todo:
            return reopenLoaded(task, to, u"moved by the operator"_s);
        case TaskStatus::Running:
            break;
        }
        return refused(u"cannot move task %1 to %2"_s.arg(id, TaskStatuses::toString(to)));
    });
}

Result<Task> TaskStore::reopenLoaded(Task task, TaskStatus to, const QString &cancelReason)
{
    const TaskStatus from = task.status;
    QJsonObject payload{{u"from"_s, TaskStatuses::toString(from)}};
    if (from == TaskStatus::Running) {
        payload.insert(u"cancelled_run"_s, JsonValues::idOrNull(task.currentRunId));
        if (Result<void> closed = closeCurrentRun(task, u"cancelled"_s, cancelReason); !closed)
            return closed.error();
    }
    TaskStatus target = to;
    if (to == TaskStatus::Ready) {
        Result<TaskStatus> allowed = readyOrTodo(task.id);
        if (!allowed)
            return allowed.error();
        target = *allowed;
        // Asked for ready while a parent is open, a waiting task stays where it is: there
        // is nothing to record.
        if (target == from)
            return task;
    }
    task.status = target;
    task.blockReason.clear();
    task.retryAfter.reset();
    if (from == TaskStatus::Blocked)
        task.consecutiveFailures = 0;
    if (from == TaskStatus::Done) {
        task.completedAt.reset();
    }
    payload.insert(u"to"_s, TaskStatuses::toString(target));
    if (target != to)
        payload.insert(u"requested"_s, TaskStatuses::toString(to));
    if (Result<void> saved = save(task); !saved)
        return saved.error();
    if (Result<void> logged = appendEvent(task.id, u"moved"_s, payload); !logged)
        return logged.error();
    if (from == TaskStatus::Done) {
        // A reopened parent is open again: its ready children go back to waiting.
        if (Result<void> demoted = demoteReadyChildren(task.id); !demoted)
            return demoted.error();
    }
    return task;
}

Result<Task> TaskStore::placeBefore(const QString &id, const QString &beforeId)
{
    if (id == beforeId)
        return invalid(u"a task cannot be placed before itself"_s);
    return m_database.write([&]() -> Result<Task> {
        Result<Task> loaded = load(id);
        if (!loaded)
            return loaded;
        Task task = *loaded;
        const QString status = TaskStatuses::sqlLiteral(task.status);
        qint64 rank = 0;
        if (beforeId.isEmpty()) {
            Result<qint64> next = nextRank(task.status, task.archived);
            if (!next)
                return next.error();
            rank = *next;
        } else {
            Result<Task> before = load(beforeId);
            if (!before)
                return before.error();
            if (before->status != task.status || before->archived != task.archived) {
                return refused(u"task %1 is not in the same column as %2"_s.arg(beforeId, id));
            }
            // The card just above, in the column's (sort_rank, id) order: ranks can tie
            // once a column has been renumbered, and a tie leaves no room (renumbered below).
            PreparedStatement &above = m_database.prepare(
                u"SELECT MAX(sort_rank) FROM tasks WHERE status = %1 AND archived = ? "
                "AND (sort_rank < ? OR (sort_rank = ? AND id < ?)) AND id <> ?"_s.arg(status));
            above.addBindValue(task.archived ? 1 : 0);
            above.addBindValue(before->rank);
            above.addBindValue(before->rank);
            above.addBindValue(beforeId);
            above.addBindValue(id);
            if (Result<void> done = m_database.exec(above, "read the rank above"); !done)
                return done.error();
            const bool hasAbove = above.next() && !above.isNull(0);
            const qint64 aboveRank = hasAbove ? above.integer(0)
                                              : before->rank - 2 * rankStep;
            above.finish();
            if (before->rank - aboveRank < 2) {
                // No room left between the two: spread the whole column out again.
                PreparedStatement &column = m_database.prepare(
                    u"SELECT id FROM tasks WHERE status = %1 AND archived = ? "
                    "ORDER BY sort_rank, id"_s.arg(status));
                column.addBindValue(task.archived ? 1 : 0);
                if (Result<void> done = m_database.exec(column, "read a column"); !done)
                    return done.error();
                QStringList ids;
                while (column.next())
                    ids << column.text(0);
                column.finish();
                ids.removeAll(id);
                ids.insert(ids.indexOf(beforeId), id);
                qint64 spread = rankStep;
                for (const QString &member : std::as_const(ids)) {
                    PreparedStatement &update = m_database.prepare(
                        u"UPDATE tasks SET sort_rank = ? WHERE id = ?"_s);
                    update.addBindValue(spread);
                    update.addBindValue(member);
                    if (Result<void> done = m_database.exec(update, "renumber a column"); !done)
                        return done.error();
                    if (member != id) {
                        if (Result<void> logged = appendEvent(member, u"reordered"_s); !logged)
                            return logged.error();
                    }
                    spread += rankStep;
                }
                Result<Task> placed = load(id);
                if (!placed)
                    return placed;
                if (Result<void> logged = appendEvent(id, u"reordered"_s, {{u"before"_s, beforeId}});
                    !logged)
                    return logged.error();
                return placed;
            }
            rank = aboveRank + (before->rank - aboveRank) / 2;
        }
        task.rank = rank;
        if (Result<void> saved = save(task); !saved)
            return saved.error();
        if (Result<void> logged = appendEvent(id, u"reordered"_s,
                                              {{u"before"_s, JsonValues::orNull(beforeId)}});
            !logged)
            return logged.error();
        return task;
    });
}

Result<Task> TaskStore::assign(const QString &id, const QString &assignee, const QString &source)
{
    const QString name = assignee.trimmed();
    return m_database.write([&]() -> Result<Task> {
        Result<Task> loaded = load(id);
        if (!loaded)
            return loaded;
        Task task = *loaded;
        if (task.status == TaskStatus::Running) {
            return refused(u"task %1 is running; stop its worker before changing the assignee"_s.arg(id));
        }
        if (task.assignee == name)
            return task;
        QJsonObject payload{{u"assignee"_s, JsonValues::orNull(name)},
                            {u"previous"_s, JsonValues::orNull(task.assignee)}};
        if (!source.isEmpty())
            payload.insert(u"source"_s, source);
        task.assignee = name;
        task.consecutiveFailures = 0; // a new profile starts with a clean streak
        if (Result<void> saved = save(task); !saved)
            return saved.error();
        if (Result<void> logged = appendEvent(id, u"assigned"_s, payload); !logged)
            return logged.error();
        return task;
    });
}

Result<Task> TaskStore::link(const QString &parentId, const QString &childId)
{
    if (parentId == childId)
        return makeError(ErrorCode::Cycle, u"task %1 cannot depend on itself"_s.arg(childId));
    return m_database.write([&]() -> Result<Task> {
        Result<Task> parent = load(parentId);
        if (!parent)
            return parent;
        Result<Task> loaded = load(childId);
        if (!loaded)
            return loaded;
        Task child = *loaded;
        if (child.parents.contains(parentId))
            return child;
        Result<bool> cycle = isAncestor(childId, parentId);
        if (!cycle)
            return cycle.error();
        if (*cycle) {
            return makeError(ErrorCode::Cycle,
                             u"linking %1 -> %2 would make a cycle: %2 already leads to %1"_s.arg(
                                 parentId, childId));
        }
        PreparedStatement &insert = m_database.prepare(
            u"INSERT INTO links (parent_id, child_id) VALUES (?, ?)"_s);
        insert.addBindValue(parentId);
        insert.addBindValue(childId);
        if (Result<void> done = m_database.exec(insert, "insert a link"); !done)
            return done.error();
        const bool parentOpen = parent->status != TaskStatus::Done && !parent->archived;
        if (child.status == TaskStatus::Ready && parentOpen) {
            child.status = TaskStatus::Todo;
            if (Result<void> saved = save(child); !saved)
                return saved.error();
        }
        child.parents << parentId;
        child.parents.sort();
        if (Result<void> logged = appendEvent(childId, u"linked"_s,
                                              {{u"parent"_s, parentId},
                                               {u"child"_s, childId},
                                               {u"status"_s, TaskStatuses::toString(child.status)}});
            !logged)
            return logged.error();
        return child;
    });
}

Result<Task> TaskStore::unlink(const QString &parentId, const QString &childId)
{
    return m_database.write([&]() -> Result<Task> {
        if (Result<Task> parent = load(parentId); !parent)
            return parent;
        Result<Task> loaded = load(childId);
        if (!loaded)
            return loaded;
        Task child = *loaded;
        if (!child.parents.contains(parentId))
            return refused(u"%1 is not a parent of %2"_s.arg(parentId, childId));
        PreparedStatement &remove = m_database.prepare(
            u"DELETE FROM links WHERE parent_id = ? AND child_id = ?"_s);
        remove.addBindValue(parentId);
        remove.addBindValue(childId);
        if (Result<void> done = m_database.exec(remove, "remove a link"); !done)
            return done.error();
        child.parents.removeAll(parentId);
        if (child.status == TaskStatus::Todo && !child.archived) {
            Result<TaskStatus> status = readyOrTodo(childId);
            if (!status)
                return status.error();
            child.status = *status;
            if (Result<void> saved = save(child); !saved)
                return saved.error();
        }
        if (Result<void> logged = appendEvent(childId, u"unlinked"_s,
                                              {{u"parent"_s, parentId},
                                               {u"child"_s, childId},
                                               {u"status"_s, TaskStatuses::toString(child.status)}});
            !logged)
            return logged.error();
        return child;
    });
}

Result<Task> TaskStore::unblockLoaded(Task task)
{
    Result<TaskStatus> status = readyOrTodo(task.id);
    if (!status)
        return status.error();
    task.status = *status;
    task.blockReason.clear();
    task.consecutiveFailures = 0;
    task.retryAfter.reset();
    if (Result<void> saved = save(task); !saved)
        return saved.error();
    if (Result<void> logged = appendEvent(task.id, u"unblocked"_s,
                                          {{u"status"_s, TaskStatuses::toString(task.status)}});
        !logged)
        return logged.error();
    return task;
}

Result<Task> TaskStore::unblock(const QString &id)
{
    return m_database.write([&]() -> Result<Task> {
        Result<Task> loaded = load(id);
        if (!loaded)
            return loaded;
        if (loaded->archived)
            return refused(u"task %1 is archived; unarchive it first"_s.arg(id));
        if (loaded->status != TaskStatus::Blocked) {
            return refused(u"task %1 is not blocked (it is %2)"_s.arg(
                id, TaskStatuses::toString(loaded->status)));
        }
        return unblockLoaded(*loaded);
    });
}

Result<Task> TaskStore::archive(const QString &id)
{
    return m_database.write([&]() -> Result<Task> {
        Result<Task> loaded = load(id);
        if (!loaded)
            return loaded;
        Task task = *loaded;
        if (task.archived)
            return task;
        if (task.status == TaskStatus::Running)
            return refused(u"task %1 is running; stop its worker before archiving it"_s.arg(id));
        task.archived = true;
        if (Result<void> saved = save(task); !saved)
            return saved.error();
        if (Result<void> logged = appendEvent(id, u"archived"_s); !logged)
            return logged.error();
        // An archived parent no longer holds its children back.
        if (Result<void> promoted = promoteChildren(id); !promoted)
            return promoted.error();
        return task;
    });
}

Result<Task> TaskStore::unarchive(const QString &id)
{
    return m_database.write([&]() -> Result<Task> {
        Result<Task> loaded = load(id);
        if (!loaded)
            return loaded;
        Task task = *loaded;
        if (!task.archived)
            return task;
        task.archived = false;
        // Its parents may have reopened while it was away; demotions skip archived tasks.
        if (task.status == TaskStatus::Ready) {
            Result<TaskStatus> status = readyOrTodo(id);
            if (!status)
                return status.error();
            task.status = *status;
        }
        if (Result<void> saved = save(task); !saved)
            return saved.error();
        if (Result<void> logged = appendEvent(id, u"unarchived"_s); !logged)
            return logged.error();
        if (task.status != TaskStatus::Done) {
            if (Result<void> demoted = demoteReadyChildren(id); !demoted)
                return demoted.error();
        }
        return task;
    });
}

Result<Comment> TaskStore::comment(const QString &id, const QString &author, const QString &body)
{
    if (body.trimmed().isEmpty())
        return invalid(u"a comment needs a body"_s);
    if (author.trimmed().isEmpty())
        return invalid(u"a comment needs an author"_s);
    return m_database.write([&]() -> Result<Comment> {
        if (Result<Task> task = load(id); !task)
            return task.error();
        Comment comment{0, id, author.trimmed(), body, now()};
        PreparedStatement &insert = m_database.prepare(
            u"INSERT INTO comments (task_id, author, body, created_at) VALUES (?, ?, ?, ?)"_s);
        insert.addBindValue(id);
        insert.addBindValue(comment.author);
        insert.addBindValue(comment.body);
        insert.addBindValue(comment.createdAt);
        if (Result<void> done = m_database.exec(insert, "insert a comment"); !done)
            return done.error();
        comment.id = insert.lastInsertId();
        if (Result<void> logged = appendEvent(id, u"commented"_s,
                                              {{u"author"_s, comment.author},
                                               {u"comment"_s, QString::number(comment.id)}});
            !logged)
            return logged.error();
        return comment;
    });
}

// ---------------------------------------------------------------- worker protocol

Result<Task> TaskStore::claim(const QString &id, const QString &claimer, qint64 ttl,
                              const QString &workspacesRoot)
{
    if (claimer.trimmed().isEmpty())
        return invalid(u"a claim needs a claimer"_s);
    if (ttl < 1)
        return invalid(u"the claim TTL must be 1 second or more"_s);
    // The scratch folder is made inside the transaction (only a ready scratch task needs
    // one, which is known after the load): one mkdir under the write lock, and a folder
    // left behind by a refused or lost claim is harmless.
    QString scratchPath;
    if (!workspacesRoot.isEmpty()) {
        scratchPath = QDir(workspacesRoot).absoluteFilePath(id);
    }
    return m_database.write([&]() -> Result<Task> {
        Result<Task> loaded = load(id);
        if (!loaded)
            return loaded;
        Task task = *loaded;
        if (task.archived)
            return refused(u"task %1 is archived"_s.arg(id));
        if (task.status != TaskStatus::Ready) {
            return refused(u"task %1 is not ready (it is %2)"_s.arg(
                id, TaskStatuses::toString(task.status)));
        }
        // load() read the parents in this transaction: with none, none is open.
        if (!task.parents.isEmpty()) {
            Result<int> open = openParentCount(id);
            if (!open)
                return open.error();
            if (*open > 0)
                return refused(u"task %1 waits for %2 open parent(s)"_s.arg(id).arg(*open));
        }
        if (task.workspaceKind == "scratch"_L1 && task.workspacePath.isEmpty()
            && !scratchPath.isEmpty()) {
            if (!QDir().mkpath(scratchPath))
                return makeError(ErrorCode::Io, u"cannot create the workspace %1"_s.arg(scratchPath));
            task.workspacePath = scratchPath;
        }
        const qint64 started = now();
        // The run links to the task's previous one and the task to the new one below:
        // the chain TaskQueries::runs() walks (see schema version 2).
        PreparedStatement &insert = m_database.prepare(
            u"INSERT INTO runs (task_id, profile, claimer, started_at, heartbeat_at, "
            "prev_run_id) VALUES (?, ?, ?, ?, ?, (SELECT last_run_id FROM tasks WHERE id = ?))"_s);
        insert.addBindValue(id);
        insert.addBindValue(nullable(task.assignee));
        insert.addBindValue(claimer);
        insert.addBindValue(started);
        insert.addBindValue(started);
        insert.addBindValue(id);
        if (Result<void> done = m_database.exec(insert, "open a run"); !done)
            return done.error();
        const qint64 runId = insert.lastInsertId();

        // The event goes first so the claim's own UPDATE links it; a lost claim rolls
        // it back with everything else.
        Result<qint64> eventId = insertEvent(id, u"claimed"_s,
                                             JsonObjectWriter()
                                                 .add("claimer"_L1, claimer)
                                                 .add("expires"_L1, started + ttl)
                                                 .addIdOrNull("run"_L1, runId)
                                                 .toJson(),
                                             EventLink::CallerUpdatesTask);
        if (!eventId)
            return eventId.error();

        // Compare-and-set: of several claimers exactly one changes the row.
        PreparedStatement &update = m_database.prepare(
            u"UPDATE tasks SET status = 'running', claim_lock = ?, claim_expires = ?, "
            "current_run_id = ?, last_run_id = ?, last_event_id = ?, "
            "started_at = COALESCE(started_at, ?), workspace_path = ?, retry_after = NULL, "
            "updated_at = ? "
            "WHERE id = ? AND status = 'ready' AND claim_lock IS NULL AND archived = 0"_s);
        update.addBindValue(claimer);
        update.addBindValue(started + ttl);
        update.addBindValue(runId);
        update.addBindValue(runId);
        update.addBindValue(*eventId);
        update.addBindValue(started);
        update.addBindValue(nullable(task.workspacePath));
        update.addBindValue(started);
        update.addBindValue(id);
        if (Result<void> done = m_database.exec(update, "claim a task"); !done)
            return done.error();
        if (update.numRowsAffected() != 1)
            return makeError(ErrorCode::LostClaim, u"task %1 was claimed by someone else"_s.arg(id));
        task.status = TaskStatus::Running;
        task.claimLock = claimer;
        task.claimExpires = started + ttl;
        task.currentRunId = runId;
        task.retryAfter.reset();
        if (!task.startedAt)
            task.startedAt = started;
        return task;
    });
}

Result<Task> TaskStore::heartbeat(const QString &id, const QString &claimer, qint64 ttl)
{
    if (ttl < 1)
        return invalid(u"the claim TTL must be 1 second or more"_s);
    return m_database.write([&]() -> Result<Task> {
        Result<Task> loaded = load(id);
        if (!loaded)
            return loaded;
        Task task = *loaded;
        if (task.status != TaskStatus::Running || !task.currentRunId)
            return makeError(ErrorCode::LostClaim, u"task %1 is not running"_s.arg(id));
        if (task.claimLock != claimer) {
            return makeError(ErrorCode::LostClaim,
                             u"task %1 is held by %2, not %3"_s.arg(id, task.claimLock, claimer));
        }
        const qint64 beat = now();
        task.claimExpires = beat + ttl;
        // Only what a heartbeat changes: workers send one every few seconds, and save()
        // binds every column and revisits the status index.
        PreparedStatement &extend = m_database.prepare(
            u"UPDATE tasks SET claim_expires = ?, updated_at = ? WHERE id = ?"_s);
        extend.addBindValue(*task.claimExpires);
        extend.addBindValue(beat);
        extend.addBindValue(id);
        if (Result<void> done = m_database.exec(extend, "extend a claim"); !done)
            return done.error();
        task.updatedAt = beat;
        PreparedStatement &update = m_database.prepare(u"UPDATE runs SET heartbeat_at = ? WHERE id = ?"_s);
        update.addBindValue(beat);
        update.addBindValue(*task.currentRunId);
        if (Result<void> done = m_database.exec(update, "record a heartbeat"); !done)
            return done.error();
        if (Result<void> logged = appendEvent(id, u"heartbeat"_s,
                                              {{u"run"_s, QString::number(*task.currentRunId)}});
            !logged)
            return logged.error();
        return task;
    });
}

Result<Task> TaskStore::completeLoaded(Task task, const Completion &completion)
{
    if (task.archived)
        return refused(u"task %1 is archived"_s.arg(task.id));
    if (task.status == TaskStatus::Done)
        return refused(u"task %1 is already done"_s.arg(task.id));
    if (completion.runId && completion.runId != task.currentRunId) {
        return makeError(ErrorCode::LostClaim,
                         u"run %1 is not the current run of task %2"_s.arg(*completion.runId).arg(task.id));
    }
    const std::optional<qint64> runId = task.currentRunId;
    if (Result<void> closed = closeCurrentRun(task, u"completed"_s); !closed)
        return closed.error();
    task.status = TaskStatus::Done;
    task.result = completion.result;
    task.summary = completion.summary;
    task.metadata = completion.metadata;
    task.completedAt = now();
    task.consecutiveFailures = 0;
    task.blockReason.clear();
    task.retryAfter.reset();
    // The event goes first so the UPDATE below links it.
    Result<qint64> eventId = insertEvent(task.id, u"completed"_s,
                                         JsonObjectWriter()
                                             .addIdOrNull("run"_L1, runId)
                                             .add("summary"_L1, firstLine(completion.summary))
                                             .toJson(),
                                         EventLink::CallerUpdatesTask);
    if (!eventId)
        return eventId.error();
    // Only what completing changes, not save(): rewriting the whole row also rewrites
    // every index entry of the task (its rank's among them) and binds 27 values.
    PreparedStatement &update = m_database.prepare(
        u"UPDATE tasks SET status = ?, result = ?, summary = ?, metadata = ?, "
        "consecutive_failures = ?, current_run_id = NULL, claim_lock = NULL, "
        "claim_expires = NULL, block_reason = NULL, retry_after = NULL, updated_at = ?, "
        "completed_at = ?, last_event_id = ? WHERE id = ?"_s);
    update.addBindValue(TaskStatuses::toString(task.status));
    update.addBindValue(nullable(task.result));
    update.addBindValue(nullable(task.summary));
    update.addBindValue(nullable(task.metadata));
    update.addBindValue(task.consecutiveFailures);
    update.addBindValue(now());
    update.addBindValue(nullable(task.completedAt));
    update.addBindValue(*eventId);
    update.addBindValue(task.id);
    if (Result<void> done = m_database.exec(update, "update a task"); !done)
        return done.error();
    // The children were loaded with the task in this transaction: none, nothing to promote.
    if (!task.children.isEmpty()) {
        if (Result<void> promoted = promoteChildren(task.id); !promoted)
            return promoted.error();
    }
    return task;
}

Result<Task> TaskStore::complete(const QString &id, const Completion &completion)
{
    if (Result<void> ok = checkMetadata(completion.metadata); !ok)
        return ok.error();
    return m_database.write([&]() -> Result<Task> {
        Result<Task> loaded = load(id);
        if (!loaded)
            return loaded;
        return completeLoaded(*loaded, completion);
    });
}

Result<Task> TaskStore::blockLoaded(Task task, const QString &reason, const QString &runOutcome)
{
    const std::optional<qint64> runId = task.currentRunId;
    if (Result<void> closed = closeCurrentRun(task, runOutcome, reason); !closed)
        return closed.error();
    task.status = TaskStatus::Blocked;
    task.blockReason = reason;
    task.retryAfter.reset();
    if (Result<void> saved = save(task); !saved)
        return saved.error();
    if (Result<void> logged = appendEvent(task.id, u"blocked"_s,
                                          {{u"reason"_s, reason}, {u"run"_s, JsonValues::idOrNull(runId)}});
        !logged)
        return logged.error();
    return task;
}

Result<Task> TaskStore::block(const QString &id, const QString &reason, std::optional<qint64> runId)
{
    if (reason.trimmed().isEmpty())
        return invalid(u"a block needs a reason"_s);
    return m_database.write([&]() -> Result<Task> {
        Result<Task> loaded = load(id);
        if (!loaded)
            return loaded;
        const Task &task = *loaded;
        if (task.archived)
            return refused(u"task %1 is archived"_s.arg(id));
        if (task.status == TaskStatus::Done || task.status == TaskStatus::Blocked) {
            return refused(u"task %1 is %2; only an open task can be blocked"_s.arg(
                id, TaskStatuses::toString(task.status)));
        }
        if (runId && runId != task.currentRunId) {
            return makeError(ErrorCode::LostClaim,
                             u"run %1 is not the current run of task %2"_s.arg(*runId).arg(id));
        }
        return blockLoaded(task, reason.trimmed(), u"blocked"_s);
    });
}

// ---------------------------------------------------------------- dispatcher bookkeeping

Result<QStringList> TaskStore::releaseExpiredClaims()
{
    const qint64 moment = now();
    // Look first without the write lock: most ticks find nothing.
    PreparedStatement &probe = m_database.prepare(
        u"SELECT COUNT(*) FROM tasks WHERE status = 'running' AND claim_expires < ?"_s);
    probe.addBindValue(moment);
    if (Result<void> done = m_database.exec(probe, "look for expired claims"); !done)
        return done.error();
    const int expired = probe.next() ? int(probe.integer(0)) : 0;
    probe.finish();
    if (expired == 0)
        return QStringList();

    return m_database.write([&]() -> Result<QStringList> {
        PreparedStatement &query = m_database.prepare(
            u"SELECT id FROM tasks WHERE status = 'running' AND claim_expires < ? ORDER BY id"_s);
        query.addBindValue(moment);
        if (Result<void> done = m_database.exec(query, "read expired claims"); !done)
            return done.error();
        QStringList ids;
        while (query.next())
            ids << query.text(0);
        query.finish();
        for (const QString &id : std::as_const(ids)) {
            Result<Task> loaded = load(id);
            if (!loaded)
                return loaded.error();
            Task task = *loaded;
            const QJsonObject payload{{u"run"_s, JsonValues::idOrNull(task.currentRunId)},
                                      {u"claimer"_s, task.claimLock}};
            if (Result<void> back = reclaimLoaded(task, u"claim expired"_s, payload); !back)
                return back.error();
        }
        return ids;
    });
}

Result<QStringList> TaskStore::promoteWaiting()
{
    const QString candidates =
        u"SELECT t.id FROM tasks t WHERE t.status = 'todo' AND t.archived = 0 "
        "AND EXISTS (SELECT 1 FROM links l WHERE l.child_id = t.id) "
        "AND NOT EXISTS (SELECT 1 FROM links l CROSS JOIN tasks p WHERE p.id = l.parent_id "
        "AND l.child_id = t.id AND p.status <> 'done' AND p.archived = 0) ORDER BY t.id"_s;
    auto readCandidates = [&]() -> Result<QStringList> {
        PreparedStatement &query = m_database.prepare(candidates);
        if (Result<void> done = m_database.exec(query, "look for waiting tasks"); !done)
            return done.error();
        QStringList ids;
        while (query.next())
            ids << query.text(0);
        query.finish();
        return ids;
    };
    Result<QStringList> found = readCandidates();
    if (!found || found->isEmpty())
        return found;
    return m_database.write([&]() -> Result<QStringList> {
        Result<QStringList> ids = readCandidates();
        if (!ids)
            return ids;
        for (const QString &id : std::as_const(*ids)) {
            Result<Task> loaded = load(id);
            if (!loaded)
                return loaded.error();
            Task task = *loaded;
            task.status = TaskStatus::Ready;
            if (Result<void> saved = save(task); !saved)
                return saved.error();
            if (Result<void> logged = appendEvent(id, u"promoted"_s); !logged)
                return logged.error();
        }
        return ids;
    });
}

Result<Task> TaskStore::recordFailedAttempt(const QString &id, qint64 runId,
                                            const FailedAttempt &failure)
{
    static const QStringList failures = {u"crashed"_s, u"timed_out"_s, u"protocol_violation"_s,
                                         u"spawn_failed"_s};
    if (!failures.contains(failure.outcome))
        return invalid(u"%1 is not a failed outcome"_s.arg(failure.outcome));
    return m_database.write([&]() -> Result<Task> {
        Result<Task> loaded = loadHolding(id, runId);
        if (!loaded)
            return loaded;
        Task task = *loaded;
        if (Result<void> closed = closeRun(runId, failure.outcome, failure.exitCode, failure.error);
            !closed)
            return closed.error();
        clearClaim(task);
        task.consecutiveFailures += 1;
        task.lastError = failure.error;
        const int limit = effectiveFailureLimit(task, failure.configuredFailureLimit);
        QJsonObject payload{{u"run"_s, QString::number(runId)},
                            {u"error"_s, failure.error},
                            {u"failures"_s, task.consecutiveFailures}};
        if (failure.exitCode)
            payload.insert(u"exit_code"_s, *failure.exitCode);
        if (Result<void> logged = appendEvent(id, failure.outcome, payload); !logged)
            return logged.error();
        if (task.consecutiveFailures >= limit) {
            task.status = TaskStatus::Blocked;
            task.blockReason = u"gave up after %1 failed attempts: %2"_s.arg(task.consecutiveFailures)
                                   .arg(failure.error);
            task.retryAfter.reset();
            const QString source = task.maxRetries ? u"task"_s
                : (failure.configuredFailureLimit ? u"config"_s : u"default"_s);
            if (Result<void> logged = appendEvent(id, u"gave_up"_s,
                                                  {{u"failures"_s, task.consecutiveFailures},
                                                   {u"limit"_s, limit},
                                                   {u"limit_source"_s, source},
                                                   {u"outcome"_s, failure.outcome},
                                                   {u"error"_s, failure.error},
                                                   {u"reason"_s, task.blockReason}});
                !logged)
                return logged.error();
        } else {
            Result<TaskStatus> status = readyOrTodo(id);
            if (!status)
                return status.error();
            task.status = *status;
            if (failure.retryBackoff > 0) {
                const int doublings = qMin(task.consecutiveFailures - 1, 16);
                task.retryAfter = now() + failure.retryBackoff * (qint64(1) << doublings);
            } else {
                task.retryAfter.reset();
            }
        }
        if (Result<void> saved = save(task); !saved)
            return saved.error();
        return task;
    });
}

Result<Task> TaskStore::recordRateLimited(const QString &id, qint64 runId,
                                          std::optional<int> exitCode, qint64 cooldown)
{
    return m_database.write([&]() -> Result<Task> {
        Result<Task> loaded = loadHolding(id, runId);
        if (!loaded)
            return loaded;
        Task task = *loaded;
        if (Result<void> closed = closeRun(runId, u"rate_limited"_s, exitCode,
                                           u"rate limited; retrying after a cooldown"_s);
            !closed)
            return closed.error();
        clearClaim(task);
        Result<TaskStatus> status = readyOrTodo(id);
        if (!status)
            return status.error();
        task.status = *status;
        task.retryAfter = now() + qMax<qint64>(cooldown, 0);
        if (Result<void> saved = save(task); !saved)
            return saved.error();
        if (Result<void> logged = appendEvent(id, u"rate_limited"_s,
                                              {{u"run"_s, QString::number(runId)},
                                               {u"retry_after"_s, *task.retryAfter}});
            !logged)
            return logged.error();
        return task;
    });
}

Result<Task> TaskStore::releaseRun(const QString &id, qint64 runId, const QString &reason)
{
    return m_database.write([&]() -> Result<Task> {
        Result<Task> loaded = loadHolding(id, runId);
        if (!loaded)
            return loaded;
        Task task = *loaded;
        const QJsonObject payload{{u"run"_s, QString::number(runId)},
                                  {u"claimer"_s, task.claimLock},
                                  {u"reason"_s, reason}};
        if (Result<void> back = reclaimLoaded(task, reason, payload); !back)
            return back.error();
        return task;
    });
}

Result<Run> TaskStore::setRunProcess(qint64 runId, qint64 pid, const QString &logPath)
{
    return m_database.write([&]() -> Result<Run> {
        // Recorded even when the run has ended: a fast worker can report before its
        // supervisor gets here, and its pid and log are still the run's story.
        Result<Run> run = m_queries.run(runId);
        if (!run)
            return run;
        if (run->pid)
            return refused(u"run %1 already has its worker process"_s.arg(runId));
        PreparedStatement &update = m_database.prepare(
            u"UPDATE runs SET pid = ?, log_path = ? WHERE id = ?"_s);
        update.addBindValue(pid);
        update.addBindValue(nullable(logPath));
        update.addBindValue(runId);
        if (Result<void> done = m_database.exec(update, "record a worker process"); !done)
            return done.error();
        run->pid = pid;
        run->logPath = logPath;
        if (Result<void> logged = appendEvent(run->taskId, u"spawned"_s,
                                              {{u"run"_s, QString::number(runId)}, {u"pid"_s, pid}});
            !logged)
            return logged.error();
        return run;
    });
}

Result<Task> TaskStore::resolveWorkspace(const QString &id, const QString &workspacesRoot)
{
    Result<Task> loaded = load(id);
    if (!loaded)
        return loaded;
    const Task &task = *loaded;
    if (task.workspaceKind == "worktree"_L1)
        return task; // the worker makes its worktree itself
    QString path = task.workspacePath;
    if (path.isEmpty())
        path = QDir(workspacesRoot).absoluteFilePath(id);
    if (!QDir().mkpath(path))
        return makeError(ErrorCode::Io, u"cannot create the workspace %1"_s.arg(path));
    if (path == task.workspacePath)
        return task;
    return m_database.write([&]() -> Result<Task> {
        Result<Task> current = load(id);
        if (!current)
            return current;
        Task updated = *current;
        updated.workspacePath = path;
        if (Result<void> saved = save(updated); !saved)
            return saved.error();
        // Like every change, so that the change feed tells the board about the new path.
        if (Result<void> logged = appendEvent(id, u"edited"_s,
                                              {{u"fields"_s, QJsonArray{u"workspace_path"_s}}});
            !logged)
            return logged.error();
        return updated;
    });
}
