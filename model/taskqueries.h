#pragma once

#include "boardstats.h"
#include "comment.h"
#include "event.h"
#include "result.h"
#include "run.h"
#include "task.h"
#include "taskfilter.h"

#include <QList>
#include <QString>

class Database;
class PreparedStatement;

// Reads of the board: tasks, their runs, comments and events, counts, and the text a
// worker is given. Nothing here writes. Used on the thread that owns the Database.
class TaskQueries final
{
public:
    explicit TaskQueries(Database &database);

    Result<Task> task(const QString &id);
    Result<QList<Task>> tasks(const TaskFilter &filter = {});
    Result<Run> run(qint64 runId);
    Result<QList<Run>> runs(const QString &taskId);
    Result<QList<Run>> openRuns();
    Result<QList<Comment>> comments(const QString &taskId);
    Result<QList<Event>> events(const QString &taskId);
    // Events with an id above afterId, oldest first: the change feed's cursor walk.
    Result<QList<Event>> eventsAfter(qint64 afterId, int limit = 1000);
    Result<qint64> lastEventId();
    Result<BoardStats> stats();
    // Distinct assignees of tasks that are not archived, with counts by status.
    Result<QMap<QString, QMap<QString, int>>> assigneeCounts();
    // The task, its parents' results and summaries and its comments, as one text.
    Result<QString> workerContext(const QString &id);
    Result<QStringList> archivedTaskIds();

    // Column list and row reader shared with TaskStore.
    static QString taskColumns();
    static Task taskFromRow(const PreparedStatement &query);
    static QString runColumns();
    static Run runFromRow(const PreparedStatement &query);
    Result<void> loadLinks(Task &task);
    // Refused with "no task ID" when there is none.
    Result<void> checkExists(const QString &id);

private:
    Database &m_database;
};
