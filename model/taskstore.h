#pragma once

#include "comment.h"
#include "result.h"
#include "run.h"
#include "task.h"
#include "taskqueries.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class Database;
class JsonObjectWriter;

// What `create` is given. Empty strings mean "not set".
struct NewTask {
    QString title;
    QString body;
    QString assignee;
    QString tenant;
    int priority = 0;
    bool triage = false;
    QStringList parents;
    QString workspaceKind = QStringLiteral("scratch");
    QString workspacePath;
    QStringList skills;
    QString idempotencyKey;
    std::optional<int> maxRetries;
    std::optional<int> maxRuntime;
};

// The fields an edit changes; unset fields stay as they are.
struct TaskEdit {
    std::optional<QString> title;
    std::optional<QString> body;
    std::optional<QString> tenant;
    std::optional<int> priority;
    std::optional<QStringList> skills;
    std::optional<QString> workspaceKind;
    std::optional<QString> workspacePath;
    std::optional<std::optional<int>> maxRetries; // nullopt inside: clear the limit
    std::optional<std::optional<int>> maxRuntime;

    bool isEmpty() const;
};

struct Completion {
    QString result;
    QString summary;
    QString metadata; // a JSON object as text, or empty
    std::optional<qint64> runId; // when set, must be the task's current run
};

// How an attempt that did not complete ended, as the dispatcher saw it.
struct FailedAttempt {
    QString outcome; // crashed, timed_out, protocol_violation or spawn_failed
    std::optional<int> exitCode;
    QString error;
    std::optional<int> configuredFailureLimit;
    qint64 retryBackoff = 0; // seconds before the first retry; doubles with each failure
};

// Every change to the board. Each command is one write transaction that also appends
// its events; a refused command changes nothing and returns an Error saying why.
// Lives on the thread that owns its Database.
class TaskStore final
{
public:
    using Clock = std::function<qint64()>;

    static constexpr int defaultFailureLimit = 2;
    static constexpr qint64 defaultClaimTtl = 900;

    explicit TaskStore(Database &database);

    TaskQueries &queries() { return m_queries; }
    Database &database() { return m_database; }
    // Unix seconds; tests replace it to move time.
    void setClock(Clock clock);
    qint64 now() const;

    // The operator's and the scripts' commands.
    Result<Task> create(const NewTask &spec);
    Result<Task> edit(const QString &id, const TaskEdit &edit);
    // The drag between columns. note is the reason for blocked, the summary for done.
    Result<Task> move(const QString &id, TaskStatus to, const QString &note = {});
    // Puts the task just above beforeId in its column, or at the bottom when empty.
    Result<Task> placeBefore(const QString &id, const QString &beforeId);
    // An empty assignee unassigns. source names who assigned, for the event.
    Result<Task> assign(const QString &id, const QString &assignee, const QString &source = {});
    Result<Task> link(const QString &parentId, const QString &childId);
    Result<Task> unlink(const QString &parentId, const QString &childId);
    Result<Task> unblock(const QString &id);
    Result<Task> archive(const QString &id);
    Result<Task> unarchive(const QString &id);
    Result<Comment> comment(const QString &id, const QString &author, const QString &body);

    // The worker protocol.
    // workspacesRoot, when given, is where a scratch task's folder is made.
    Result<Task> claim(const QString &id, const QString &claimer, qint64 ttl = defaultClaimTtl,
                       const QString &workspacesRoot = {});
    Result<Task> heartbeat(const QString &id, const QString &claimer,
                           qint64 ttl = defaultClaimTtl);
    Result<Task> complete(const QString &id, const Completion &completion);
    Result<Task> block(const QString &id, const QString &reason,
                       std::optional<qint64> runId = std::nullopt);

    // The dispatcher's bookkeeping.
    Result<QStringList> releaseExpiredClaims();
    Result<QStringList> promoteWaiting();
    Result<Task> recordFailedAttempt(const QString &id, qint64 runId, const FailedAttempt &failure);
    Result<Task> recordRateLimited(const QString &id, qint64 runId, std::optional<int> exitCode,
                                   qint64 cooldown);
    // Closes the run as reclaimed and puts the task back to ready (or todo) without counting
    // a failure: the dispatcher stopped a healthy worker because it is shutting down.
    Result<Task> releaseRun(const QString &id, qint64 runId, const QString &reason);
    Result<Run> setRunProcess(qint64 runId, qint64 pid, const QString &logPath);
    // Makes the task's workspace folder (scratch and dir) and records its path.
    Result<Task> resolveWorkspace(const QString &id, const QString &workspacesRoot);

    // A body longer than this, in UTF-8 bytes, is kept out of the task row: SQLite rewrites
    // a row's overflow pages whenever the row changes size, which claims and completes do.
    static constexpr qsizetype bodyInRowLimit = 512;
    // The task's own max_retries, else the configured limit, else 2.
    static int effectiveFailureLimit(const Task &task, std::optional<int> configured);

private:
    Result<Task> load(const QString &id);
    // load(), refused when runId is not the task's current run.
    Result<Task> loadHolding(const QString &id, qint64 runId);
    Result<void> save(const Task &task);
    // Puts a body kept apart (keepsBodyApart) in task_bodies, and drops any there for a
    // body the row holds.
    Result<void> storeBodyApart(const QString &taskId, const QString &body, bool apart);
    static bool keepsBodyApart(const QString &body);
    Result<void> appendEvent(const QString &taskId, const QString &kind,
                             const QJsonObject &payload = {});
    Result<void> appendEvent(const QString &taskId, const QString &kind,
                             const JsonObjectWriter &payload);
    // Who points the task row at a new event (tasks.last_event_id): insertEvent, or the
    // caller's own UPDATE of the row in the same command, which saves a statement.
    enum class EventLink { LinkTask, CallerUpdatesTask };
    Result<qint64> insertEvent(const QString &taskId, const QString &kind,
                               const QByteArray &payload, EventLink link);
    Result<int> openParentCount(const QString &id);
    Result<TaskStatus> readyOrTodo(const QString &id);
    Result<void> closeRun(qint64 runId, const QString &outcome, std::optional<int> exitCode = {},
                          const QString &error = {});
    Result<void> closeCurrentRun(Task &task, const QString &outcome, const QString &error = {});
    Result<void> reclaimLoaded(Task &task, const QString &reason, const QJsonObject &payload);
    Result<void> promoteChildren(const QString &parentId);
    Result<void> demoteReadyChildren(const QString &parentId);
    Result<Task> completeLoaded(Task task, const Completion &completion);
    Result<Task> blockLoaded(Task task, const QString &reason, const QString &runOutcome);
    Result<Task> unblockLoaded(Task task);
    Result<Task> reopenLoaded(Task task, TaskStatus to, const QString &cancelReason);
    Result<bool> isAncestor(const QString &candidate, const QString &of);
    // Where a new card goes: the end of its column, and the next event's id.
    struct BoardEnd {
        qint64 rank = 0;
        qint64 nextEventId = 0;
    };
    Result<BoardEnd> boardEnd(TaskStatus status, bool archived);
    Result<qint64> nextRank(TaskStatus status, bool archived);
    Result<Task> reload(const QString &id) { return m_queries.task(id); }
    Result<QString> newTaskId(qint64 createdEventId);
    static void clearClaim(Task &task);

    Database &m_database;
    TaskQueries m_queries;
    Clock m_clock;
    QString m_taskIdPrefix; // read from the board on the first create
};
