#include "schemamigrator.h"

#include "database.h"

#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

struct Migration {
    int version;
    // %AUTOKEY% and %ROWKEY% stand for the dialect's auto-numbered keys, %RANDOMHEX2% for
    // two random bytes in hex, %BODYBYTES% for the length of `body` in bytes (SqlDialect).
    QStringList statements;
};

const QList<Migration> &migrations()
{
    static const QList<Migration> list = {
        {1,
         {
             u"CREATE TABLE tasks ("
             "id TEXT PRIMARY KEY,"
             "title TEXT NOT NULL,"
             "body TEXT NOT NULL DEFAULT '',"
             "status TEXT NOT NULL,"
             "archived INTEGER NOT NULL DEFAULT 0,"
             "assignee TEXT,"
             "tenant TEXT,"
             "priority INTEGER NOT NULL DEFAULT 0,"
             "sort_rank BIGINT NOT NULL DEFAULT 0,"
             "workspace_kind TEXT NOT NULL DEFAULT 'scratch',"
             "workspace_path TEXT,"
             "skills TEXT,"
             "result TEXT,"
             "summary TEXT,"
             "metadata TEXT,"
             "consecutive_failures INTEGER NOT NULL DEFAULT 0,"
             "max_retries INTEGER,"
             "max_runtime INTEGER,"
             "current_run_id BIGINT,"
             "claim_lock TEXT,"
             "claim_expires BIGINT,"
             "idempotency_key TEXT,"
             "block_reason TEXT,"
             "last_error TEXT,"
             "retry_after BIGINT,"
             "created_at BIGINT NOT NULL,"
             "updated_at BIGINT NOT NULL,"
             "started_at BIGINT,"
             "completed_at BIGINT)"_s,
             u"CREATE INDEX idx_tasks_column ON tasks(archived, status, sort_rank)"_s,
             u"CREATE INDEX idx_tasks_dispatch ON tasks(status, priority, sort_rank)"_s,
             u"CREATE INDEX idx_tasks_assignee ON tasks(assignee, status)"_s,
             u"CREATE INDEX idx_tasks_rank ON tasks(sort_rank)"_s,
             u"CREATE INDEX idx_tasks_idempotency ON tasks(idempotency_key) "
             "WHERE idempotency_key IS NOT NULL"_s,
             u"CREATE INDEX idx_tasks_claims ON tasks(claim_expires) "
             "WHERE claim_expires IS NOT NULL"_s,
             u"CREATE TABLE links ("
             "parent_id TEXT NOT NULL REFERENCES tasks(id),"
             "child_id TEXT NOT NULL REFERENCES tasks(id),"
             "PRIMARY KEY (parent_id, child_id))"_s,
             u"CREATE INDEX idx_links_child ON links(child_id)"_s,
             u"CREATE TABLE runs ("
             "id %AUTOKEY%,"
             "task_id TEXT NOT NULL REFERENCES tasks(id),"
             "profile TEXT,"
             "claimer TEXT,"
             "outcome TEXT,"
             "started_at BIGINT NOT NULL,"
             "ended_at BIGINT,"
             "heartbeat_at BIGINT,"
             "pid BIGINT,"
             "exit_code INTEGER,"
             "error TEXT,"
             "log_path TEXT)"_s,
             u"CREATE INDEX idx_runs_task ON runs(task_id)"_s,
             u"CREATE INDEX idx_runs_open ON runs(task_id) WHERE outcome IS NULL"_s,
             u"CREATE TABLE comments ("
             "id %AUTOKEY%,"
             "task_id TEXT NOT NULL REFERENCES tasks(id),"
             "author TEXT NOT NULL,"
             "body TEXT NOT NULL,"
             "created_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX idx_comments_task ON comments(task_id)"_s,
             u"CREATE TABLE events ("
             "id %AUTOKEY%,"
             "task_id TEXT NOT NULL REFERENCES tasks(id),"
             "kind TEXT NOT NULL,"
             "payload TEXT NOT NULL DEFAULT '{}',"
             "created_at BIGINT NOT NULL)"_s,
             u"CREATE INDEX idx_events_task ON events(task_id)"_s,
         }},
        // Version 2 writes fewer pages per command: each index entry a command moves is
        // a page in the write-ahead log and its fsync. One status index replaces the
        // three that every claim and complete moved; the claim and open-run indexes
        // gave way to queries over the (few) running tasks; and runs, comments and
        // events lose AUTOINCREMENT, whose sqlite_sequence page every insert rewrote.
        // Without AUTOINCREMENT a new id is the largest plus one, which stays
        // increasing (as the change feed needs) because the board never deletes rows.
        // A task's events and runs are chained (tasks.last_event_id and last_run_id,
        // events.prev_event_id and runs.prev_run_id) instead of indexed by task: the
        // task row is written by the command anyway, and an index on task ids put
        // every new event and run on a page of its own.
        {2,
         {
             u"ALTER TABLE tasks ADD COLUMN last_event_id BIGINT"_s,
             u"ALTER TABLE tasks ADD COLUMN last_run_id BIGINT"_s,
             u"DROP INDEX idx_tasks_column"_s,
             u"DROP INDEX idx_tasks_dispatch"_s,
             u"DROP INDEX idx_tasks_assignee"_s,
             u"DROP INDEX idx_tasks_rank"_s,
             u"DROP INDEX idx_tasks_claims"_s,
             u"CREATE INDEX idx_tasks_status ON tasks(status, archived, sort_rank)"_s,
             u"CREATE TABLE runs_v2 ("
             "id %ROWKEY%,"
             "task_id TEXT NOT NULL REFERENCES tasks(id),"
             "profile TEXT,"
             "claimer TEXT,"
             "outcome TEXT,"
             "started_at BIGINT NOT NULL,"
             "ended_at BIGINT,"
             "heartbeat_at BIGINT,"
             "pid BIGINT,"
             "exit_code INTEGER,"
             "error TEXT,"
             "log_path TEXT,"
             "prev_run_id BIGINT)"_s,
             // Both chain ends are found through version 1's index, before it goes.
             u"INSERT INTO runs_v2 (id, task_id, profile, claimer, outcome, started_at, "
             "ended_at, heartbeat_at, pid, exit_code, error, log_path, prev_run_id) "
             "SELECT r.id, r.task_id, r.profile, r.claimer, r.outcome, r.started_at, "
             "r.ended_at, r.heartbeat_at, r.pid, r.exit_code, r.error, r.log_path, "
             "(SELECT MAX(p.id) FROM runs p WHERE p.task_id = r.task_id AND p.id < r.id) "
             "FROM runs r"_s,
             u"UPDATE tasks SET last_run_id = "
             "(SELECT MAX(r.id) FROM runs r WHERE r.task_id = tasks.id)"_s,
             u"DROP TABLE runs"_s,
             u"ALTER TABLE runs_v2 RENAME TO runs"_s,
             u"CREATE TABLE comments_v2 ("
             "id %ROWKEY%,"
             "task_id TEXT NOT NULL REFERENCES tasks(id),"
             "author TEXT NOT NULL,"
             "body TEXT NOT NULL,"
             "created_at BIGINT NOT NULL)"_s,
             u"INSERT INTO comments_v2 (id, task_id, author, body, created_at) "
             "SELECT id, task_id, author, body, created_at FROM comments"_s,
             u"DROP TABLE comments"_s,
             u"ALTER TABLE comments_v2 RENAME TO comments"_s,
             u"CREATE INDEX idx_comments_task ON comments(task_id)"_s,
             u"CREATE TABLE events_v2 ("
             "id %ROWKEY%,"
             "task_id TEXT NOT NULL REFERENCES tasks(id),"
             "kind TEXT NOT NULL,"
             "payload TEXT NOT NULL DEFAULT '{}',"
             "created_at BIGINT NOT NULL,"
             "prev_event_id BIGINT)"_s,
             // Both chain ends are found through version 1's index, before it goes.
             u"INSERT INTO events_v2 (id, task_id, kind, payload, created_at, prev_event_id) "
             "SELECT e.id, e.task_id, e.kind, e.payload, e.created_at, "
             "(SELECT MAX(p.id) FROM events p WHERE p.task_id = e.task_id AND p.id < e.id) "
             "FROM events e"_s,
             u"UPDATE tasks SET last_event_id = "
             "(SELECT MAX(e.id) FROM events e WHERE e.task_id = tasks.id)"_s,
             u"DROP TABLE events"_s,
             u"ALTER TABLE events_v2 RENAME TO events"_s,
         }},
        // Version 3 gives the board a random prefix for the ids of new tasks, whose rest
        // now counts up (TaskStore::newTaskId): see there why.
        {3,
         {
             u"INSERT INTO qanban_meta (key, value) VALUES ('task_id_prefix', %RANDOMHEX2%)"_s,
         }},
        // Version 4 keeps long bodies out of the task row. SQLite rewrites a row's
        // overflow pages whenever the row changes size, which every claim and complete
        // does: with an 8 KB body that was 20 pages a command instead of 5. A body longer
        // than 512 UTF-8 bytes (TaskStore::bodyInRowLimit when this was written) lives in
        // task_bodies, and the row has an empty body and body_apart = 1.
        {4,
         {
             u"CREATE TABLE task_bodies ("
             "task_id TEXT PRIMARY KEY REFERENCES tasks(id),"
             "body TEXT NOT NULL)"_s,
             u"ALTER TABLE tasks ADD COLUMN body_apart INTEGER NOT NULL DEFAULT 0"_s,
             u"INSERT INTO task_bodies (task_id, body) "
             "SELECT id, body FROM tasks WHERE %BODYBYTES% > 512"_s,
             u"UPDATE tasks SET body = '', body_apart = 1 "
             "WHERE id IN (SELECT task_id FROM task_bodies)"_s,
         }},
        // Version 5 leaves done tasks out of the status index. Every complete inserted
        // an entry there, a page of its own in the commit, and the board's largest column
        // is served as well by reading the table (TaskQueries::tasks sorts in C++). The
        // condition is a chain of ORs because SQLite uses a partial index only when a
        // query's own term, `status = 'ready'`, matches one of its branches: it cannot
        // tell that such a term implies `status <> 'done'`.
        {5,
         {
             u"DROP INDEX idx_tasks_status"_s,
             u"CREATE INDEX idx_tasks_unfinished ON tasks(status, archived, sort_rank) "
             "WHERE status = 'triage' OR status = 'todo' OR status = 'ready' "
             "OR status = 'running' OR status = 'blocked'"_s,
         }},
    };
    return list;
}

Result<int> versionInTransaction(Database &database)
{
    QSqlQuery query(database.connection());
    if (!query.exec(u"SELECT value FROM qanban_meta WHERE key = 'schema_version'"_s))
        return database.errorFrom(query.lastError(), "read the schema version");
    return query.next() ? query.value(0).toInt() : 0;
}

} // namespace

int SchemaMigrator::latestVersion()
{
    return migrations().constLast().version;
}

QStringList SchemaMigrator::statementsOf(int version, const SqlDialect &dialect)
{
    QStringList statements;
    for (const Migration &migration : migrations()) {
        if (migration.version != version)
            continue;
        for (QString statement : migration.statements) {
            statement.replace(u"%AUTOKEY%"_s, dialect.autoIncrementKey());
            statement.replace(u"%ROWKEY%"_s, dialect.rowIdKey());
            statement.replace(u"%RANDOMHEX2%"_s, dialect.randomHex(2));
            statement.replace(u"%BODYBYTES%"_s, dialect.byteLength(u"body"_s));
            statements << statement;
        }
    }
    return statements;
}

Result<int> SchemaMigrator::migrate(Database &database)
{
    return database.write([&]() -> Result<int> {
        if (Result<void> made = database.execDirect(
                u"CREATE TABLE IF NOT EXISTS qanban_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
                "create the schema table");
            !made)
            return made.error();
        Result<int> current = versionInTransaction(database);
        if (!current)
            return current;
        int version = *current;
        if (version > latestVersion()) {
            return makeError(ErrorCode::Database,
                             u"the board was written by a newer Qanban (schema %1; this build "
                             "knows up to %2)"_s.arg(version).arg(latestVersion()));
        }
        for (const Migration &migration : migrations()) {
            if (migration.version <= version)
                continue;
            for (const QString &statement : statementsOf(migration.version, database.dialect())) {
                if (Result<void> done = database.execDirect(statement, "migrate the schema"); !done)
                    return done.error();
            }
            version = migration.version;
        }
        PreparedStatement &record = database.prepare(
            u"INSERT INTO qanban_meta (key, value) VALUES ('schema_version', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
        record.addBindValue(QString::number(version));
        if (Result<void> done = database.exec(record, "record the schema version"); !done)
            return done.error();
        return version;
    });
}
