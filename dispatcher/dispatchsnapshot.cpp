#include "dispatchsnapshot.h"

#include "database.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

// Only the columns a decision needs: a tick over 10,000 ready tasks must stay cheap.
// (Only scratch tasks lack a workspace path, so the kind is not read.)
const QString readyColumns =
    u"t.id, t.assignee, t.priority, t.sort_rank, t.retry_after, t.workspace_path"_s;

Result<void> readTasks(Database &database, PreparedStatement &query, const char *what,
                       QList<DispatchSnapshot::ReadyTask> &into, int *count)
{
    if (Result<void> done = database.exec(query, what); !done)
        return done;
    while (query.next()) {
        DispatchSnapshot::ReadyTask task;
        task.id = query.text(0);
        task.assignee = query.text(1);
        task.priority = int(query.integer(2));
        task.rank = query.integer(3);
        if (!query.isNull(4))
            task.retryAfter = query.integer(4);
        task.workspacePath = query.text(5);
        into.append(std::move(task));
        if (count)
            ++*count;
    }
    query.finish();
    return {};
}

} // namespace

Result<DispatchSnapshot> DispatchSnapshot::read(Database &database, qint64 now,
                                                bool simulateBookkeeping)
{
    DispatchSnapshot snapshot;
    snapshot.now = now;

    PreparedStatement &ready = database.prepare(
        u"SELECT %1 FROM tasks t WHERE t.status = 'ready' AND t.archived = 0 "
        "AND t.claim_lock IS NULL"_s.arg(readyColumns));
    if (Result<void> done = readTasks(database, ready, "read ready tasks", snapshot.ready,
                                      nullptr);
        !done)
        return done.error();

    PreparedStatement &running = database.prepare(
        u"SELECT COALESCE(assignee, ''), COUNT(*) FROM tasks WHERE status = 'running' "
        "AND archived = 0 AND (? = 0 OR claim_expires IS NULL OR claim_expires >= ?) "
        "GROUP BY COALESCE(assignee, '')"_s);
    running.addBindValue(simulateBookkeeping ? 1 : 0);
    running.addBindValue(now);
    if (Result<void> done = database.exec(running, "count running tasks"); !done)
        return done.error();
    while (running.next()) {
        const int count = int(running.integer(1));
        snapshot.runningByAssignee.insert(running.text(0), count);
        snapshot.runningTotal += count;
    }
    running.finish();

    if (simulateBookkeeping) {
        PreparedStatement &expired = database.prepare(
            u"SELECT %1 FROM tasks t WHERE t.status = 'running' AND t.archived = 0 "
            "AND t.claim_expires < ?"_s.arg(readyColumns));
        expired.addBindValue(now);
        if (Result<void> done = readTasks(database, expired, "read expired claims",
                                          snapshot.ready, &snapshot.reclaimable);
            !done)
            return done.error();
        // CROSS JOIN keeps links as the outer loop (see TaskStore::openParentCount).
        PreparedStatement &waiting = database.prepare(
            u"SELECT %1 FROM tasks t WHERE t.status = 'todo' AND t.archived = 0 "
            "AND EXISTS (SELECT 1 FROM links l WHERE l.child_id = t.id) "
            "AND NOT EXISTS (SELECT 1 FROM links l CROSS JOIN tasks p ON p.id = l.parent_id "
            "WHERE l.child_id = t.id AND p.status <> 'done' AND p.archived = 0)"_s
                .arg(readyColumns));
        if (Result<void> done = readTasks(database, waiting, "read waiting tasks",
                                          snapshot.ready, &snapshot.promotable);
            !done)
            return done.error();
    }
    return snapshot;
}
