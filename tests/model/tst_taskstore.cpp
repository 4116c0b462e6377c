#include "database.h"
#include "qanbantest.h"
#include "tempboard.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>

#include <functional>
#include <optional>
#include <source_location>

using namespace Qt::StringLiterals;

namespace {

// The value of a Result the test cannot go on without; a failure is recorded where the
// helper was called.
template <typename T>
T must(Result<T> result, std::source_location where = std::source_location::current())
{
    if (!result) {
        QTest::qFail(qPrintable(u"unexpected error: "_s + result.error().message),
                     where.file_name(), int(where.line()));
        return T{};
    }
    return std::move(result).value();
}

template <typename T>
std::optional<Error> errorOf(const Result<T> &result)
{
    return result ? std::nullopt : std::optional<Error>(result.error());
}

// Evaluates the expression once (QVERIFY2 evaluates its description even on success).
#define QVERIFY_OK(expression)                                                                     \
    do {                                                                                           \
        const auto &result_ = (expression);                                                        \
        QVERIFY2(result_.ok(), qPrintable(result_.error().message));                               \
    } while (false)

// A board whose tasks are known by their titles, with compact text views of its state
// so that assertions read like the board: "A=ready B=todo", "created,claimed".
class Board final
{
public:
    Board() { QVERIFY2(m_board.isValid(), "the temporary board did not open"); }

    TempBoard &temp() { return m_board; }
    TaskStore &store() { return m_board.store(); }
    TaskQueries &queries() { return m_board.queries(); }
    void advance(qint64 seconds) { m_board.advance(seconds); }
    qint64 now() const { return m_board.now(); }
    QString dump() { return m_board.dump(); }

    // Creates a task titled `name`; parents are given by name.
    QString add(const QString &name, NewTask spec = {},
                std::source_location where = std::source_location::current())
    {
        spec.title = name;
        for (QString &parent : spec.parents)
            parent = m_ids.value(parent, parent);
        const Task task = must(store().create(spec), where);
        m_ids.insert(name, task.id);
        m_names.insert(task.id, name);
        return task.id;
    }
    QString addChild(const QString &name, const QStringList &parents,
                     std::source_location where = std::source_location::current())
    {
        return add(name, NewTask{.parents = parents}, where);
    }
    QString id(const QString &name) const { return m_ids.value(name, name); }
    QString name(const QString &id) const { return m_names.value(id, id); }
    Task task(const QString &name, std::source_location where = std::source_location::current())
    {
        return must(queries().task(id(name)), where);
    }
    // Claims as `claimer`; returns the run id.
    qint64 claim(const QString &name, const QString &claimer = u"w1"_s, qint64 ttl = 900,
                 std::source_location where = std::source_location::current())
    {
        return must(store().claim(id(name), claimer, ttl), where).currentRunId.value_or(-1);
    }
    void complete(const QString &name, std::source_location where = std::source_location::current())
    {
        must(store().complete(
                 id(name),
                 Completion{u"result of "_s + name, u"summary of "_s + name, {}, std::nullopt}),
             where);
    }

    QString status(const QString &name) { return TaskStatuses::toString(task(name).status); }
    // "A=ready B=todo"
    QString statuses(const QStringList &names)
    {
        QStringList parts;
        for (const QString &name : names)
            parts << name + u'=' + status(name);
        return parts.join(u' ');
    }
    QList<Event> events(const QString &name) { return must(queries().events(id(name))); }
    // "created,claimed,completed"
    QString kinds(const QString &name)
    {
        QStringList kinds;
        for (const Event &event : events(name))
            kinds << event.kind;
        return kinds.join(u',');
    }
    Event lastEvent(const QString &name)
    {
        const QList<Event> all = events(name);
        return all.isEmpty() ? Event{} : all.constLast();
    }
    QList<Run> runs(const QString &name) { return must(queries().runs(id(name))); }
    // "completed" or "crashed,crashed,open"
    QString outcomes(const QString &name)
    {
        QStringList outcomes;
        for (const Run &run : runs(name))
            outcomes << (run.isOpen() ? u"open"_s : run.outcome);
        return outcomes.join(u',');
    }
    // Titles of a column, top to bottom: "A,B,C".
    QString column(TaskStatus status)
    {
        QStringList titles;
        for (const Task &task : must(queries().tasks(TaskFilter{.status = status})))
            titles << task.title;
        return titles.join(u',');
    }
    int count(const QString &sql)
    {
        QSqlQuery query(m_board.database().connection());
        return query.exec(sql) && query.next() ? query.value(0).toInt() : -1;
    }

private:
    TempBoard m_board;
    QHash<QString, QString> m_ids;
    QHash<QString, QString> m_names;
};

// One board with a task in every state, for the refusals.
//   P (ready) -> C (todo) -> G (todo)      a chain, for cycles
//   R ready, assigned to coder, tenant acme, with a comment
//   X running, claimed by w1 (run xRun)
//   D done (its run dRun closed)
//   B blocked, T triage, A archived
struct Fixture {
    Board board;
    qint64 xRun = -1;
    qint64 dRun = -1;

    Fixture()
    {
        board.add(u"P"_s);
        board.addChild(u"C"_s, {u"P"_s});
        board.addChild(u"G"_s, {u"C"_s});
        board.add(u"R"_s, NewTask{.assignee = u"coder"_s, .tenant = u"acme"_s});
        must(board.store().comment(board.id(u"R"_s), u"op"_s, u"look at this"_s));
        board.add(u"X"_s);
        xRun = board.claim(u"X"_s);
        board.add(u"D"_s);
        dRun = board.claim(u"D"_s);
        board.complete(u"D"_s);
        board.add(u"B"_s);
        must(board.store().block(board.id(u"B"_s), u"needs a human"_s));
        board.add(u"T"_s, NewTask{.triage = true});
        board.add(u"A"_s);
        must(board.store().archive(board.id(u"A"_s)));
    }
    QString id(const QString &name) const { return board.id(name); }
    TaskStore &store() { return board.store(); }
};

using Attempt = std::function<std::optional<Error>(Fixture &)>;

// A change made to a fresh Fixture, and the task whose events it should append.
using Change = std::function<QString(Fixture &)>;

// The rules that hold between any two commands, whatever they were; the broken ones as
// "rule: task id" lines.
QStringList brokenInvariants(Board &board)
{
    QStringList broken;
    QSqlQuery query(board.temp().database().connection());
    auto none = [&](const QString &rule, const QString &sql) {
        if (!query.exec(sql)) {
            broken << rule + u": the check failed"_s;
            return;
        }
        while (query.next())
            broken << rule + u": "_s + query.value(0).toString();
    };
    none(u"running exactly when claimed"_s,
         u"SELECT id FROM tasks WHERE (status = 'running') <> (claim_lock IS NOT NULL) "
         "OR (status = 'running') <> (current_run_id IS NOT NULL) "
         "OR (status = 'running') <> (claim_expires IS NOT NULL)"_s);
    none(u"an open run is its task's current run"_s,
         u"SELECT r.id FROM runs r JOIN tasks t ON t.id = r.task_id WHERE r.outcome IS NULL "
         "AND (t.current_run_id IS NULL OR t.current_run_id <> r.id)"_s);
    none(u"the current run is open and the task's own"_s,
         u"SELECT t.id FROM tasks t LEFT JOIN runs r ON r.id = t.current_run_id "
         "WHERE t.current_run_id IS NOT NULL "
         "AND (r.id IS NULL OR r.outcome IS NOT NULL OR r.task_id <> t.id)"_s);
    none(u"a ready task has no open parent"_s,
         u"SELECT c.id FROM tasks c JOIN links l ON l.child_id = c.id "
         "JOIN tasks p ON p.id = l.parent_id WHERE c.status = 'ready' AND c.archived = 0 "
         "AND p.status <> 'done' AND p.archived = 0"_s);
    none(u"done exactly when completed_at is set"_s,
         u"SELECT id FROM tasks WHERE (status = 'done') <> (completed_at IS NOT NULL)"_s);
    none(u"blocked exactly when there is a reason"_s,
         u"SELECT id FROM tasks "
         "WHERE (status = 'blocked') <> (COALESCE(block_reason, '') <> '')"_s);
    none(u"archived tasks do not run"_s,
         u"SELECT id FROM tasks WHERE archived = 1 AND status = 'running'"_s);
    none(u"no cycles"_s,
         u"WITH RECURSIVE walk(start, id) AS (SELECT parent_id, child_id FROM links "
         "UNION SELECT w.start, l.child_id FROM walk w JOIN links l ON l.parent_id = w.id) "
         "SELECT start FROM walk WHERE start = id"_s);
    none(u"the first event is created"_s,
         u"SELECT t.id FROM tasks t WHERE (SELECT e.kind FROM events e WHERE e.task_id = t.id "
         "ORDER BY e.id LIMIT 1) IS NOT 'created'"_s);
    none(u"each task's event chain holds exactly its own events"_s,
         u"WITH RECURSIVE chain(task_id, id) AS (SELECT id, last_event_id FROM tasks "
         "UNION ALL SELECT c.task_id, e.prev_event_id FROM chain c JOIN events e "
         "ON e.id = c.id WHERE e.prev_event_id IS NOT NULL) "
         "SELECT t.id FROM tasks t WHERE (SELECT COUNT(*) FROM chain c JOIN events e "
         "ON e.id = c.id WHERE c.task_id = t.id AND e.task_id = t.id) "
         "<> (SELECT COUNT(*) FROM events e WHERE e.task_id = t.id)"_s);
    none(u"each task's run chain holds exactly its own runs"_s,
         u"WITH RECURSIVE chain(task_id, id) AS (SELECT id, last_run_id FROM tasks "
         "UNION ALL SELECT c.task_id, r.prev_run_id FROM chain c JOIN runs r "
         "ON r.id = c.id WHERE r.prev_run_id IS NOT NULL) "
         "SELECT t.id FROM tasks t WHERE (SELECT COUNT(*) FROM chain c JOIN runs r "
         "ON r.id = c.id WHERE c.task_id = t.id AND r.task_id = t.id) "
         "<> (SELECT COUNT(*) FROM runs r WHERE r.task_id = t.id)"_s);
    none(u"failures are counted from zero"_s,
         u"SELECT id FROM tasks WHERE consecutive_failures < 0"_s);
    none(u"a run has an end exactly when it has an outcome"_s,
         u"SELECT id FROM runs WHERE (outcome IS NULL) <> (ended_at IS NULL)"_s);
    none(u"one claimed event per run"_s,
         u"SELECT t.id FROM tasks t WHERE (SELECT COUNT(*) FROM runs r WHERE r.task_id = t.id) "
         "<> (SELECT COUNT(*) FROM events e WHERE e.task_id = t.id AND e.kind = 'claimed')"_s);
    none(u"only a waiting task waits out a back-off"_s,
         u"SELECT id FROM tasks WHERE retry_after IS NOT NULL "
         "AND status NOT IN ('ready', 'todo')"_s);
    return broken;
}

// One command picked at random, with arguments that are sometimes wrong on purpose.
// `what` names it for the failure message.
std::optional<Error> randomCommand(Board &board, QRandomGenerator &rng, QStringList &ids,
                                   QString *what)
{
    TaskStore &store = board.store();
    auto chance = [&rng](int percent) {
        return int(rng.bounded(100)) < percent;
    };
    auto pick = [&]() {
        return ids.isEmpty() ? u"t_none"_s : ids.at(rng.bounded(int(ids.size())));
    };
    auto currentRun = [&](const QString &id) -> std::optional<qint64> {
        Result<Task> task = board.queries().task(id);
        return task ? task->currentRunId : std::nullopt;
    };
    const QString a = pick();
    const QString b = pick();
    const QString claimer = chance(50) ? u"w1"_s : u"w2"_s;
    const QString name = u"%1 %2"_s.arg(board.name(a), board.name(b));
    switch (rng.bounded(23)) {
    case 0:
    case 1: {
        NewTask spec{.title = u"T%1"_s.arg(ids.size()), .triage = chance(15)};
        for (int i = int(rng.bounded(3)); i > 0 && !ids.isEmpty(); --i)
            spec.parents << pick();
        *what = u"create under %1"_s.arg(spec.parents.join(u' '));
        Result<Task> created = store.create(spec);
        if (created)
            ids << created->id;
        return errorOf(created);
    }
    case 2:
        *what = u"link "_s + name;
        return errorOf(store.link(a, b));
    case 3:
        *what = u"unlink "_s + name;
        return errorOf(store.unlink(a, b));
    case 4: {
        const TaskStatus to = TaskStatuses::all().at(rng.bounded(TaskStatuses::count));
        *what = u"move %1 to %2"_s.arg(a, TaskStatuses::toString(to));
        return errorOf(store.move(a, to, chance(80) ? u"operator"_s : QString()));
    }
    case 5:
    case 6:
        *what = u"claim "_s + a;
        return errorOf(store.claim(a, claimer, 10 + rng.bounded(100)));
    case 7:
        *what = u"heartbeat "_s + a;
        return errorOf(store.heartbeat(a, claimer, 10 + rng.bounded(100)));
    case 8: {
        *what = u"complete "_s + a;
        const std::optional<qint64> run =
            chance(70) ? currentRun(a) : (chance(50) ? std::optional<qint64>(99999) : std::nullopt);
        return errorOf(
            store.complete(a, Completion{u"r"_s, u"s"_s, chance(90) ? u"{}"_s : u"["_s, run}));
    }
    case 9:
        *what = u"block "_s + a;
        return errorOf(store.block(a, chance(85) ? u"stuck"_s : u" "_s,
                                   chance(50) ? currentRun(a) : std::nullopt));
    case 10:
        *what = u"unblock "_s + a;
        return errorOf(store.unblock(a));
    case 11:
        *what = u"archive "_s + a;
        return errorOf(store.archive(a));
    case 12:
        *what = u"unarchive "_s + a;
        return errorOf(store.unarchive(a));
    case 13:
        *what = u"assign "_s + a;
        return errorOf(
            store.assign(a, QStringList{QString(), u"coder"_s, u"reviewer"_s}.at(rng.bounded(3))));
    case 14: {
        *what = u"failed attempt "_s + a;
        static const QStringList outcomes{u"crashed"_s, u"timed_out"_s, u"protocol_violation"_s,
                                          u"spawn_failed"_s};
        return errorOf(store.recordFailedAttempt(
            a, currentRun(a).value_or(99999),
            FailedAttempt{.outcome = outcomes.at(rng.bounded(4)),
                          .error = u"boom"_s,
                          .configuredFailureLimit = 1 + int(rng.bounded(3)),
                          .retryBackoff = 5}));
    }
    case 15:
        *what = u"rate limited "_s + a;
        return errorOf(store.recordRateLimited(a, currentRun(a).value_or(99999), 75, 30));
    case 16:
        *what = u"release expired claims"_s;
        board.advance(rng.bounded(150));
        return errorOf(store.releaseExpiredClaims());
    case 17:
        *what = u"promote waiting"_s;
        return errorOf(store.promoteWaiting());
    case 18:
        *what = u"place "_s + name;
        return errorOf(store.placeBefore(a, chance(80) ? b : QString()));
    case 19:
        *what = u"comment "_s + a;
        return errorOf(store.comment(a, u"op"_s, chance(90) ? u"note"_s : u" "_s));
    case 20: {
        *what = u"edit "_s + a;
        TaskEdit edit;
        if (chance(50))
            edit.title = chance(90) ? u"renamed"_s : u" "_s;
        if (chance(30))
            edit.priority = int(rng.bounded(5));
        if (chance(30)) {
            edit.workspaceKind = chance(50) ? u"dir"_s : u"scratch"_s;
            edit.workspacePath = *edit.workspaceKind == "dir"_L1 ? u"/srv/w"_s : QString();
        }
        if (chance(20))
            edit.maxRetries = chance(80) ? std::optional<int>(1 + int(rng.bounded(3))) : std::nullopt;
        return errorOf(store.edit(a, edit));
    }
    case 21:
        *what = u"run process "_s + a;
        return errorOf(store.setRunProcess(currentRun(a).value_or(99999), 4242, u"/tmp/l"_s));
    default: {
        const QString key = u"key-%1"_s.arg(rng.bounded(3));
        *what = u"create with "_s + key;
        Result<Task> created = store.create(NewTask{.title = u"K"_s, .idempotencyKey = key});
        if (created && !ids.contains(created->id))
            ids << created->id;
        return errorOf(created);
    }
    }
}

} // namespace

// QCOMPARE prints statuses by name.
char *toString(TaskStatus status)
{
    return qstrdup(qPrintable(TaskStatuses::toString(status)));
}

Q_DECLARE_METATYPE(Attempt)
Q_DECLARE_METATYPE(Change)
Q_DECLARE_METATYPE(ErrorCode)
Q_DECLARE_METATYPE(TaskStatus)
Q_DECLARE_METATYPE(std::optional<int>)

// TaskStore: every write of the kernel, its refusals, and the lifecycle rules.
class TaskStoreTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // ------------------------------------------------------------ refusals

    void shouldChangeNothingWhenRefused_data()
    {
        QTest::addColumn<Attempt>("attempt");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("messagePart");

        auto row = [](const char *name, ErrorCode code, const QString &part, Attempt attempt) {
            QTest::newRow(name) << attempt << code << part;
        };
        using E = ErrorCode;
        // create
        row("create: empty title", E::Invalid, u"title"_s, [](Fixture &f) {
            return errorOf(f.store().create(NewTask{.title = u""_s}));
        });
        row("create: blank title", E::Invalid, u"title"_s, [](Fixture &f) {
            return errorOf(f.store().create(NewTask{.title = u"  \t "_s}));
        });
        row("create: unknown parent", E::NotFound, u"t_000000000bad"_s, [](Fixture &f) {
            return errorOf(f.store().create(
                NewTask{.title = u"orphan"_s, .parents = {f.id(u"P"_s), u"t_000000000bad"_s}}));
        });
        row("create: unknown workspace kind", E::Invalid, u"cloud"_s, [](Fixture &f) {
            return errorOf(f.store().create(NewTask{.title = u"w"_s, .workspaceKind = u"cloud"_s}));
        });
        row("create: dir without a path", E::Invalid, u"path"_s, [](Fixture &f) {
            return errorOf(f.store().create(NewTask{.title = u"w"_s, .workspaceKind = u"dir"_s}));
        });
        row("create: worktree with a relative path", E::Invalid, u"absolute"_s, [](Fixture &f) {
            return errorOf(f.store().create(NewTask{
                .title = u"w"_s, .workspaceKind = u"worktree"_s, .workspacePath = u"src/repo"_s}));
        });
        row("create: dir with a relative path", E::Invalid, u"absolute"_s, [](Fixture &f) {
            return errorOf(f.store().create(
                NewTask{.title = u"w"_s, .workspaceKind = u"dir"_s, .workspacePath = u"./here"_s}));
        });
        row("create: scratch with a path", E::Invalid, u"scratch"_s, [](Fixture &f) {
            return errorOf(f.store().create(NewTask{
                .title = u"w"_s, .workspaceKind = u"scratch"_s, .workspacePath = u"/tmp/x"_s}));
        });
        row("create: max_retries 0", E::Invalid, u"max_retries"_s, [](Fixture &f) {
            return errorOf(f.store().create(NewTask{.title = u"w"_s, .maxRetries = 0}));
        });
        row("create: negative max_runtime", E::Invalid, u"max_runtime"_s, [](Fixture &f) {
            return errorOf(f.store().create(NewTask{.title = u"w"_s, .maxRuntime = -5}));
        });
        row("create: skill with a comma", E::Invalid, u"comma"_s, [](Fixture &f) {
            return errorOf(f.store().create(NewTask{.title = u"w"_s, .skills = {u"a,b"_s}}));
        });
        // edit
        row("edit: unknown task", E::NotFound, u"t_nope"_s, [](Fixture &f) {
            return errorOf(f.store().edit(u"t_nope"_s, TaskEdit{.title = u"x"_s}));
        });
        row("edit: blank title", E::Invalid, u"title"_s, [](Fixture &f) {
            return errorOf(f.store().edit(f.id(u"R"_s), TaskEdit{.title = u" "_s}));
        });
        row("edit: workspace of a running task", E::Refused, u"running"_s, [](Fixture &f) {
            return errorOf(f.store().edit(
                f.id(u"X"_s), TaskEdit{.workspaceKind = u"dir"_s, .workspacePath = u"/srv/x"_s}));
        });
        row("edit: unknown workspace kind", E::Invalid, u"cloud"_s, [](Fixture &f) {
            return errorOf(f.store().edit(f.id(u"R"_s), TaskEdit{.workspaceKind = u"cloud"_s}));
        });
        row("edit: dir without a path", E::Invalid, u"path"_s, [](Fixture &f) {
            return errorOf(f.store().edit(f.id(u"R"_s), TaskEdit{.workspaceKind = u"dir"_s}));
        });
        row("edit: max_retries 0", E::Invalid, u"max_retries"_s, [](Fixture &f) {
            return errorOf(
                f.store().edit(f.id(u"R"_s), TaskEdit{.maxRetries = std::optional<int>(0)}));
        });
        // move
        row("move: into running", E::Refused, u"running"_s, [](Fixture &f) {
            return errorOf(f.store().move(f.id(u"R"_s), TaskStatus::Running));
        });
        row("move: into blocked without a reason", E::Invalid, u"reason"_s, [](Fixture &f) {
            return errorOf(f.store().move(f.id(u"R"_s), TaskStatus::Blocked, u"  "_s));
        });
        row("move: done into blocked", E::Refused, u"done"_s, [](Fixture &f) {
            return errorOf(f.store().move(f.id(u"D"_s), TaskStatus::Blocked, u"why not"_s));
        });
        row("move: archived task", E::Refused, u"archived"_s, [](Fixture &f) {
            return errorOf(f.store().move(f.id(u"A"_s), TaskStatus::Todo));
        });
        row("move: unknown task", E::NotFound, u"t_nope"_s, [](Fixture &f) {
            return errorOf(f.store().move(u"t_nope"_s, TaskStatus::Todo));
        });
        // placeBefore
        row("place: before itself", E::Invalid, u"itself"_s, [](Fixture &f) {
            return errorOf(f.store().placeBefore(f.id(u"R"_s), f.id(u"R"_s)));
        });
        row("place: before a task of another column", E::Refused, u"column"_s, [](Fixture &f) {
            return errorOf(f.store().placeBefore(f.id(u"R"_s), f.id(u"C"_s)));
        });
        row("place: before an unknown task", E::NotFound, u"t_nope"_s, [](Fixture &f) {
            return errorOf(f.store().placeBefore(f.id(u"R"_s), u"t_nope"_s));
        });
        // assign
        row("assign: running task", E::Refused, u"running"_s, [](Fixture &f) {
            return errorOf(f.store().assign(f.id(u"X"_s), u"reviewer"_s));
        });
        row("unassign: running task", E::Refused, u"running"_s, [](Fixture &f) {
            return errorOf(f.store().assign(f.id(u"X"_s), QString()));
        });
        row("assign: unknown task", E::NotFound, u"t_nope"_s, [](Fixture &f) {
            return errorOf(f.store().assign(u"t_nope"_s, u"coder"_s));
        });
        // link and unlink
        row("link: to itself", E::Cycle, u"itself"_s, [](Fixture &f) {
            return errorOf(f.store().link(f.id(u"R"_s), f.id(u"R"_s)));
        });
        row("link: direct cycle", E::Cycle, u"cycle"_s, [](Fixture &f) {
            return errorOf(f.store().link(f.id(u"C"_s), f.id(u"P"_s)));
        });
        row("link: indirect cycle", E::Cycle, u"cycle"_s, [](Fixture &f) {
            return errorOf(f.store().link(f.id(u"G"_s), f.id(u"P"_s)));
        });
        row("link: unknown parent", E::NotFound, u"t_nope"_s, [](Fixture &f) {
            return errorOf(f.store().link(u"t_nope"_s, f.id(u"R"_s)));
        });
        row("link: unknown child", E::NotFound, u"t_nope"_s, [](Fixture &f) {
            return errorOf(f.store().link(f.id(u"R"_s), u"t_nope"_s));
        });
        row("unlink: not linked", E::Refused, u"not a parent"_s, [](Fixture &f) {
            return errorOf(f.store().unlink(f.id(u"R"_s), f.id(u"C"_s)));
        });
        row("unlink: unknown parent", E::NotFound, u"t_nope"_s, [](Fixture &f) {
            return errorOf(f.store().unlink(u"t_nope"_s, f.id(u"C"_s)));
        });
        // unblock, archive
        row("unblock: not blocked", E::Refused, u"not blocked"_s, [](Fixture &f) {
            return errorOf(f.store().unblock(f.id(u"R"_s)));
        });
        row("unblock: unknown task", E::NotFound, u"t_nope"_s, [](Fixture &f) {
            return errorOf(f.store().unblock(u"t_nope"_s));
        });
        row("archive: running task", E::Refused, u"running"_s, [](Fixture &f) {
            return errorOf(f.store().archive(f.id(u"X"_s)));
        });
        // comment
        row("comment: empty body", E::Invalid, u"body"_s, [](Fixture &f) {
            return errorOf(f.store().comment(f.id(u"R"_s), u"op"_s, u""_s));
        });
        row("comment: blank body", E::Invalid, u"body"_s, [](Fixture &f) {
            return errorOf(f.store().comment(f.id(u"R"_s), u"op"_s, u" \n\t "_s));
        });
        row("comment: blank author", E::Invalid, u"author"_s, [](Fixture &f) {
            return errorOf(f.store().comment(f.id(u"R"_s), u" "_s, u"hello"_s));
        });
        row("comment: unknown task", E::NotFound, u"t_nope"_s, [](Fixture &f) {
            return errorOf(f.store().comment(u"t_nope"_s, u"op"_s, u"hello"_s));
        });
        // claim
        for (const char *name : {"T", "C", "X", "D", "B"}) {
            const QString task = QString::fromLatin1(name);
            QTest::addRow("claim: %s task", name) << Attempt([task](Fixture &f) {
                return errorOf(f.store().claim(f.id(task), u"w2"_s));
            }) << E::Refused << u"not ready"_s;
        }
        row("claim: archived task", E::Refused, u"archived"_s, [](Fixture &f) {
            return errorOf(f.store().claim(f.id(u"A"_s), u"w2"_s));
        });
        row("claim: no claimer", E::Invalid, u"claimer"_s, [](Fixture &f) {
            return errorOf(f.store().claim(f.id(u"R"_s), u" "_s));
        });
        row("claim: zero TTL", E::Invalid, u"TTL"_s, [](Fixture &f) {
            return errorOf(f.store().claim(f.id(u"R"_s), u"w2"_s, 0));
        });
        row("claim: unknown task", E::NotFound, u"t_nope"_s, [](Fixture &f) {
            return errorOf(f.store().claim(u"t_nope"_s, u"w2"_s));
        });
        // heartbeat
        row("heartbeat: by someone else", E::LostClaim, u"w1"_s, [](Fixture &f) {
            return errorOf(f.store().heartbeat(f.id(u"X"_s), u"w2"_s));
        });
        row("heartbeat: task not running", E::LostClaim, u"not running"_s, [](Fixture &f) {
            return errorOf(f.store().heartbeat(f.id(u"R"_s), u"w1"_s));
        });
        // complete
        row("complete: not the current run", E::LostClaim, u"current run"_s, [](Fixture &f) {
            return errorOf(
                f.store().complete(f.id(u"X"_s), Completion{u"r"_s, u"s"_s, {}, f.xRun + 1000}));
        });
        row("complete: an old run of a done task", E::Refused, u"done"_s, [](Fixture &f) {
            return errorOf(
                f.store().complete(f.id(u"D"_s), Completion{u"r"_s, u"s"_s, {}, f.dRun}));
        });
        row("complete: a run id on a task that has none", E::LostClaim, u"current run"_s,
            [](Fixture &f) {
                return errorOf(
                    f.store().complete(f.id(u"R"_s), Completion{u"r"_s, u"s"_s, {}, f.xRun}));
            });
        row("complete: done task", E::Refused, u"done"_s, [](Fixture &f) {
            return errorOf(f.store().complete(f.id(u"D"_s), Completion{u"again"_s, {}, {}, {}}));
        });
        row("complete: metadata not JSON", E::Invalid, u"JSON object"_s, [](Fixture &f) {
            return errorOf(
                f.store().complete(f.id(u"X"_s), Completion{u"r"_s, u"s"_s, u"{oops"_s, f.xRun}));
        });
        row("complete: metadata an array", E::Invalid, u"JSON object"_s, [](Fixture &f) {
            return errorOf(
                f.store().complete(f.id(u"X"_s), Completion{u"r"_s, u"s"_s, u"[1,2]"_s, f.xRun}));
        });
        row("complete: archived task", E::Refused, u"archived"_s, [](Fixture &f) {
            return errorOf(f.store().complete(f.id(u"A"_s), Completion{u"r"_s, {}, {}, {}}));
        });
        row("complete: unknown task", E::NotFound, u"t_nope"_s, [](Fixture &f) {
            return errorOf(f.store().complete(u"t_nope"_s, Completion{u"r"_s, {}, {}, {}}));
        });
        // block
        row("block: no reason", E::Invalid, u"reason"_s, [](Fixture &f) {
            return errorOf(f.store().block(f.id(u"X"_s), u" "_s, f.xRun));
        });
        row("block: not the current run", E::LostClaim, u"current run"_s, [](Fixture &f) {
            return errorOf(f.store().block(f.id(u"X"_s), u"stuck"_s, f.xRun + 1000));
        });
        row("block: done task", E::Refused, u"done"_s, [](Fixture &f) {
            return errorOf(f.store().block(f.id(u"D"_s), u"stuck"_s));
        });
        row("block: blocked task", E::Refused, u"blocked"_s, [](Fixture &f) {
            return errorOf(f.store().block(f.id(u"B"_s), u"stuck again"_s));
        });
        row("block: archived task", E::Refused, u"archived"_s, [](Fixture &f) {
            return errorOf(f.store().block(f.id(u"A"_s), u"stuck"_s));
        });
        // the dispatcher's bookkeeping
        row("failed attempt: unknown outcome", E::Invalid, u"exploded"_s, [](Fixture &f) {
            return errorOf(f.store().recordFailedAttempt(f.id(u"X"_s), f.xRun,
                                                         FailedAttempt{.outcome = u"exploded"_s}));
        });
        row("failed attempt: completed is not a failure", E::Invalid, u"completed"_s,
            [](Fixture &f) {
                return errorOf(f.store().recordFailedAttempt(
                    f.id(u"X"_s), f.xRun, FailedAttempt{.outcome = u"completed"_s}));
            });
        row("failed attempt: not the current run", E::LostClaim, u"current run"_s, [](Fixture &f) {
            return errorOf(f.store().recordFailedAttempt(f.id(u"X"_s), f.dRun,
                                                         FailedAttempt{.outcome = u"crashed"_s}));
        });
        row("failed attempt: task not running", E::LostClaim, u"current run"_s, [](Fixture &f) {
            return errorOf(f.store().recordFailedAttempt(f.id(u"D"_s), f.dRun,
                                                         FailedAttempt{.outcome = u"crashed"_s}));
        });
        row("rate limited: not the current run", E::LostClaim, u"current run"_s, [](Fixture &f) {
            return errorOf(f.store().recordRateLimited(f.id(u"X"_s), f.dRun, 75, 300));
        });
        row("run process: unknown run", E::NotFound, u"no run"_s, [](Fixture &f) {
            return errorOf(f.store().setRunProcess(f.xRun + 1000, 4242, u"/tmp/log"_s));
        });
    }

    void shouldChangeNothingWhenRefused()
    {
        // GIVEN a board with a task in every state, and its every table noted
        QFETCH(Attempt, attempt);
        QFETCH(ErrorCode, code);
        QFETCH(QString, messagePart);
        Fixture fixture;
        QVERIFY(!QTest::currentTestFailed());
        fixture.board.advance(3600); // any write would now leave a different timestamp
        const QString before = fixture.board.dump();

        // WHEN the operation is attempted
        const std::optional<Error> error = attempt(fixture);

        // THEN it is refused with the right code and a message saying why
        QVERIFY2(error, "the operation was not refused");
        QCOMPARE(error->code, code);
        QVERIFY2(error->message.contains(messagePart, Qt::CaseInsensitive),
                 qPrintable(error->message));

        // AND nothing at all changed
        QCOMPARE(fixture.board.dump(), before);
    }

    void shouldAppendOneEventPerChange_data()
    {
        QTest::addColumn<Change>("change");
        QTest::addColumn<QString>("kinds");
        auto row = [](const char *name, const QString &kinds, Change change) {
            QTest::newRow(name) << change << kinds;
        };
        row("create", u"created"_s, [](Fixture &f) {
            return f.board.add(u"N"_s);
        });
        row("edit", u"edited"_s, [](Fixture &f) {
            must(f.store().edit(f.id(u"R"_s), TaskEdit{.title = u"R2"_s}));
            return f.id(u"R"_s);
        });
        row("move", u"moved"_s, [](Fixture &f) {
            must(f.store().move(f.id(u"R"_s), TaskStatus::Todo));
            return f.id(u"R"_s);
        });
        row("place", u"reordered"_s, [](Fixture &f) {
            must(f.store().placeBefore(f.id(u"R"_s), f.id(u"P"_s)));
            return f.id(u"R"_s);
        });
        row("assign", u"assigned"_s, [](Fixture &f) {
            must(f.store().assign(f.id(u"R"_s), u"reviewer"_s));
            return f.id(u"R"_s);
        });
        row("link", u"linked"_s, [](Fixture &f) {
            must(f.store().link(f.id(u"P"_s), f.id(u"R"_s)));
            return f.id(u"R"_s);
        });
        row("unlink", u"unlinked"_s, [](Fixture &f) {
            must(f.store().unlink(f.id(u"P"_s), f.id(u"C"_s)));
            return f.id(u"C"_s);
        });
        row("unblock", u"unblocked"_s, [](Fixture &f) {
            must(f.store().unblock(f.id(u"B"_s)));
            return f.id(u"B"_s);
        });
        row("archive", u"archived"_s, [](Fixture &f) {
            must(f.store().archive(f.id(u"R"_s)));
            return f.id(u"R"_s);
        });
        row("unarchive", u"unarchived"_s, [](Fixture &f) {
            must(f.store().unarchive(f.id(u"A"_s)));
            return f.id(u"A"_s);
        });
        row("comment", u"commented"_s, [](Fixture &f) {
            must(f.store().comment(f.id(u"R"_s), u"op"_s, u"again"_s));
            return f.id(u"R"_s);
        });
        row("claim", u"claimed"_s, [](Fixture &f) {
            must(f.store().claim(f.id(u"R"_s), u"w2"_s));
            return f.id(u"R"_s);
        });
        row("heartbeat", u"heartbeat"_s, [](Fixture &f) {
            must(f.store().heartbeat(f.id(u"X"_s), u"w1"_s));
            return f.id(u"X"_s);
        });
        row("complete", u"completed"_s, [](Fixture &f) {
            must(f.store().complete(f.id(u"X"_s), Completion{u"r"_s, u"s"_s, {}, f.xRun}));
            return f.id(u"X"_s);
        });
        row("block", u"blocked"_s, [](Fixture &f) {
            must(f.store().block(f.id(u"X"_s), u"stuck"_s, f.xRun));
            return f.id(u"X"_s);
        });
        row("release an expired claim", u"reclaimed"_s, [](Fixture &f) {
            f.board.advance(901);
            must(f.store().releaseExpiredClaims());
            return f.id(u"X"_s);
        });
        row("failed attempt", u"crashed"_s, [](Fixture &f) {
            must(f.store().recordFailedAttempt(f.id(u"X"_s), f.xRun,
                                               FailedAttempt{.outcome = u"crashed"_s}));
            return f.id(u"X"_s);
        });
        row("failed attempt at the limit", u"crashed,gave_up"_s, [](Fixture &f) {
            must(f.store().recordFailedAttempt(
                f.id(u"X"_s), f.xRun,
                FailedAttempt{.outcome = u"crashed"_s, .configuredFailureLimit = 1}));
            return f.id(u"X"_s);
        });
        row("rate limited", u"rate_limited"_s, [](Fixture &f) {
            must(f.store().recordRateLimited(f.id(u"X"_s), f.xRun, 75, 60));
            return f.id(u"X"_s);
        });
        row("run process", u"spawned"_s, [](Fixture &f) {
            must(f.store().setRunProcess(f.xRun, 4242, u"/tmp/x.log"_s));
            return f.id(u"X"_s);
        });
    }

    void shouldAppendOneEventPerChange()
    {
        // GIVEN the fixture board
        QFETCH(Change, change);
        QFETCH(QString, kinds);
        Fixture fixture;
        QVERIFY(!QTest::currentTestFailed());
        const qint64 lastBefore = must(fixture.board.queries().lastEventId());

        // WHEN one change is made
        const QString subject = change(fixture);
        QVERIFY(!QTest::currentTestFailed());

        // THEN exactly its event(s) were appended for the task it changed
        const QList<Event> appended = must(fixture.board.queries().eventsAfter(lastBefore));
        QStringList subjectKinds;
        for (const Event &event : appended) {
            if (event.taskId == subject)
                subjectKinds << event.kind;
        }
        QCOMPARE(subjectKinds.join(u','), kinds);
    }

    void shouldKeepItsRulesThroughRandomCommands_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {1u, 2u, 3u, 5u, 8u, 13u})
            QTest::addRow("seed %u", seed) << seed;
    }

    void shouldKeepItsRulesThroughRandomCommands()
    {
        // GIVEN an empty board and a fixed sequence of random commands, many of them wrong
        QFETCH(quint32, seed);
        Board board;
        QRandomGenerator rng(seed);
        QStringList ids;
        int accepted = 0;

        for (int step = 0; step < 300; ++step) {
            // WHEN each command runs
            const QString before = board.dump();
            const qint64 lastEvent = must(board.queries().lastEventId());
            QHash<QString, TaskStatus> statusBefore;
            for (const Task &task :
                 must(board.queries().tasks(TaskFilter{.includeArchived = true})))
                statusBefore.insert(task.id, task.status);
            QString what;
            const std::optional<Error> error = randomCommand(board, rng, ids, &what);

            // THEN a refusal is a clean one and changed nothing at all
            if (error) {
                QVERIFY2(error->code != ErrorCode::Database && error->code != ErrorCode::Busy
                             && error->code != ErrorCode::Io,
                         qPrintable(u"step %1, %2: %3"_s.arg(step).arg(what, error->message)));
                QVERIFY2(
                    board.dump() == before,
                    qPrintable(u"step %1, %2: refused (%3) but changed the board"_s.arg(step).arg(
                        what, error->message)));
            } else {
                ++accepted;
                // AND a change appended at least one event
                if (board.dump() != before) {
                    QVERIFY2(must(board.queries().lastEventId()) > lastEvent,
                             qPrintable(
                                 u"step %1, %2: changed the board without an event"_s.arg(step).arg(
                                     what)));
                }
            }
            // AND blocks are sticky: only a command aimed at the task itself unblocks it
            for (const Task &task :
                 must(board.queries().tasks(TaskFilter{.includeArchived = true}))) {
                if (statusBefore.value(task.id) != TaskStatus::Blocked
                    || task.status == TaskStatus::Blocked)
                    continue;
                const bool byHand = what == u"unblock "_s + task.id
                    || what == u"complete "_s + task.id
                    || what.startsWith(u"move %1 "_s.arg(task.id));
                QVERIFY2(byHand,
                         qPrintable(u"step %1, %2: unblocked %3"_s.arg(step).arg(what, task.id)));
            }
            // AND the board's rules hold after every command
            const QStringList broken = brokenInvariants(board);
            QVERIFY2(broken.isEmpty(),
                     qPrintable(u"step %1, %2:\n%3"_s.arg(step).arg(what, broken.join(u'\n'))));
        }
        QVERIFY2(accepted > 75, "too few commands were accepted for the run to mean much");
    }

    // ------------------------------------------------------------ create

    void shouldCreateInTheRightColumn_data()
    {
        QTest::addColumn<QStringList>("parents");
        QTest::addColumn<bool>("triage");
        QTest::addColumn<TaskStatus>("expected");
        // Open (ready) and Done (done) and Gone (archived, not done) exist on the board.
        QTest::newRow("no parents") << QStringList{} << false << TaskStatus::Ready;
        QTest::newRow("an open parent") << QStringList{u"Open"_s} << false << TaskStatus::Todo;
        QTest::newRow("a done parent") << QStringList{u"Done"_s} << false << TaskStatus::Ready;
        QTest::newRow("done and open parents")
            << QStringList{u"Done"_s, u"Open"_s} << false << TaskStatus::Todo;
        QTest::newRow("an archived parent") << QStringList{u"Gone"_s} << false << TaskStatus::Ready;
        QTest::newRow("triage") << QStringList{} << true << TaskStatus::Triage;
        QTest::newRow("triage with an open parent")
            << QStringList{u"Open"_s} << true << TaskStatus::Triage;
    }

    void shouldCreateInTheRightColumn()
    {
        // GIVEN parents in several states
        QFETCH(QStringList, parents);
        QFETCH(bool, triage);
        QFETCH(TaskStatus, expected);
        Board board;
        board.add(u"Open"_s);
        board.add(u"Done"_s);
        board.complete(u"Done"_s);
        board.add(u"Gone"_s);
        QVERIFY_OK(board.store().archive(board.id(u"Gone"_s)));

        // WHEN a task is created with some of them as parents
        const QString id = board.add(u"New"_s, NewTask{.triage = triage, .parents = parents});

        // THEN it lands in the expected column, linked to all of them
        const Task task = board.task(u"New"_s);
        QCOMPARE(task.status, expected);
        QStringList parentIds;
        for (const QString &parent : std::as_const(parents))
            parentIds << board.id(parent);
        parentIds.sort();
        QCOMPARE(task.parents, parentIds);
        const Event created = board.lastEvent(u"New"_s);
        QCOMPARE(created.kind, u"created"_s);
        QCOMPARE(created.payload.value(u"status"_s).toString(), TaskStatuses::toString(expected));
        QCOMPARE(created.payload.value(u"parents"_s).toArray().size(), parents.size());
        QVERIFY(!id.isEmpty());
    }

    void shouldStoreWhatItIsCreatedWith()
    {
        // GIVEN a board at a known time
        Board board;

        // WHEN a task is created with every field set
        const Task created = must(board.store().create(NewTask{
            .title = u"  Write the parser  "_s,
            .body = u"Use a state machine.\n"_s,
            .assignee = u"coder"_s,
            .tenant = u"acme"_s,
            .priority = 7,
            .workspaceKind = u"dir"_s,
            .workspacePath = u"/srv/work/parser"_s,
            .skills = {u" rust "_s, u"parsing"_s, u"rust"_s, u""_s},
            .maxRetries = 5,
            .maxRuntime = 600,
        }));

        // THEN all of it is stored and read back
        const Task task = must(board.queries().task(created.id));
        QVERIFY(task.id.startsWith(u"t_"_s));
        QCOMPARE(task.title, u"Write the parser"_s);
        QCOMPARE(task.body, u"Use a state machine.\n"_s);
        QCOMPARE(task.assignee, u"coder"_s);
        QCOMPARE(task.tenant, u"acme"_s);
        QCOMPARE(task.priority, 7);
        QCOMPARE(task.workspaceKind, u"dir"_s);
        QCOMPARE(task.workspacePath, u"/srv/work/parser"_s);
        QCOMPARE(task.skills, (QStringList{u"rust"_s, u"parsing"_s}));
        QCOMPARE(task.maxRetries, std::optional<int>(5));
        QCOMPARE(task.maxRuntime, std::optional<int>(600));
        QCOMPARE(task.createdAt, board.now());
        QCOMPARE(task.consecutiveFailures, 0);
        QVERIFY(!task.archived);
        QCOMPARE(task.claimLock, QString());
        QVERIFY(!task.currentRunId);
        QCOMPARE(created.id, task.id);
        QCOMPARE(created.rank, task.rank);
    }

    void shouldNumberNewTaskIdsAfterTheBoardsPrefix()
    {
        // GIVEN a board and its recorded id prefix
        Board board;
        QSqlQuery query(board.temp().database().connection());
        QVERIFY(query.exec(u"SELECT value FROM qanban_meta WHERE key = 'task_id_prefix'"_s));
        QVERIFY(query.next());
        const QString prefix = u"t_"_s + query.value(0).toString();
        query.finish();
        QVERIFY2(QRegularExpression(u"^t_[0-9a-f]{4}$"_s).match(prefix).hasMatch(),
                 qPrintable(prefix));

        // WHEN three tasks are created
        const QStringList ids = {board.add(u"A"_s), board.add(u"B"_s), board.add(u"C"_s)};

        // THEN each id is the prefix and its created event's id in seven hex digits,
        // so ids grow with the board
        for (const QString &id : ids) {
            QVERIFY(query.exec(u"SELECT id FROM events WHERE task_id = '%1' "
                               "AND kind = 'created'"_s.arg(id)));
            QVERIFY(query.next());
            const qint64 eventId = query.value(0).toLongLong();
            QCOMPARE(id, prefix + u"%1"_s.arg(eventId, 7, 16, QLatin1Char('0')));
            query.finish();
        }
        QVERIFY(ids[0] < ids[1] && ids[1] < ids[2]);

        // WHEN the event log reaches eight hex digits
        QVERIFY(query.exec(u"INSERT INTO events (id, task_id, kind, created_at) "
                           "VALUES (%1, '%2', 'commented', 1)"_s.arg(0xffffffe).arg(ids[0])));
        const QString sevenDigits = board.add(u"D"_s);
        const QString nineDigits = board.add(u"E"_s);

        // THEN the number takes nine: a new id is never twelve hex digits long, like the
        // random ids of older boards, so it can never meet one of them
        QCOMPARE(sevenDigits, prefix + u"fffffff"_s);
        QCOMPARE(nineDigits, prefix + u"010000000"_s);
        QCOMPARE(board.task(u"E"_s).title, u"E"_s);
    }

    void shouldKeepALongBodyOutOfTheTaskRow()
    {
        // GIVEN a board and a body longer than the row keeps, with characters of several
        // UTF-8 bytes
        Board board;
        const QString longBody = u"## Plan\n"_s + QString(300, u'é') + u"\n- done ✓"_s;
        QVERIFY(longBody.toUtf8().size() > TaskStore::bodyInRowLimit);
        const auto rowBody = [&board](const QString &id) {
            QSqlQuery query(board.temp().database().connection());
            query.exec(u"SELECT body_apart, body, (SELECT COUNT(*) FROM task_bodies "
                       "WHERE task_id = tasks.id) FROM tasks WHERE id = '%1'"_s.arg(id));
            query.next();
            return u"%1 [%2] %3"_s.arg(query.value(0).toString(), query.value(1).toString(),
                                       query.value(2).toString());
        };

        // WHEN a task is created with it, and claimed and completed
        const QString id = board.add(u"Long"_s, NewTask{.body = longBody});
        QCOMPARE(rowBody(id), u"1 [] 1"_s);
        const Task claimed = must(board.store().claim(id, u"w1"_s));
        QVERIFY_OK(board.store().complete(id, Completion{.runId = claimed.currentRunId}));

        // THEN it reads back whole, alone and in the listing
        QCOMPARE(board.task(u"Long"_s).body, longBody);
        const QList<Task> listed = must(board.queries().tasks());
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.constFirst().body, longBody);

        // WHEN it is edited short, and long again
        QVERIFY_OK(board.store().edit(id, TaskEdit{.body = u"short now"_s}));

        // THEN a short body is back in the row and nowhere else
        QCOMPARE(rowBody(id), u"0 [short now] 0"_s);
        QCOMPARE(board.task(u"Long"_s).body, u"short now"_s);
        QVERIFY_OK(board.store().edit(id, TaskEdit{.body = longBody + u"!"_s}));
        QCOMPARE(rowBody(id), u"1 [] 1"_s);
        QCOMPARE(board.task(u"Long"_s).body, longBody + u"!"_s);
    }

    void shouldAcceptTheWorkspaceKinds_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("path");
        QTest::newRow("default") << QString() << QString();
        QTest::newRow("scratch") << u"scratch"_s << QString();
        QTest::newRow("dir") << u"dir"_s << u"/srv/projects/site"_s;
        QTest::newRow("worktree") << u"worktree"_s << u"/srv/repos/app"_s;
    }

    void shouldAcceptTheWorkspaceKinds()
    {
        // GIVEN a workspace kind with the path it needs
        QFETCH(QString, kind);
        QFETCH(QString, path);
        Board board;
        NewTask spec{.workspacePath = path};
        if (!kind.isNull())
            spec.workspaceKind = kind;

        // WHEN a task is created with it
        board.add(u"W"_s, spec);

        // THEN the kind (scratch by default) and the path are stored
        const Task task = board.task(u"W"_s);
        QCOMPARE(task.workspaceKind, kind.isNull() ? u"scratch"_s : kind);
        QCOMPARE(task.workspacePath, path);
    }

    void shouldPutTheTenantInTheCreatedEvent()
    {
        // GIVEN a board WHEN tasks are created with and without a tenant
        Board board;
        board.add(u"Mine"_s, NewTask{.tenant = u"acme"_s});
        board.add(u"Nobody's"_s);

        // THEN the created event carries it, or null
        QCOMPARE(board.lastEvent(u"Mine"_s).payload.value(u"tenant"_s).toString(), u"acme"_s);
        QVERIFY(board.lastEvent(u"Nobody's"_s).payload.value(u"tenant"_s).isNull());
    }

    void shouldReturnTheFirstTaskForARepeatedIdempotencyKey()
    {
        // GIVEN a task created with an idempotency key
        Board board;
        const Task first = must(board.store().create(
            NewTask{.title = u"nightly build"_s, .idempotencyKey = u"build-2024-05-01"_s}));
        const QString before = board.dump();

        // WHEN a second create brings the same key, even with other fields
        board.advance(10);
        const Task second =
            must(board.store().create(NewTask{.title = u"nightly build (retry)"_s,
                                              .priority = 3,
                                              .idempotencyKey = u"build-2024-05-01"_s}));

        // THEN it gets the first task back and the board did not change
        QCOMPARE(second.id, first.id);
        QCOMPARE(second.title, u"nightly build"_s);
        QCOMPARE(second.idempotencyKey, u"build-2024-05-01"_s);
        QCOMPARE(board.dump(), before);

        // AND another key makes another task
        const Task third = must(board.store().create(
            NewTask{.title = u"nightly build"_s, .idempotencyKey = u"build-2024-05-02"_s}));
        QVERIFY(third.id != first.id);
        QCOMPARE(board.count(u"SELECT COUNT(*) FROM tasks"_s), 2);
    }

    void shouldRankNewTasksAtTheBottom()
    {
        // GIVEN a board WHEN three tasks are created
        Board board;
        board.add(u"A"_s);
        board.add(u"B"_s);
        board.add(u"C"_s);

        // THEN their ranks grow in creation order and the column lists them so
        QVERIFY(board.task(u"A"_s).rank < board.task(u"B"_s).rank);
        QVERIFY(board.task(u"B"_s).rank < board.task(u"C"_s).rank);
        QCOMPARE(board.column(TaskStatus::Ready), u"A,B,C"_s);
    }

    // ------------------------------------------------------------ edit

    void shouldEditOnlyWhatChanged()
    {
        // GIVEN a task
        Board board;
        board.add(u"E"_s, NewTask{.priority = 1});
        const qint64 eventsBefore = board.events(u"E"_s).size();

        // WHEN some fields are edited
        const Task edited = must(board.store().edit(board.id(u"E"_s),
                                                    TaskEdit{.body = u"more detail"_s,
                                                             .priority = 1,
                                                             .skills = QStringList{u"sql"_s},
                                                             .maxRetries = std::optional<int>(3)}));

        // THEN they are stored, and the event names only the fields that changed
        QCOMPARE(edited.body, u"more detail"_s);
        const Task task = board.task(u"E"_s);
        QCOMPARE(task.body, u"more detail"_s);
        QCOMPARE(task.skills, QStringList{u"sql"_s});
        QCOMPARE(task.maxRetries, std::optional<int>(3));
        QCOMPARE(task.priority, 1);
        const Event event = board.lastEvent(u"E"_s);
        QCOMPARE(event.kind, u"edited"_s);
        QCOMPARE(event.payload.value(u"fields"_s).toArray(),
                 (QJsonArray{u"body"_s, u"skills"_s, u"max_retries"_s}));

        // AND clearing a limit works, while an edit that changes nothing adds no event
        QCOMPARE(
            must(board.store().edit(board.id(u"E"_s), TaskEdit{.maxRetries = std::optional<int>()}))
                .maxRetries,
            std::nullopt);
        const QString before = board.dump();
        must(board.store().edit(board.id(u"E"_s), TaskEdit{.body = u"more detail"_s}));
        QCOMPARE(board.dump(), before);
        QCOMPARE(board.events(u"E"_s).size(), eventsBefore + 2);
    }

    // ------------------------------------------------------------ rank

    void shouldPlaceBefore_data()
    {
        QTest::addColumn<QString>("moved");
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("column");
        QTest::newRow("last to the top") << u"C"_s << u"A"_s << u"C,A,B"_s;
        QTest::newRow("first to the middle") << u"A"_s << u"C"_s << u"B,A,C"_s;
        QTest::newRow("first to the bottom") << u"A"_s << QString() << u"B,C,A"_s;
        QTest::newRow("middle to the top") << u"B"_s << u"A"_s << u"B,A,C"_s;
        QTest::newRow("already there") << u"A"_s << u"B"_s << u"A,B,C"_s;
    }

    void shouldPlaceBefore()
    {
        // GIVEN a ready column A,B,C
        QFETCH(QString, moved);
        QFETCH(QString, before);
        QFETCH(QString, column);
        Board board;
        for (const QString &name : {u"A"_s, u"B"_s, u"C"_s})
            board.add(name);
        board.add(u"Other"_s, NewTask{.triage = true});

        // WHEN one is placed before another (or at the bottom)
        QVERIFY_OK(board.store().placeBefore(board.id(moved),
                                             before.isEmpty() ? QString() : board.id(before)));

        // THEN the column reads in the new order, and the other column is untouched
        QCOMPARE(board.column(TaskStatus::Ready), column);
        QCOMPARE(board.column(TaskStatus::Triage), u"Other"_s);
        QCOMPARE(board.lastEvent(moved).kind, u"reordered"_s);
    }

    void shouldRenumberAColumnWhenNoRoomIsLeft()
    {
        // GIVEN a column A,B
        Board board;
        board.add(u"A"_s);
        board.add(u"B"_s);
        QStringList expected{u"A"_s};

        // WHEN new tasks are placed just above B again and again, halving the gap each time
        for (int i = 0; i < 40; ++i) {
            const QString name = u"N%1"_s.arg(i);
            board.add(name);
            QVERIFY_OK(board.store().placeBefore(board.id(name), board.id(u"B"_s)));
            expected << name;
        }
        expected << u"B"_s;

        // THEN the order stays exact and no two ranks collide
        QCOMPARE(board.column(TaskStatus::Ready), expected.join(u','));
        QCOMPARE(board.count(u"SELECT COUNT(DISTINCT sort_rank) FROM tasks"_s), 42);
    }

    void shouldPlaceBeforeTheSecondOfTwoEqualRanks()
    {
        // GIVEN a ready column that was renumbered (its ranks restart at the bottom of the
        // range), and a task from another column that comes back into it with a rank
        // equal to one of its tasks: two cards share a rank, ordered by id
        Board board;
        board.add(u"Parked"_s);
        QVERIFY_OK(board.store().move(board.id(u"Parked"_s), TaskStatus::Todo));
        board.add(u"A"_s);
        board.add(u"B"_s);
        for (int i = 0; i < 30; ++i) {
            const QString name = u"N%1"_s.arg(i);
            board.add(name);
            QVERIFY_OK(board.store().placeBefore(board.id(name), board.id(u"B"_s)));
        }
        QVERIFY_OK(board.store().move(board.id(u"Parked"_s), TaskStatus::Ready));
        QVERIFY2(board.task(u"A"_s).rank == board.task(u"Parked"_s).rank,
                 "precondition: the renumbered column should tie A with Parked");
        const QStringList column = board.column(TaskStatus::Ready).split(u',');
        const QString first = column.at(0);
        const QString second = column.at(1);
        QCOMPARE(QSet<QString>({first, second}), QSet<QString>({u"A"_s, u"Parked"_s}));

        // WHEN a card is placed before the second of the two
        board.add(u"Z"_s);
        QVERIFY_OK(board.store().placeBefore(board.id(u"Z"_s), board.id(second)));

        // THEN it sits between them, not above both
        const QStringList after = board.column(TaskStatus::Ready).split(u',');
        QCOMPARE(after.mid(0, 3), (QStringList{first, u"Z"_s, second}));
    }

    // ------------------------------------------------------------ links

    void shouldLinkAndDemoteOnlyForAnOpenParent_data()
    {
        QTest::addColumn<QString>("parent");
        QTest::addColumn<QString>("child");
        QTest::addColumn<QString>("childAfter");
        QTest::newRow("ready child, open parent") << u"Open"_s << u"Kid"_s << u"todo"_s;
        QTest::newRow("ready child, done parent") << u"Done"_s << u"Kid"_s << u"ready"_s;
        QTest::newRow("ready child, archived parent") << u"Gone"_s << u"Kid"_s << u"ready"_s;
        QTest::newRow("triage child, open parent") << u"Open"_s << u"Idea"_s << u"triage"_s;
        QTest::newRow("running child, open parent") << u"Open"_s << u"Busy"_s << u"running"_s;
    }

    void shouldLinkAndDemoteOnlyForAnOpenParent()
    {
        // GIVEN parents and children in several states
        QFETCH(QString, parent);
        QFETCH(QString, child);
        QFETCH(QString, childAfter);
        Board board;
        board.add(u"Open"_s);
        board.add(u"Done"_s);
        board.complete(u"Done"_s);
        board.add(u"Gone"_s);
        must(board.store().archive(board.id(u"Gone"_s)));
        board.add(u"Kid"_s);
        board.add(u"Idea"_s, NewTask{.triage = true});
        board.add(u"Busy"_s);
        board.claim(u"Busy"_s);

        // WHEN they are linked
        const Task linked = must(board.store().link(board.id(parent), board.id(child)));

        // THEN the child is demoted only when it was ready and the parent is open
        QCOMPARE(TaskStatuses::toString(linked.status), childAfter);
        QCOMPARE(board.status(child), childAfter);
        QCOMPARE(board.task(child).parents, QStringList{board.id(parent)});
        QCOMPARE(board.task(parent).children, QStringList{board.id(child)});
        const Event event = board.lastEvent(child);
        QCOMPARE(event.kind, u"linked"_s);
        QCOMPARE(event.payload.value(u"parent"_s).toString(), board.id(parent));
    }

    void shouldLinkTwiceWithoutAnotherEvent()
    {
        // GIVEN a linked pair WHEN linked again THEN nothing changes
        Board board;
        board.add(u"P"_s);
        board.addChild(u"C"_s, {u"P"_s});
        const QString before = board.dump();
        QVERIFY_OK(board.store().link(board.id(u"P"_s), board.id(u"C"_s)));
        QCOMPARE(board.dump(), before);
    }

    void shouldAllowADiamondButNoCycle()
    {
        // GIVEN A -> B -> D and A -> C
        Board board;
        board.add(u"A"_s);
        board.addChild(u"B"_s, {u"A"_s});
        board.addChild(u"C"_s, {u"A"_s});
        board.addChild(u"D"_s, {u"B"_s});

        // WHEN C -> D closes a diamond THEN that is fine
        QVERIFY_OK(board.store().link(board.id(u"C"_s), board.id(u"D"_s)));

        // AND D -> A (three levels up) is a cycle
        Result<Task> cycle = board.store().link(board.id(u"D"_s), board.id(u"A"_s));
        QVERIFY(!cycle);
        QCOMPARE(cycle.error().code, ErrorCode::Cycle);
    }

    void shouldUnlink_data()
    {
        QTest::addColumn<QStringList>("parents");
        QTest::addColumn<QString>("removed");
        QTest::addColumn<QString>("childAfter");
        QTest::newRow("last open parent") << QStringList{u"Open"_s} << u"Open"_s << u"ready"_s;
        QTest::newRow("another open parent left")
            << QStringList{u"Open"_s, u"Open2"_s} << u"Open"_s << u"todo"_s;
        QTest::newRow("a done parent, an open one left")
            << QStringList{u"Done"_s, u"Open"_s} << u"Done"_s << u"todo"_s;
    }

    void shouldUnlink()
    {
        // GIVEN a child waiting on its parents
        QFETCH(QStringList, parents);
        QFETCH(QString, removed);
        QFETCH(QString, childAfter);
        Board board;
        board.add(u"Open"_s);
        board.add(u"Open2"_s);
        board.add(u"Done"_s);
        board.complete(u"Done"_s);
        board.addChild(u"Kid"_s, parents);
        QCOMPARE(board.status(u"Kid"_s), u"todo"_s);

        // WHEN one link is removed
        QVERIFY_OK(board.store().unlink(board.id(removed), board.id(u"Kid"_s)));

        // THEN the child is ready exactly when no open parent is left
        QCOMPARE(board.status(u"Kid"_s), childAfter);
        QVERIFY(!board.task(u"Kid"_s).parents.contains(board.id(removed)));
        QCOMPARE(board.lastEvent(u"Kid"_s).kind, u"unlinked"_s);
    }

    void shouldPromoteAlongAChain()
    {
        // GIVEN A -> B -> C
        Board board;
        board.add(u"A"_s);
        board.addChild(u"B"_s, {u"A"_s});
        board.addChild(u"C"_s, {u"B"_s});
        const QStringList all{u"A"_s, u"B"_s, u"C"_s};
        QCOMPARE(board.statuses(all), u"A=ready B=todo C=todo"_s);

        // WHEN A completes THEN only B is promoted
        board.complete(u"A"_s);
        QCOMPARE(board.statuses(all), u"A=done B=ready C=todo"_s);
        QCOMPARE(board.lastEvent(u"B"_s).kind, u"promoted"_s);

        // WHEN B completes THEN C is promoted
        board.claim(u"B"_s);
        board.complete(u"B"_s);
        QCOMPARE(board.statuses(all), u"A=done B=done C=ready"_s);
    }

    void shouldCascadeThroughADoneChild()
    {
        // GIVEN A -> B -> C where B was finished by hand and C was parked in todo
        Board board;
        board.add(u"A"_s);
        board.addChild(u"B"_s, {u"A"_s});
        board.addChild(u"C"_s, {u"B"_s});
        QVERIFY_OK(board.store().move(board.id(u"B"_s), TaskStatus::Done, u"did it myself"_s));
        QCOMPARE(board.status(u"C"_s), u"ready"_s);
        QVERIFY_OK(board.store().move(board.id(u"C"_s), TaskStatus::Todo));

        // WHEN A completes
        board.complete(u"A"_s);

        // THEN the promotion passes through the done B down to C
        QCOMPARE(board.statuses({u"A"_s, u"B"_s, u"C"_s}), u"A=done B=done C=ready"_s);
    }

    void shouldWaitForEveryParentOfAFanIn()
    {
        // GIVEN C waiting on P1, P2 and P3
        Board board;
        board.add(u"P1"_s);
        board.add(u"P2"_s);
        board.add(u"P3"_s);
        board.addChild(u"C"_s, {u"P1"_s, u"P2"_s, u"P3"_s});

        // WHEN the parents complete one by one
        board.complete(u"P1"_s);
        QCOMPARE(board.status(u"C"_s), u"todo"_s);
        board.claim(u"P2"_s);
        board.complete(u"P2"_s);
        QCOMPARE(board.status(u"C"_s), u"todo"_s);
        board.complete(u"P3"_s);

        // THEN C is ready only after the last one, promoted once
        QCOMPARE(board.status(u"C"_s), u"ready"_s);
        QCOMPARE(board.kinds(u"C"_s), u"created,promoted"_s);
    }

    void shouldReleaseChildrenOfAnArchivedParent()
    {
        // GIVEN a child waiting on a parent that is dropped
        Board board;
        board.add(u"P"_s);
        board.addChild(u"C"_s, {u"P"_s});

        // WHEN the parent is archived THEN the child is ready
        QVERIFY_OK(board.store().archive(board.id(u"P"_s)));
        QCOMPARE(board.status(u"C"_s), u"ready"_s);

        // WHEN it comes back unfinished THEN the child waits again
        QVERIFY_OK(board.store().unarchive(board.id(u"P"_s)));
        QCOMPARE(board.status(u"C"_s), u"todo"_s);
    }

    void shouldBringBackAnArchivedChildWaitingForItsOpenParent_data()
    {
        QTest::addColumn<QString>("reopenParentBy");
        QTest::newRow("parent reopened") << u"reopen"_s;
        QTest::newRow("parent unarchived") << u"unarchive"_s;
        QTest::newRow("new open parent linked") << u"link"_s;
    }

    void shouldBringBackAnArchivedChildWaitingForItsOpenParent()
    {
        // GIVEN a ready child that was archived, and then its parent became open again
        // while the child was away
        QFETCH(QString, reopenParentBy);
        Board board;
        board.add(u"P"_s);
        board.addChild(u"C"_s, {u"P"_s});
        if (reopenParentBy == "unarchive"_L1)
            QVERIFY_OK(board.store().archive(board.id(u"P"_s)));
        else
            board.complete(u"P"_s);
        QCOMPARE(board.status(u"C"_s), u"ready"_s);
        QVERIFY_OK(board.store().archive(board.id(u"C"_s)));
        if (reopenParentBy == "reopen"_L1) {
            QVERIFY_OK(board.store().move(board.id(u"P"_s), TaskStatus::Ready));
        } else if (reopenParentBy == "unarchive"_L1) {
            QVERIFY_OK(board.store().unarchive(board.id(u"P"_s)));
        } else {
            board.add(u"Q"_s);
            QVERIFY_OK(board.store().link(board.id(u"Q"_s), board.id(u"C"_s)));
        }

        // WHEN the child is brought back
        const Task back = must(board.store().unarchive(board.id(u"C"_s)));

        // THEN it waits in todo: a ready card with an open parent could never be claimed
        QCOMPARE(back.status, TaskStatus::Todo);
        QCOMPARE(board.status(u"C"_s), u"todo"_s);
        QVERIFY(!board.store().claim(board.id(u"C"_s), u"w1"_s));
    }

    // ------------------------------------------------------------ claims

    void shouldClaimAReadyTask()
    {
        // GIVEN a ready task assigned to a profile
        Board board;
        board.add(u"R"_s, NewTask{.assignee = u"coder"_s});

        // WHEN a worker claims it
        const Task claimed = must(board.store().claim(board.id(u"R"_s), u"host:42"_s, 300));

        // THEN it runs under that claim, with a new open run and a claimed event
        const Task task = board.task(u"R"_s);
        QCOMPARE(task.status, TaskStatus::Running);
        QCOMPARE(task.claimLock, u"host:42"_s);
        QCOMPARE(task.claimExpires, std::optional<qint64>(board.now() + 300));
        QVERIFY(task.currentRunId);
        QCOMPARE(task.currentRunId, claimed.currentRunId);
        QCOMPARE(task.startedAt, std::optional<qint64>(board.now()));
        const Run run = must(board.queries().run(*task.currentRunId));
        QVERIFY(run.isOpen());
        QCOMPARE(run.taskId, task.id);
        QCOMPARE(run.claimer, u"host:42"_s);
        QCOMPARE(run.profile, u"coder"_s);
        QCOMPARE(run.startedAt, board.now());
        const Event event = board.lastEvent(u"R"_s);
        QCOMPARE(event.kind, u"claimed"_s);
        QCOMPARE(event.payload.value(u"run"_s).toString(), QString::number(*task.currentRunId));
        QCOMPARE(event.payload.value(u"claimer"_s).toString(), u"host:42"_s);
    }

    void shouldWorkATaskThroughIndexesOnly()
    {
        // GIVEN a board with a done task, a blocked one and a parent of a waiting child
        Board board;
        board.add(u"D"_s);
        must(board.store().complete(board.id(u"D"_s), Completion{u"ok"_s, {}, {}, {}}));
        board.add(u"B"_s);
        must(board.store().block(board.id(u"B"_s), u"needs a key"_s));
        board.add(u"P"_s);
        board.addChild(u"C"_s, {u"P"_s});
        Database &database = board.temp().database();
        database.takeFullScanSteps();

        // WHEN a task is created, claimed, heartbeaten and completed, and its child too
        board.add(u"N"_s, NewTask{.assignee = u"coder"_s});
        const Task claimed = must(board.store().claim(board.id(u"N"_s), u"w1"_s, 300));
        must(board.store().heartbeat(board.id(u"N"_s), u"w1"_s, 300));
        must(board.store().complete(board.id(u"N"_s),
                                    Completion{u"ok"_s, {}, {}, claimed.currentRunId}));
        const Task parent = must(board.store().claim(board.id(u"P"_s), u"w1"_s, 300));
        must(board.store().complete(board.id(u"P"_s),
                                    Completion{u"ok"_s, {}, {}, parent.currentRunId}));

        // THEN no statement read a table through: done tasks, which no index holds
        // (schema version 5), are never looked for by status on this path
        QCOMPARE(database.takeFullScanSteps(), 0);
        QCOMPARE(board.task(u"C"_s).status, TaskStatus::Ready);
    }

    void shouldClaimOnlyOnce()
    {
        // GIVEN a task claimed by w1
        Board board;
        board.add(u"R"_s);
        board.claim(u"R"_s, u"w1"_s);
        const QString before = board.dump();

        // WHEN w2 tries to claim it too
        Result<Task> second = board.store().claim(board.id(u"R"_s), u"w2"_s);

        // THEN w2 is refused and w1 keeps it
        QVERIFY(!second);
        QCOMPARE(board.dump(), before);
        QCOMPARE(board.task(u"R"_s).claimLock, u"w1"_s);
    }

    void shouldMakeTheScratchWorkspaceOnClaim()
    {
        // GIVEN a scratch task and a workspaces root
        Board board;
        board.add(u"S"_s);
        const QString root = board.temp().home() + u"/workspaces"_s;

        // WHEN it is claimed with that root
        const Task claimed = must(board.store().claim(board.id(u"S"_s), u"w1"_s, 900, root));

        // THEN its folder exists under the root and is recorded
        QCOMPARE(claimed.workspacePath, root + u'/' + board.id(u"S"_s));
        QVERIFY(QFileInfo(claimed.workspacePath).isDir());
        QCOMPARE(board.task(u"S"_s).workspacePath, claimed.workspacePath);
    }

    void shouldResolveTheWorkspace_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("recorded"); // the board learns a path it did not know
        QTest::newRow("scratch, claimed without a root") << u"scratch"_s << true;
        QTest::newRow("dir") << u"dir"_s << false;
        QTest::newRow("worktree") << u"worktree"_s << false;
    }

    void shouldResolveTheWorkspace()
    {
        // GIVEN a claimed task of each workspace kind
        QFETCH(QString, kind);
        QFETCH(bool, recorded);
        Board board;
        const QString root = board.temp().home() + u"/workspaces"_s;
        const QString given =
            kind == "scratch"_L1 ? QString() : board.temp().home() + u"/w/"_s + kind;
        board.add(u"W"_s, NewTask{.workspaceKind = kind, .workspacePath = given});
        board.claim(u"W"_s);
        const QString before = board.dump();
        const qsizetype eventsBefore = board.events(u"W"_s).size();

        // WHEN the dispatcher resolves its workspace
        const Task resolved = must(board.store().resolveWorkspace(board.id(u"W"_s), root));

        // THEN scratch gets a folder under the root, dir gets its folder made, and a
        // worktree is left to its worker; a path the board learns is logged like any change
        const QString expected = kind == "scratch"_L1 ? root + u'/' + board.id(u"W"_s) : given;
        QCOMPARE(resolved.workspacePath, expected);
        QCOMPARE(board.task(u"W"_s).workspacePath, expected);
        QCOMPARE(QFileInfo(expected).isDir(), kind != "worktree"_L1);
        if (recorded) {
            QCOMPARE(board.events(u"W"_s).size(), eventsBefore + 1);
            QCOMPARE(board.lastEvent(u"W"_s).kind, u"edited"_s);
            QCOMPARE(board.lastEvent(u"W"_s).payload.value(u"fields"_s).toArray(),
                     QJsonArray{u"workspace_path"_s});
        } else {
            QCOMPARE(board.dump(), before);
        }
    }

    void shouldRefuseAWorkspaceThatCannotBeMade()
    {
        // GIVEN a claimed scratch task and a workspaces root that is a file
        Board board;
        board.add(u"W"_s);
        board.claim(u"W"_s);
        const QString root = board.temp().home() + u"/not-a-folder"_s;
        {
            QFile file(root);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        const QString before = board.dump();

        // WHEN the workspace is resolved THEN it fails as Io and the board is unchanged
        Result<Task> resolved = board.store().resolveWorkspace(board.id(u"W"_s), root);
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().code, ErrorCode::Io);
        QCOMPARE(board.dump(), before);
    }

    void shouldExtendTheClaimOnTheHoldersHeartbeat()
    {
        // GIVEN a task claimed for 300 s
        Board board;
        board.add(u"R"_s);
        const qint64 run = board.claim(u"R"_s, u"w1"_s, 300);

        // WHEN the holder beats 200 s later
        board.advance(200);
        const Task beaten = must(board.store().heartbeat(board.id(u"R"_s), u"w1"_s, 300));

        // THEN the claim runs 300 s from now and the run records the beat
        QCOMPARE(beaten.claimExpires, std::optional<qint64>(board.now() + 300));
        QCOMPARE(board.task(u"R"_s).claimExpires, std::optional<qint64>(board.now() + 300));
        QCOMPARE(must(board.queries().run(run)).heartbeatAt, std::optional<qint64>(board.now()));

        // AND 200 s later again it has not expired
        board.advance(200);
        QCOMPARE(must(board.store().releaseExpiredClaims()), QStringList());
        QCOMPARE(board.status(u"R"_s), u"running"_s);
    }

    void shouldReleaseExpiredClaims_data()
    {
        QTest::addColumn<qint64>("elapsed");
        QTest::addColumn<bool>("released");
        QTest::newRow("before the expiry") << qint64(299) << false;
        QTest::newRow("at the expiry") << qint64(300) << false;
        QTest::newRow("after the expiry") << qint64(301) << true;
    }

    void shouldReleaseExpiredClaims()
    {
        // GIVEN a task claimed for 300 s and a waiting child
        QFETCH(qint64, elapsed);
        QFETCH(bool, released);
        Board board;
        board.add(u"R"_s);
        board.addChild(u"Kid"_s, {u"R"_s});
        const qint64 run = board.claim(u"R"_s, u"w1"_s, 300);

        // WHEN time passes and expired claims are released
        board.advance(elapsed);
        const QStringList ids = must(board.store().releaseExpiredClaims());

        // THEN only an expired claim goes back to ready, its run closed as reclaimed
        if (!released) {
            QCOMPARE(ids, QStringList());
            QCOMPARE(board.status(u"R"_s), u"running"_s);
            QCOMPARE(board.outcomes(u"R"_s), u"open"_s);
            return;
        }
        QCOMPARE(ids, QStringList{board.id(u"R"_s)});
        const Task task = board.task(u"R"_s);
        QCOMPARE(task.status, TaskStatus::Ready);
        QCOMPARE(task.claimLock, QString());
        QVERIFY(!task.claimExpires);
        QVERIFY(!task.currentRunId);
        QCOMPARE(task.consecutiveFailures, 0);
        const Run closed = must(board.queries().run(run));
        QCOMPARE(closed.outcome, u"reclaimed"_s);
        QCOMPARE(closed.endedAt, std::optional<qint64>(board.now()));
        QCOMPARE(board.lastEvent(u"R"_s).kind, u"reclaimed"_s);
        QCOMPARE(board.status(u"Kid"_s), u"todo"_s);

        // AND it can be claimed again, with a second run
        board.claim(u"R"_s, u"w2"_s);
        QCOMPARE(board.outcomes(u"R"_s), u"reclaimed,open"_s);
    }

    // ------------------------------------------------------------ complete and block

    void shouldComplete()
    {
        // GIVEN a running task that failed once before, with a waiting child
        Board board;
        board.add(u"R"_s);
        board.addChild(u"Kid"_s, {u"R"_s});
        const qint64 first = board.claim(u"R"_s);
        must(board.store().recordFailedAttempt(board.id(u"R"_s), first,
                                               FailedAttempt{.outcome = u"crashed"_s}));
        QCOMPARE(board.task(u"R"_s).consecutiveFailures, 1);
        const qint64 run = board.claim(u"R"_s);
        board.advance(42);

        // WHEN its worker completes it naming its run
        const Task done = must(board.store().complete(
            board.id(u"R"_s),
            Completion{u"42 files changed"_s, u"Refactored the parser\nDetails"_s,
                       u"{\"artifacts\": [\"a.txt\"]}"_s, run}));

        // THEN it is done with everything stored, its run closed and its claim gone
        const Task task = board.task(u"R"_s);
        QCOMPARE(done.status, TaskStatus::Done);
        QCOMPARE(task.status, TaskStatus::Done);
        QCOMPARE(task.result, u"42 files changed"_s);
        QCOMPARE(task.summary, u"Refactored the parser\nDetails"_s);
        QCOMPARE(QJsonDocument::fromJson(task.metadata.toUtf8())
                     .object()
                     .value(u"artifacts"_s)
                     .toArray(),
                 QJsonArray{u"a.txt"_s});
        QCOMPARE(task.completedAt, std::optional<qint64>(board.now()));
        QCOMPARE(task.claimLock, QString());
        QVERIFY(!task.claimExpires);
        QVERIFY(!task.currentRunId);
        QCOMPARE(task.consecutiveFailures, 0);
        QCOMPARE(board.outcomes(u"R"_s), u"crashed,completed"_s);
        QCOMPARE(must(board.queries().run(run)).endedAt, std::optional<qint64>(board.now()));
        const Event event = board.lastEvent(u"R"_s);
        QCOMPARE(event.kind, u"completed"_s);
        QCOMPARE(event.payload.value(u"run"_s).toString(), QString::number(run));
        QCOMPARE(event.payload.value(u"summary"_s).toString(), u"Refactored the parser"_s);
        QCOMPARE(board.status(u"Kid"_s), u"ready"_s);
    }

    void shouldCompleteWithoutAClaim()
    {
        // GIVEN a ready task nobody claimed WHEN it is completed THEN it is done, with no run
        Board board;
        board.add(u"R"_s);
        QVERIFY_OK(board.store().complete(board.id(u"R"_s), Completion{u"trivial"_s, {}, {}, {}}));
        QCOMPARE(board.status(u"R"_s), u"done"_s);
        QCOMPARE(board.outcomes(u"R"_s), QString());
    }

    void shouldBlockWithAReason()
    {
        // GIVEN a running task
        Board board;
        board.add(u"R"_s);
        const qint64 run = board.claim(u"R"_s);

        // WHEN its worker blocks it
        QVERIFY_OK(board.store().block(board.id(u"R"_s), u"  need the API key  "_s, run));

        // THEN it is blocked with the reason, its run closed as blocked
        const Task task = board.task(u"R"_s);
        QCOMPARE(task.status, TaskStatus::Blocked);
        QCOMPARE(task.blockReason, u"need the API key"_s);
        QCOMPARE(task.claimLock, QString());
        QVERIFY(!task.currentRunId);
        QCOMPARE(board.outcomes(u"R"_s), u"blocked"_s);
        const Event event = board.lastEvent(u"R"_s);
        QCOMPARE(event.kind, u"blocked"_s);
        QCOMPARE(event.payload.value(u"reason"_s).toString(), u"need the API key"_s);
    }

    void shouldKeepBlocksSticky()
    {
        // GIVEN a blocked task whose parent then completes, long after its claim expired
        Board board;
        board.add(u"P"_s);
        board.add(u"R"_s);
        must(board.store().link(board.id(u"P"_s), board.id(u"R"_s)));
        board.add(u"S"_s);
        const qint64 run = board.claim(u"S"_s, u"w1"_s, 60);
        QVERIFY_OK(board.store().block(board.id(u"S"_s), u"waiting for a human"_s, run));
        QVERIFY_OK(board.store().block(board.id(u"R"_s), u"unclear spec"_s));
        board.complete(u"P"_s);

        // WHEN everything automatic runs, much later
        board.advance(100000);
        QCOMPARE(must(board.store().promoteWaiting()), QStringList());
        QCOMPARE(must(board.store().releaseExpiredClaims()), QStringList());

        // THEN both stay blocked
        QCOMPARE(board.statuses({u"R"_s, u"S"_s}), u"R=blocked S=blocked"_s);
    }

    void shouldUnblock_data()
    {
        QTest::addColumn<bool>("openParent");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no open parent") << false << u"ready"_s;
        QTest::newRow("an open parent") << true << u"todo"_s;
    }

    void shouldUnblock()
    {
        // GIVEN a task that gave up after failures
        QFETCH(bool, openParent);
        QFETCH(QString, expected);
        Board board;
        board.add(u"P"_s);
        board.add(u"R"_s);
        const qint64 run = board.claim(u"R"_s);
        must(board.store().recordFailedAttempt(
            board.id(u"R"_s), run,
            FailedAttempt{.outcome = u"crashed"_s, .configuredFailureLimit = 1}));
        QCOMPARE(board.status(u"R"_s), u"blocked"_s);
        QCOMPARE(board.task(u"R"_s).consecutiveFailures, 1);
        if (openParent)
            must(board.store().link(board.id(u"P"_s), board.id(u"R"_s)));

        // WHEN the operator unblocks it
        QVERIFY_OK(board.store().unblock(board.id(u"R"_s)));

        // THEN it goes to ready, or todo while a parent is open, with a clean slate
        const Task task = board.task(u"R"_s);
        QCOMPARE(TaskStatuses::toString(task.status), expected);
        QCOMPARE(task.consecutiveFailures, 0);
        QCOMPARE(task.blockReason, QString());
        QCOMPARE(board.lastEvent(u"R"_s).kind, u"unblocked"_s);
    }

    // ------------------------------------------------------------ failures

    void shouldCountAFailedAttempt_data()
    {
        QTest::addColumn<QString>("outcome");
        for (const char *outcome : {"crashed", "timed_out", "protocol_violation", "spawn_failed"})
            QTest::newRow(outcome) << QString::fromLatin1(outcome);
    }

    void shouldCountAFailedAttempt()
    {
        // GIVEN a running task with the default limit
        QFETCH(QString, outcome);
        Board board;
        board.add(u"R"_s);
        const qint64 run = board.claim(u"R"_s);

        // WHEN its attempt fails
        const Task failed = must(board.store().recordFailedAttempt(
            board.id(u"R"_s), run,
            FailedAttempt{
                .outcome = outcome, .exitCode = 3, .error = u"boom"_s, .retryBackoff = 30}));

        // THEN the run closes with that outcome and the task goes back to ready, backing off
        const Task task = board.task(u"R"_s);
        QCOMPARE(failed.status, TaskStatus::Ready);
        QCOMPARE(task.status, TaskStatus::Ready);
        QCOMPARE(task.consecutiveFailures, 1);
        QCOMPARE(task.lastError, u"boom"_s);
        QCOMPARE(task.retryAfter, std::optional<qint64>(board.now() + 30));
        QCOMPARE(task.claimLock, QString());
        QVERIFY(!task.currentRunId);
        const Run closed = must(board.queries().run(run));
        QCOMPARE(closed.outcome, outcome);
        QCOMPARE(closed.exitCode, std::optional<int>(3));
        QCOMPARE(closed.error, u"boom"_s);
        QCOMPARE(board.lastEvent(u"R"_s).kind, outcome);
    }

    void shouldDoubleTheBackoff()
    {
        // GIVEN a task allowed four attempts
        Board board;
        board.add(u"R"_s, NewTask{.maxRetries = 4});
        QList<qint64> waits;

        // WHEN three attempts fail in a row
        for (int i = 0; i < 3; ++i) {
            const qint64 run = board.claim(u"R"_s);
            const Task failed = must(board.store().recordFailedAttempt(
                board.id(u"R"_s), run, FailedAttempt{.outcome = u"crashed"_s, .retryBackoff = 30}));
            waits << failed.retryAfter.value_or(0) - board.now();
        }

        // THEN each wait is twice the one before
        QCOMPARE(waits, (QList<qint64>{30, 60, 120}));
        QCOMPARE(board.status(u"R"_s), u"ready"_s);
    }

    void shouldGiveUpAtTheEffectiveLimit_data()
    {
        QTest::addColumn<std::optional<int>>("taskLimit");
        QTest::addColumn<std::optional<int>>("configured");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("source");
        QTest::newRow("default") << std::optional<int>() << std::optional<int>() << 2
                                 << u"default"_s;
        QTest::newRow("configured")
            << std::optional<int>() << std::optional<int>(3) << 3 << u"config"_s;
        QTest::newRow("task beats configured")
            << std::optional<int>(1) << std::optional<int>(3) << 1 << u"task"_s;
        QTest::newRow("task alone")
            << std::optional<int>(4) << std::optional<int>() << 4 << u"task"_s;
    }

    void shouldGiveUpAtTheEffectiveLimit()
    {
        // GIVEN a task with (or without) its own limit and a configured limit
        QFETCH(std::optional<int>, taskLimit);
        QFETCH(std::optional<int>, configured);
        QFETCH(int, limit);
        QFETCH(QString, source);
        Board board;
        board.add(u"R"_s, NewTask{.maxRetries = taskLimit});
        QCOMPARE(TaskStore::effectiveFailureLimit(board.task(u"R"_s), configured), limit);

        // WHEN attempts keep crashing
        QStringList statuses;
        for (int i = 0; i < limit; ++i) {
            const qint64 run = board.claim(u"R"_s);
            const Task failed = must(board.store().recordFailedAttempt(
                board.id(u"R"_s), run,
                FailedAttempt{.outcome = u"crashed"_s,
                              .error = u"segfault"_s,
                              .configuredFailureLimit = configured}));
            statuses << TaskStatuses::toString(failed.status);
        }

        // THEN it retries until the limit, then blocks with a gave_up event
        QStringList expected(limit - 1, u"ready"_s);
        expected << u"blocked"_s;
        QCOMPARE(statuses, expected);
        const Task task = board.task(u"R"_s);
        QCOMPARE(task.status, TaskStatus::Blocked);
        QCOMPARE(task.consecutiveFailures, limit);
        QVERIFY(!task.retryAfter);
        QVERIFY2(task.blockReason.contains(u"segfault"_s), qPrintable(task.blockReason));
        const Event gaveUp = board.lastEvent(u"R"_s);
        QCOMPARE(gaveUp.kind, u"gave_up"_s);
        QCOMPARE(gaveUp.payload.value(u"limit"_s).toInt(), limit);
        QCOMPARE(gaveUp.payload.value(u"failures"_s).toInt(), limit);
        QCOMPARE(gaveUp.payload.value(u"limit_source"_s).toString(), source);

        // AND nothing automatic brings it back
        board.advance(100000);
        QCOMPARE(must(board.store().promoteWaiting()), QStringList());
        QCOMPARE(must(board.store().releaseExpiredClaims()), QStringList());
        QCOMPARE(board.status(u"R"_s), u"blocked"_s);
    }

    void shouldResetTheFailureCountOnSuccess()
    {
        // GIVEN a task that failed once
        Board board;
        board.add(u"R"_s);
        const qint64 first = board.claim(u"R"_s);
        must(board.store().recordFailedAttempt(board.id(u"R"_s), first,
                                               FailedAttempt{.outcome = u"timed_out"_s}));

        // WHEN the next attempt completes THEN the count is back to zero
        const qint64 second = board.claim(u"R"_s);
        QVERIFY_OK(board.store().complete(board.id(u"R"_s), Completion{u"ok"_s, {}, {}, second}));
        QCOMPARE(board.task(u"R"_s).consecutiveFailures, 0);
        QCOMPARE(board.outcomes(u"R"_s), u"timed_out,completed"_s);
    }

    void shouldNotCountARateLimitAsAFailure()
    {
        // GIVEN a task that failed once and is running again
        Board board;
        board.add(u"R"_s);
        const qint64 first = board.claim(u"R"_s);
        must(board.store().recordFailedAttempt(board.id(u"R"_s), first,
                                               FailedAttempt{.outcome = u"crashed"_s}));
        const qint64 second = board.claim(u"R"_s);

        // WHEN the worker reports a rate limit, twice in a row
        QVERIFY_OK(board.store().recordRateLimited(board.id(u"R"_s), second, 75, 300));
        const qint64 third = board.claim(u"R"_s);
        const Task limited =
            must(board.store().recordRateLimited(board.id(u"R"_s), third, 75, 300));

        // THEN the task waits out the cooldown in ready, with its failure count unchanged
        QCOMPARE(limited.status, TaskStatus::Ready);
        QCOMPARE(board.task(u"R"_s).consecutiveFailures, 1);
        QCOMPARE(board.task(u"R"_s).retryAfter, std::optional<qint64>(board.now() + 300));
        QCOMPARE(board.outcomes(u"R"_s), u"crashed,rate_limited,rate_limited"_s);
        QCOMPARE(must(board.queries().run(third)).exitCode, std::optional<int>(75));
    }

    void shouldRecordTheWorkerProcess()
    {
        // GIVEN a claimed task WHEN its worker is spawned THEN the run records pid and log
        Board board;
        board.add(u"R"_s);
        const qint64 run = board.claim(u"R"_s);
        const Run recorded = must(board.store().setRunProcess(run, 4242, u"/var/log/r.log"_s));
        QCOMPARE(recorded.pid, std::optional<qint64>(4242));
        QCOMPARE(recorded.logPath, u"/var/log/r.log"_s);
        QCOMPARE(board.lastEvent(u"R"_s).kind, u"spawned"_s);
    }

    void shouldRecordTheProcessOfAWorkerThatReportedFirst()
    {
        // GIVEN a run that its (fast) worker already completed
        Board board;
        board.add(u"R"_s);
        const qint64 run = board.claim(u"R"_s);
        QVERIFY_OK(board.store().complete(board.id(u"R"_s), Completion{u"ok"_s, {}, {}, run}));

        // WHEN its supervisor records the worker afterwards
        const Run recorded = must(board.store().setRunProcess(run, 4242, u"/var/log/r.log"_s));

        // THEN the ended run keeps its outcome and gains its pid and log
        QCOMPARE(recorded.outcome, u"completed"_s);
        QCOMPARE(recorded.pid, std::optional<qint64>(4242));
        QCOMPARE(recorded.logPath, u"/var/log/r.log"_s);
        QCOMPARE(board.lastEvent(u"R"_s).kind, u"spawned"_s);
        QCOMPARE(board.task(u"R"_s).status, TaskStatus::Done);
    }

    void shouldRefuseToRecordAWorkerTwice()
    {
        // GIVEN a run whose worker was recorded
        Board board;
        board.add(u"R"_s);
        const qint64 run = board.claim(u"R"_s);
        must(board.store().setRunProcess(run, 4242, u"/var/log/r.log"_s));
        const QString before = board.dump();

        // WHEN another process claims to be its worker
        const std::optional<Error> error =
            errorOf(board.store().setRunProcess(run, 5151, u"/tmp/other"_s));

        // THEN it is refused, and nothing changed
        QVERIFY(error);
        QCOMPARE(error->code, ErrorCode::Refused);
        QVERIFY2(error->message.contains(u"already has its worker"_s), qPrintable(error->message));
        QCOMPARE(board.dump(), before);
    }

    // ------------------------------------------------------------ assign

    void shouldAssignReassignAndUnassign()
    {
        // GIVEN an unassigned task that failed once
        Board board;
        board.add(u"R"_s);
        const qint64 run = board.claim(u"R"_s);
        must(board.store().recordFailedAttempt(board.id(u"R"_s), run,
                                               FailedAttempt{.outcome = u"crashed"_s}));

        // WHEN it is assigned, reassigned and unassigned
        QCOMPARE(must(board.store().assign(board.id(u"R"_s), u"coder"_s, u"operator"_s)).assignee,
                 u"coder"_s);
        QCOMPARE(board.task(u"R"_s).consecutiveFailures, 0);
        const Event assigned = board.lastEvent(u"R"_s);
        QVERIFY_OK(board.store().assign(board.id(u"R"_s), u"reviewer"_s));
        const Event reassigned = board.lastEvent(u"R"_s);
        QVERIFY_OK(board.store().assign(board.id(u"R"_s), QString()));
        const Event unassigned = board.lastEvent(u"R"_s);

        // THEN each step is stored and logged with who it went to
        QCOMPARE(board.task(u"R"_s).assignee, QString());
        QCOMPARE(assigned.kind, u"assigned"_s);
        QCOMPARE(assigned.payload.value(u"assignee"_s).toString(), u"coder"_s);
        QCOMPARE(assigned.payload.value(u"source"_s).toString(), u"operator"_s);
        QCOMPARE(reassigned.kind, u"assigned"_s);
        QCOMPARE(reassigned.payload.value(u"assignee"_s).toString(), u"reviewer"_s);
        QCOMPARE(reassigned.payload.value(u"previous"_s).toString(), u"coder"_s);
        QCOMPARE(unassigned.kind, u"assigned"_s);
        QVERIFY(unassigned.payload.value(u"assignee"_s).isNull());
    }

    // ------------------------------------------------------------ operator moves

    void shouldMove_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<TaskStatus>("to");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("runs"); // outcomes of the moved task's runs afterwards
        QTest::addColumn<QString>("event");
        // The board has: Todo (parked, no parents), Waiting (todo, open parent),
        // Ready, Running, Blocked, Done, Triage.
        QTest::newRow("ready to todo")
            << u"Ready"_s << TaskStatus::Todo << u"todo"_s << u""_s << u"moved"_s;
        QTest::newRow("ready to triage")
            << u"Ready"_s << TaskStatus::Triage << u"triage"_s << u""_s << u"moved"_s;
        QTest::newRow("todo to ready")
            << u"Todo"_s << TaskStatus::Ready << u"ready"_s << u""_s << u"moved"_s;
        // Stays in todo, and a move that moves nothing is not logged.
        QTest::newRow("todo with an open parent to ready")
            << u"Waiting"_s << TaskStatus::Ready << u"todo"_s << u""_s << u"created"_s;
        QTest::newRow("triage to ready")
            << u"Triage"_s << TaskStatus::Ready << u"ready"_s << u""_s << u"moved"_s;
        QTest::newRow("ready to blocked")
            << u"Ready"_s << TaskStatus::Blocked << u"blocked"_s << u""_s << u"blocked"_s;
        QTest::newRow("ready to done")
            << u"Ready"_s << TaskStatus::Done << u"done"_s << u""_s << u"completed"_s;
        QTest::newRow("blocked to ready")
            << u"Blocked"_s << TaskStatus::Ready << u"ready"_s << u""_s << u"unblocked"_s;
        QTest::newRow("blocked to todo")
            << u"Blocked"_s << TaskStatus::Todo << u"todo"_s << u""_s << u"moved"_s;
        QTest::newRow("blocked to done")
            << u"Blocked"_s << TaskStatus::Done << u"done"_s << u""_s << u"completed"_s;
        QTest::newRow("done to ready")
            << u"Done"_s << TaskStatus::Ready << u"ready"_s << u"completed"_s << u"moved"_s;
        QTest::newRow("done to todo")
            << u"Done"_s << TaskStatus::Todo << u"todo"_s << u"completed"_s << u"moved"_s;
        QTest::newRow("done to triage")
            << u"Done"_s << TaskStatus::Triage << u"triage"_s << u"completed"_s << u"moved"_s;
        QTest::newRow("running to ready")
            << u"Running"_s << TaskStatus::Ready << u"ready"_s << u"cancelled"_s << u"moved"_s;
        QTest::newRow("running to todo")
            << u"Running"_s << TaskStatus::Todo << u"todo"_s << u"cancelled"_s << u"moved"_s;
        QTest::newRow("running to triage")
            << u"Running"_s << TaskStatus::Triage << u"triage"_s << u"cancelled"_s << u"moved"_s;
        QTest::newRow("running to blocked") << u"Running"_s << TaskStatus::Blocked << u"blocked"_s
                                            << u"cancelled"_s << u"blocked"_s;
        // Into done completes the task, and with it the run it had.
        QTest::newRow("running to done")
            << u"Running"_s << TaskStatus::Done << u"done"_s << u"completed"_s << u"completed"_s;
    }

    void shouldMove()
    {
        // GIVEN a board with a task in every column
        QFETCH(QString, from);
        QFETCH(TaskStatus, to);
        QFETCH(QString, expected);
        QFETCH(QString, runs);
        QFETCH(QString, event);
        Board board;
        board.add(u"Todo"_s);
        QVERIFY_OK(board.store().move(board.id(u"Todo"_s), TaskStatus::Todo));
        board.add(u"Parent"_s);
        board.addChild(u"Waiting"_s, {u"Parent"_s});
        board.add(u"Ready"_s);
        board.add(u"Running"_s);
        board.claim(u"Running"_s);
        board.add(u"Blocked"_s);
        must(board.store().block(board.id(u"Blocked"_s), u"stuck"_s));
        board.add(u"Done"_s);
        const qint64 doneRun = board.claim(u"Done"_s);
        QVERIFY_OK(
            board.store().complete(board.id(u"Done"_s), Completion{u"r"_s, {}, {}, doneRun}));
        board.add(u"Triage"_s, NewTask{.triage = true});
        board.advance(5);

        // WHEN the operator drags one into another column
        const Task moved = must(board.store().move(board.id(from), to, u"operator's note"_s));

        // THEN it lands where the rules say, any run it had is closed, and it is logged
        QCOMPARE(TaskStatuses::toString(moved.status), expected);
        const Task task = board.task(from);
        QCOMPARE(TaskStatuses::toString(task.status), expected);
        QCOMPARE(task.claimLock, QString());
        QVERIFY(!task.currentRunId);
        QCOMPARE(board.outcomes(from), runs);
        QCOMPARE(board.lastEvent(from).kind, event);
        if (expected == "done"_L1)
            QCOMPARE(task.completedAt, std::optional<qint64>(board.now()));
        else
            QVERIFY(!task.completedAt);
        if (expected == "blocked"_L1)
            QCOMPARE(task.blockReason, u"operator's note"_s);
    }

    void shouldMoveToTheSameColumnWithoutAChange()
    {
        // GIVEN a ready task WHEN moved to ready THEN nothing changes
        Board board;
        board.add(u"R"_s);
        const QString before = board.dump();
        QVERIFY_OK(board.store().move(board.id(u"R"_s), TaskStatus::Ready));
        QCOMPARE(board.dump(), before);
    }

    void shouldLeaveAWaitingTaskAsItIsWhenMovedToReady()
    {
        // GIVEN a task waiting in todo for its open parent
        Board board;
        board.add(u"Open"_s);
        board.addChild(u"Kid"_s, {u"Open"_s});
        const QString before = board.dump();

        // WHEN the operator moves it to ready, which its open parent turns into todo
        board.advance(60);
        const Task task = must(board.store().move(board.id(u"Kid"_s), TaskStatus::Ready));

        // THEN it stays in todo, and nothing is written: no "moved" from todo to todo
        QCOMPARE(task.status, TaskStatus::Todo);
        QCOMPARE(board.dump(), before);
    }

    void shouldDemoteReadyChildrenWhenReopened()
    {
        // GIVEN a done parent with a ready child, a running child and a done child
        Board board;
        board.add(u"P"_s);
        board.addChild(u"Ready"_s, {u"P"_s});
        board.addChild(u"Busy"_s, {u"P"_s});
        board.addChild(u"Fin"_s, {u"P"_s});
        board.complete(u"P"_s);
        board.claim(u"Busy"_s);
        board.complete(u"Fin"_s);

        // WHEN the parent is reopened
        QVERIFY_OK(board.store().move(board.id(u"P"_s), TaskStatus::Ready));

        // THEN only the ready child goes back to waiting
        QCOMPARE(board.statuses({u"P"_s, u"Ready"_s, u"Busy"_s, u"Fin"_s}),
                 u"P=ready Ready=todo Busy=running Fin=done"_s);
        const Event demoted = board.lastEvent(u"Ready"_s);
        QCOMPARE(demoted.payload.value(u"reason"_s).toString(), u"parent_reopened"_s);
        QCOMPARE(demoted.payload.value(u"parent"_s).toString(), board.id(u"P"_s));
    }

    void shouldPromoteWaitingTasks()
    {
        // GIVEN a child left in todo although its parent is done (written by an older
        // build, or by hand), a parked task with no parents, and a blocked child
        Board board;
        board.add(u"P"_s);
        board.addChild(u"Late"_s, {u"P"_s});
        board.addChild(u"Stuck"_s, {u"P"_s});
        board.add(u"Parked"_s);
        must(board.store().move(board.id(u"Parked"_s), TaskStatus::Todo));
        must(board.store().block(board.id(u"Stuck"_s), u"human needed"_s));
        board.complete(u"P"_s);
        {
            QSqlQuery query(board.temp().database().connection());
            QVERIFY(query.exec(
                u"UPDATE tasks SET status = 'todo' WHERE id = '%1'"_s.arg(board.id(u"Late"_s))));
        }

        // WHEN waiting tasks are promoted
        const QStringList promoted = must(board.store().promoteWaiting());

        // THEN only the one whose parents are all done moves
        QCOMPARE(promoted, QStringList{board.id(u"Late"_s)});
        QCOMPARE(board.statuses({u"Late"_s, u"Stuck"_s, u"Parked"_s}),
                 u"Late=ready Stuck=blocked Parked=todo"_s);
        QCOMPARE(board.lastEvent(u"Late"_s).kind, u"promoted"_s);
    }

    // ------------------------------------------------------------ comments

    void shouldKeepCommentsInOrder()
    {
        // GIVEN a task WHEN three comments are added
        Board board;
        board.add(u"R"_s);
        QCOMPARE(must(board.store().comment(board.id(u"R"_s), u" op "_s, u"first"_s)).author,
                 u"op"_s);
        board.advance(1);
        QVERIFY_OK(
            board.store().comment(board.id(u"R"_s), u"coder"_s, u"second\nwith two lines"_s));
        QVERIFY_OK(board.store().comment(board.id(u"R"_s), u"op"_s, u"third"_s));

        // THEN they read back in order with authors and times
        const QList<Comment> comments = must(board.queries().comments(board.id(u"R"_s)));
        QStringList lines;
        for (const Comment &comment : comments)
            lines << comment.author + u": "_s + comment.body;
        QCOMPARE(lines,
                 (QStringList{u"op: first"_s, u"coder: second\nwith two lines"_s, u"op: third"_s}));
        QCOMPARE(comments.first().createdAt, board.now() - 1);
        QVERIFY(comments.at(0).id < comments.at(1).id);
        QCOMPARE(board.kinds(u"R"_s), u"created,commented,commented,commented"_s);
    }

    // ------------------------------------------------------------ archive

    void shouldArchiveAndUnarchive()
    {
        // GIVEN a done task WHEN archived THEN it keeps its status under the flag
        Board board;
        board.add(u"R"_s);
        board.complete(u"R"_s);
        QVERIFY(must(board.store().archive(board.id(u"R"_s))).archived);
        QVERIFY(board.task(u"R"_s).archived);
        QCOMPARE(board.status(u"R"_s), u"done"_s);

        // WHEN unarchived THEN it is back where it was
        QVERIFY(!must(board.store().unarchive(board.id(u"R"_s))).archived);
        QCOMPARE(board.status(u"R"_s), u"done"_s);
        QCOMPARE(board.kinds(u"R"_s), u"created,completed,archived,unarchived"_s);
    }
};

QANBAN_TEST_MAIN(TaskStoreTest)
#include "tst_taskstore.moc"
