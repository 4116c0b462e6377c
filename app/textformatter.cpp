#include "textformatter.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype maxAssigneeWidth = 20;
constexpr qsizetype statusWidth = 7; // "running", "blocked"

QString orDash(const QString &text)
{
    return text.isEmpty() ? u"-"_s : text;
}

QString indented(const QString &text, const QString &indent = u"    "_s)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines)
        line = indent + line;
    return lines.join(u'\n');
}

QString taskLineWith(const Task &task, qsizetype assigneeWidth)
{
    QString line = task.id + u"  "_s
        + TaskStatuses::toString(task.status).leftJustified(statusWidth) + u"  "_s
        + orDash(task.assignee).leftJustified(assigneeWidth) + u"  "_s + task.title;
    if (task.archived)
        line += u"  [archived]"_s;
    return line;
}

void addField(QString &text, const QString &name, const QString &value)
{
    if (!value.isEmpty())
        text += QString(name + u':').leftJustified(12) + value + u'\n';
}

} // namespace

QString TextFormatter::time(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString TextFormatter::taskLine(const Task &task)
{
    return taskLineWith(task, 0);
}

QString TextFormatter::taskList(const QList<Task> &tasks)
{
    if (tasks.isEmpty())
        return u"(no tasks)"_s;
    qsizetype width = 1;
    for (const Task &task : tasks)
        width = qMax(width, qMin(task.assignee.size(), maxAssigneeWidth));
    QStringList lines;
    for (const Task &task : tasks)
        lines << taskLineWith(task, width);
    return lines.join(u'\n');
}

QString TextFormatter::counts(const QMap<QString, int> &byStatus)
{
    QStringList parts;
    for (TaskStatus status : TaskStatuses::all()) {
        const QString name = TaskStatuses::toString(status);
        if (const int n = byStatus.value(name); n > 0)
            parts << u"%1 %2"_s.arg(name).arg(n);
    }
    return parts.isEmpty() ? u"no tasks"_s : parts.join(u", "_s);
}

QString TextFormatter::taskDetails(const Task &task, const QList<Task> &parents,
                                   const QList<Task> &children, const QList<Comment> &comments,
                                   const QList<Run> &runs, const QList<Event> &events)
{
    QString text = task.id + u"  "_s + task.title + u'\n';
    QString status = TaskStatuses::toString(task.status);
    if (task.archived)
        status += u" (archived)"_s;
    addField(text, u"status"_s, status);
    if (task.status == TaskStatus::Running) {
        addField(text, u"claimed by"_s,
                 u"%1, run %2, until %3"_s.arg(task.claimLock)
                     .arg(task.currentRunId.value_or(0))
                     .arg(time(task.claimExpires.value_or(0))));
    }
    addField(text, u"blocked"_s, task.blockReason);
    addField(text, u"assignee"_s, orDash(task.assignee));
    addField(text, u"tenant"_s, task.tenant);
    addField(text, u"priority"_s, QString::number(task.priority));
    addField(text, u"workspace"_s,
             task.workspacePath.isEmpty() ? task.workspaceKind
                                          : task.workspaceKind + u' ' + task.workspacePath);
    addField(text, u"skills"_s, task.skills.join(u", "_s));
    if (task.maxRetries)
        addField(text, u"max retries"_s, QString::number(*task.maxRetries));
    if (task.maxRuntime)
        addField(text, u"max runtime"_s, u"%1 s"_s.arg(*task.maxRuntime));
    if (task.consecutiveFailures > 0)
        addField(text, u"failures"_s, QString::number(task.consecutiveFailures));
    addField(text, u"last error"_s, task.lastError);
    if (task.retryAfter)
        addField(text, u"retry after"_s, time(*task.retryAfter));
    addField(text, u"idempotency"_s, task.idempotencyKey);
    addField(text, u"created"_s, time(task.createdAt));
    if (task.startedAt)
        addField(text, u"started"_s, time(*task.startedAt));
    if (task.completedAt)
        addField(text, u"completed"_s, time(*task.completedAt));
    addField(text, u"summary"_s, task.summary);
    addField(text, u"result"_s, task.result);
    addField(text, u"metadata"_s, task.metadata);

    auto section = [&text](const QString &title, const QStringList &lines) {
        if (lines.isEmpty())
            return;
        text += u'\n' + title + u'\n';
        for (const QString &line : lines)
            text += indented(line, u"  "_s) + u'\n';
    };
    if (!task.body.isEmpty())
        section(u"Body"_s, {task.body});
    QStringList links;
    for (const Task &parent : parents)
        links << u"parent  "_s + taskLine(parent);
    for (const Task &child : children)
        links << u"child   "_s + taskLine(child);
    section(u"Dependencies"_s, links);
    QStringList commentLines;
    for (const Comment &comment : comments)
        commentLines << commentText(comment);
    section(u"Comments"_s, commentLines);
    QStringList runLines;
    for (const Run &run : runs)
        runLines << runLine(run);
    section(u"Runs"_s, runLines);
    QStringList eventLines;
    for (const Event &event : events)
        eventLines << eventLine(event);
    section(u"Events"_s, eventLines);
    return text;
}

QString TextFormatter::commentText(const Comment &comment)
{
    QString text = u"%1  %2:"_s.arg(time(comment.createdAt), comment.author);
    if (comment.body.contains(u'\n'))
        return text + u'\n' + indented(comment.body);
    return text + u' ' + comment.body;
}

QString TextFormatter::runLine(const Run &run)
{
    QString line = u"#%1  %2  %3  %4  %5"_s.arg(QString::number(run.id),
                                                 run.isOpen() ? u"open"_s : run.outcome,
                                                 orDash(run.profile), orDash(run.claimer),
                                                 time(run.startedAt));
    if (run.endedAt)
        line += u" .. "_s + time(*run.endedAt);
    if (run.exitCode)
        line += u"  exit %1"_s.arg(*run.exitCode);
    if (!run.error.isEmpty())
        line += u"  "_s + run.error.section(u'\n', 0, 0);
    return line;
}

QString TextFormatter::runList(const QList<Run> &runs)
{
    if (runs.isEmpty())
        return u"(no runs)"_s;
    QStringList lines;
    for (const Run &run : runs)
        lines << runLine(run);
    return lines.join(u'\n');
}

QString TextFormatter::eventLine(const Event &event)
{
    QString line = u"#%1  %2  %3  %4"_s.arg(QString::number(event.id), time(event.createdAt),
                                            event.taskId, event.kind);
    if (!event.payload.isEmpty()) {
        line += u"  "_s
            + QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact));
    }
    return line;
}

QString TextFormatter::eventList(const QList<Event> &events)
{
    if (events.isEmpty())
        return u"(no events)"_s;
    QStringList lines;
    for (const Event &event : events)
        lines << eventLine(event);
    return lines.join(u'\n');
}

QString TextFormatter::stats(const BoardStats &stats)
{
    QStringList statuses;
    for (TaskStatus status : TaskStatuses::all()) {
        const QString name = TaskStatuses::toString(status);
        statuses << u"%1 %2"_s.arg(name).arg(stats.byStatus.value(name));
    }
    QString text = statuses.join(u"  "_s)
        + u"\ntotal %1, archived %2\n"_s.arg(stats.total).arg(stats.archived);
    qsizetype width = 0;
    for (auto it = stats.byAssignee.cbegin(); it != stats.byAssignee.cend(); ++it)
        width = qMax(width, (it.key().isEmpty() ? u"(unassigned)"_s : it.key()).size());
    for (auto it = stats.byAssignee.cbegin(); it != stats.byAssignee.cend(); ++it) {
        const QString name = it.key().isEmpty() ? u"(unassigned)"_s : it.key();
        text += u"  "_s + name.leftJustified(width) + u"  "_s + counts(it.value()) + u'\n';
    }
    return text;
}

QString TextFormatter::assignees(const QMap<QString, QMap<QString, int>> &assigneeCounts,
                                 const QMap<QString, bool> &hasProfile)
{
    if (assigneeCounts.isEmpty())
        return u"(no assignees)"_s;
    qsizetype width = 0;
    for (auto it = assigneeCounts.cbegin(); it != assigneeCounts.cend(); ++it)
        width = qMax(width, it.key().size());
    QStringList lines;
    for (auto it = assigneeCounts.cbegin(); it != assigneeCounts.cend(); ++it) {
        const QString profile = hasProfile.value(it.key()) ? u"profile   "_s : u"no profile"_s;
        lines << it.key().leftJustified(width) + u"  "_s + profile + u"  "_s
                + counts(it.value());
    }
    return lines.join(u'\n');
}
