#include "boardverbs.h"

#include "boardcleaner.h"
#include "clisession.h"
#include "database.h"
#include "taskstore.h"
#include "textformatter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

constexpr int followIntervalMs = 200;
constexpr int eventPage = 500;

int init(CliSession &session)
{
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    const Database *database = session.database();
    const QJsonObject json{{u"db"_s, database->path()},
                           {u"schema_version"_s, database->schemaVersion()}};
    return session.reply(json, u"db:              %1\nschema_version:  %2"_s.arg(
                                   database->path()).arg(database->schemaVersion()));
}

// Prints the events after *cursor, page by page, and moves the cursor past them.
Result<void> printEventsAfter(TaskQueries &queries, qint64 *cursor, const QString &taskId)
{
    for (;;) {
        Result<QList<Event>> events = queries.eventsAfter(*cursor, eventPage);
        if (!events)
            return events.error();
        for (const Event &event : std::as_const(*events)) {
            *cursor = event.id;
            if (taskId.isEmpty() || event.taskId == taskId)
                CliSession::writeLine(CliSession::toJson(event.toJson()));
        }
        if (events->size() < eventPage)
            return {};
    }
}

int tail(CliSession &session)
{
    const CliArguments &arguments = session.arguments();
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    TaskQueries &queries = (*board)->queries();
    const QString taskId = arguments.value(u"task"_s);
    if (!taskId.isEmpty()) {
        if (Result<Task> task = queries.task(taskId); !task)
            return session.fail(task.error());
    }
    qint64 cursor = arguments.number(u"since"_s).value_or(0);
    if (Result<void> printed = printEventsAfter(queries, &cursor, taskId); !printed)
        return session.fail(printed.error());
    if (!arguments.isSet(u"follow"_s))
        return CliSession::Done;

    // Polling is cheap (one indexed read) and needs nothing but the database; each poll
    // is its own short read, so the follower never holds back a WAL checkpoint.
    QTimer timer;
    timer.setInterval(followIntervalMs);
    QObject::connect(&timer, &QTimer::timeout, &timer, [&] {
        if (Result<void> printed = printEventsAfter(queries, &cursor, taskId); !printed) {
            timer.stop();
            session.fail(printed.error());
            QCoreApplication::exit(CliSession::Failed);
        }
    });
    timer.start();
    return QCoreApplication::exec();
}

int stats(CliSession &session)
{
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    Result<BoardStats> counts = (*board)->queries().stats();
    if (!counts)
        return session.fail(counts.error());
    return session.reply(counts->toJson(), TextFormatter::stats(*counts));
}

int assignees(CliSession &session)
{
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    Result<QMap<QString, QMap<QString, int>>> counts = (*board)->queries().assigneeCounts();
    if (!counts)
        return session.fail(counts.error());
    QJsonArray json;
    QMap<QString, bool> hasProfile;
    for (auto it = counts->cbegin(); it != counts->cend(); ++it) {
        const bool profile = session.home().hasProfile(it.key());
        hasProfile.insert(it.key(), profile);
        QJsonObject byStatus;
        int total = 0;
        for (TaskStatus status : TaskStatuses::all()) {
            const int n = it.value().value(TaskStatuses::toString(status));
            byStatus.insert(TaskStatuses::toString(status), n);
            total += n;
        }
        json << QJsonObject{{u"name"_s, it.key()},
                            {u"counts"_s, byStatus},
                            {u"total"_s, total},
                            {u"profile"_s, profile}};
    }
    return session.reply(json, TextFormatter::assignees(*counts, hasProfile));
}

int gc(CliSession &session)
{
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    TaskFilter archived;
    archived.archivedOnly = true;
    Result<QList<Task>> tasks = (*board)->queries().tasks(archived);
    if (!tasks)
        return session.fail(tasks.error());
    const BoardCleaner::Report report = BoardCleaner(session.home()).clean(*tasks);
    if (!report.failures.isEmpty()) {
        return session.fail(u"cannot remove %1 (and %2 more)"_s.arg(report.failures.first())
                                .arg(report.failures.size() - 1));
    }
    const QJsonObject json{{u"workspaces"_s, QJsonArray::fromStringList(report.workspaces)},
                           {u"logs"_s, QJsonArray::fromStringList(report.logs)}};
    QStringList lines;
    for (const QString &path : report.workspaces)
        lines << u"removed workspace %1"_s.arg(path);
    for (const QString &path : report.logs)
        lines << u"removed logs %1"_s.arg(path);
    if (lines.isEmpty())
        lines << u"nothing to remove"_s;
    return session.reply(json, lines.join(u'\n'));
}

} // namespace

QList<CliVerb> BoardVerbs::verbs()
{
    return {
        {u"init"_s, {}, {}, {}, u"Create the board if needed and print where it is"_s, init},
        {u"tail"_s,
         {},
         {},
         {CliOption::flag(u"follow"_s), CliOption::count(u"since"_s, u"EVENT_ID"_s),
          CliOption::text(u"task"_s, u"ID"_s)},
         u"Print events, one JSON object per line; --follow keeps printing new ones"_s,
         tail},
        {u"stats"_s, {}, {}, {}, u"Count tasks by status and by assignee"_s, stats},
        {u"assignees"_s, {}, {}, {},
         u"List assignees with their task counts and whether a profile exists"_s, assignees},
        {u"gc"_s, {}, {}, {}, u"Remove the workspaces and logs of archived tasks"_s, gc},
    };
}
