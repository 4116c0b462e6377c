#include "taskverbs.h"

#include "clisession.h"
#include "taskstore.h"
#include "textformatter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

const QStringList workspaceKinds = {u"scratch"_s, u"dir"_s, u"worktree"_s};

QStringList statusNames()
{
    QStringList names;
    for (TaskStatus status : TaskStatuses::all())
        names << TaskStatuses::toString(status);
    return names;
}

// The text of --body, or of the file --body-file names ("-" is stdin: a long body does not
// fit in an argument). Empty when neither is given.
Result<std::optional<QString>> readBody(const CliArguments &arguments)
{
    if (arguments.isSet(u"body"_s))
        return std::optional<QString>(arguments.value(u"body"_s));
    if (!arguments.isSet(u"body-file"_s))
        return std::optional<QString>();
    const QString path = arguments.value(u"body-file"_s);
    const bool fromStdin = path == "-"_L1;
    QFile file(fromStdin ? QString() : path);
    const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly)
                                  : file.open(QIODevice::ReadOnly);
    if (!opened) {
        return makeError(ErrorCode::Io, u"cannot read the body from %1: %2"_s.arg(
                                            fromStdin ? u"stdin"_s : path, file.errorString()));
    }
    return std::optional<QString>(QString::fromUtf8(file.readAll()));
}

// A relative workspace path means the caller's folder, not the board's.
QString absolutePath(const QString &path)
{
    return QDir::cleanPath(QDir::current().absoluteFilePath(path));
}

QJsonArray toJsonArray(const auto &items)
{
    QJsonArray array;
    for (const auto &item : items)
        array << item.toJson();
    return array;
}

int create(CliSession &session)
{
    const CliArguments &arguments = session.arguments();
    const bool titleOption = arguments.isSet(u"title"_s);
    if (titleOption == !arguments.positionals().isEmpty()) {
        return session.usage(titleOption ? u"give the title once: --title T or TITLE"_s
                                         : u"create needs --title"_s);
    }
    if (arguments.isSet(u"body"_s) && arguments.isSet(u"body-file"_s))
        return session.usage(u"give --body or --body-file, not both"_s);
    Result<std::optional<QString>> body = readBody(arguments);
    if (!body)
        return session.fail(body.error());

    NewTask spec;
    spec.title = titleOption ? arguments.value(u"title"_s) : arguments.positional(0);
    spec.body = body->value_or(QString());
    spec.assignee = arguments.value(u"assignee"_s);
    spec.tenant = arguments.value(u"tenant"_s);
    spec.priority = int(arguments.number(u"priority"_s).value_or(0));
    spec.triage = arguments.isSet(u"triage"_s);
    spec.parents = arguments.values(u"parent"_s);
    if (arguments.isSet(u"workspace-path"_s)) {
        spec.workspacePath = absolutePath(arguments.value(u"workspace-path"_s));
        spec.workspaceKind = u"dir"_s; // a path alone names a folder to work in
    }
    if (arguments.isSet(u"workspace"_s))
        spec.workspaceKind = arguments.value(u"workspace"_s);
    spec.skills = arguments.values(u"skill"_s);
    spec.idempotencyKey = arguments.value(u"idempotency-key"_s);
    if (const auto retries = arguments.number(u"max-retries"_s))
        spec.maxRetries = int(*retries);
    if (const auto runtime = arguments.number(u"max-runtime"_s))
        spec.maxRuntime = int(*runtime);

    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    Result<Task> task = (*board)->create(spec);
    return task ? session.replyTask(*task) : session.fail(task.error());
}

int list(CliSession &session)
{
    const CliArguments &arguments = session.arguments();
    TaskFilter filter;
    if (arguments.isSet(u"status"_s))
        filter.status = TaskStatuses::fromString(arguments.value(u"status"_s));
    filter.assignee = arguments.value(u"assignee"_s);
    filter.tenant = arguments.value(u"tenant"_s);
    filter.includeArchived = arguments.isSet(u"archived"_s);

    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    Result<QList<Task>> tasks = (*board)->queries().tasks(filter);
    if (!tasks)
        return session.fail(tasks.error());
    return session.reply(toJsonArray(*tasks), TextFormatter::taskList(*tasks));
}

int show(CliSession &session)
{
    const QString id = session.arguments().positional(0);
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    TaskQueries &queries = (*board)->queries();
    Result<Task> task = queries.task(id);
    if (!task)
        return session.fail(task.error());
    Result<QList<Comment>> comments = queries.comments(id);
    if (!comments)
        return session.fail(comments.error());
    Result<QList<Run>> runs = queries.runs(id);
    if (!runs)
        return session.fail(runs.error());
    Result<QList<Event>> events = queries.events(id);
    if (!events)
        return session.fail(events.error());

    QJsonObject json = task->toJson();
    json.insert(u"comments"_s, toJsonArray(*comments));
    json.insert(u"runs"_s, toJsonArray(*runs));
    json.insert(u"events"_s, toJsonArray(*events));
    if (session.isJson())
        return session.reply(json, {});

    QList<Task> parents;
    QList<Task> children;
    for (const auto &[ids, loaded] : {std::pair{task->parents, &parents},
                                      std::pair{task->children, &children}}) {
        for (const QString &linked : ids) {
            Result<Task> other = queries.task(linked);
            if (!other)
                return session.fail(other.error());
            *loaded << *other;
        }
    }
    return session.reply(json, TextFormatter::taskDetails(*task, parents, children, *comments,
                                                          *runs, *events));
}

int edit(CliSession &session)
{
    const CliArguments &arguments = session.arguments();
    if (arguments.isSet(u"body"_s) && arguments.isSet(u"body-file"_s))
        return session.usage(u"give --body or --body-file, not both"_s);
    TaskEdit change;
    if (arguments.isSet(u"title"_s))
        change.title = arguments.value(u"title"_s);
    if (arguments.isSet(u"priority"_s))
        change.priority = int(*arguments.number(u"priority"_s));
    if (arguments.isSet(u"tenant"_s))
        change.tenant = arguments.value(u"tenant"_s);
    if (arguments.isSet(u"skill"_s))
        change.skills = arguments.values(u"skill"_s);
    if (arguments.isSet(u"workspace"_s))
        change.workspaceKind = arguments.value(u"workspace"_s);
    if (arguments.isSet(u"workspace-path"_s))
        change.workspacePath = absolutePath(arguments.value(u"workspace-path"_s));
    if (const auto retries = arguments.number(u"max-retries"_s))
        change.maxRetries = std::optional<int>(int(*retries));
    if (const auto runtime = arguments.number(u"max-runtime"_s))
        change.maxRuntime = std::optional<int>(int(*runtime));
    if (change.isEmpty() && !arguments.isSet(u"body"_s) && !arguments.isSet(u"body-file"_s))
        return session.usage(u"edit needs something to change"_s);
    Result<std::optional<QString>> body = readBody(arguments);
    if (!body)
        return session.fail(body.error());
    change.body = *body;

    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    Result<Task> task = (*board)->edit(arguments.positional(0), change);
    return task ? session.replyTask(*task) : session.fail(task.error());
}

int move(CliSession &session)
{
    const CliArguments &arguments = session.arguments();
    const QString statusName = arguments.positional(1);
    const std::optional<TaskStatus> status = TaskStatuses::fromString(statusName);
    if (!status) {
        return session.usage(u"STATUS must be one of %1, not %2"_s.arg(TaskStatuses::allNames(),
                                                                       statusName));
    }
    if (arguments.isSet(u"reason"_s) && status != TaskStatus::Blocked)
        return session.usage(u"--reason goes with a move to blocked"_s);
    if (arguments.isSet(u"summary"_s) && status != TaskStatus::Done)
        return session.usage(u"--summary goes with a move to done"_s);
    const QString note = arguments.isSet(u"reason"_s) ? arguments.value(u"reason"_s)
                                                      : arguments.value(u"summary"_s);
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    Result<Task> task = (*board)->move(arguments.positional(0), *status, note);
    return task ? session.replyTask(*task) : session.fail(task.error());
}

int assign(CliSession &session)
{
    const CliArguments &arguments = session.arguments();
    const bool none = arguments.isSet(u"none"_s);
    const bool named = arguments.positionals().size() > 1;
    if (none == named) {
        return session.usage(none ? u"give PROFILE or --none, not both"_s
                                  : u"assign needs PROFILE, or --none to unassign"_s);
    }
    if (named && arguments.positional(1).trimmed().isEmpty())
        return session.usage(u"PROFILE is empty; use --none to unassign"_s);
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    Result<Task> task = (*board)->assign(arguments.positional(0),
                                         none ? QString() : arguments.positional(1),
                                         u"qanbanctl"_s);
    return task ? session.replyTask(*task) : session.fail(task.error());
}

// Runs one kernel command on the task named by the first positional and prints the task.
CliVerb::Handler taskCommand(Result<Task> (TaskStore::*command)(const QString &))
{
    return [command](CliSession &session) {
        Result<TaskStore *> board = session.board();
        if (!board)
            return session.fail(board.error());
        Result<Task> task = ((*board)->*command)(session.arguments().positional(0));
        return task ? session.replyTask(*task) : session.fail(task.error());
    };
}

CliVerb::Handler linkCommand(Result<Task> (TaskStore::*command)(const QString &,
                                                                 const QString &))
{
    return [command](CliSession &session) {
        Result<TaskStore *> board = session.board();
        if (!board)
            return session.fail(board.error());
        const CliArguments &arguments = session.arguments();
        Result<Task> child = ((*board)->*command)(arguments.positional(0),
                                                  arguments.positional(1));
        return child ? session.replyTask(*child) : session.fail(child.error());
    };
}

QString defaultAuthor()
{
    for (const char *variable : {"QANBAN_PROFILE", "USER"}) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty())
            return name;
    }
    return u"operator"_s;
}

int comment(CliSession &session)
{
    const CliArguments &arguments = session.arguments();
    const bool hasInlineBody = arguments.positionals().size() > 1;
    if (hasInlineBody == arguments.isSet(u"body-file"_s)) {
        return session.usage(hasInlineBody ? u"give BODY or --body-file, not both"_s
                                     : u"comment needs BODY (or --body-file PATH)"_s);
    }
    QString body = arguments.positional(1);
    if (!hasInlineBody) {
        Result<std::optional<QString>> read = readBody(arguments);
        if (!read)
            return session.fail(read.error());
        body = read->value_or(QString());
    }
    const QString author = arguments.isSet(u"author"_s) ? arguments.value(u"author"_s)
                                                        : defaultAuthor();
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    Result<Comment> added = (*board)->comment(arguments.positional(0), author, body);
    if (!added)
        return session.fail(added.error());
    return session.reply(added->toJson(), TextFormatter::commentText(*added));
}

int runs(CliSession &session)
{
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    Result<QList<Run>> found = (*board)->queries().runs(session.arguments().positional(0));
    if (!found)
        return session.fail(found.error());
    return session.reply(toJsonArray(*found), TextFormatter::runList(*found));
}

int events(CliSession &session)
{
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    Result<QList<Event>> found = (*board)->queries().events(session.arguments().positional(0));
    if (!found)
        return session.fail(found.error());
    return session.reply(toJsonArray(*found), TextFormatter::eventList(*found));
}

} // namespace

QList<CliVerb> TaskVerbs::verbs()
{
    const CliOption body = CliOption::text(u"body"_s, u"B"_s);
    const CliOption bodyFile = CliOption::text(u"body-file"_s, u"PATH"_s);
    const CliOption workspace = CliOption::text(u"workspace"_s, {}).oneOf(workspaceKinds);
    const CliOption workspacePath = CliOption::text(u"workspace-path"_s, u"P"_s);
    const CliOption maxRetries = CliOption::integer(u"max-retries"_s);
    const CliOption maxRuntime = CliOption::integer(u"max-runtime"_s, u"SECONDS"_s);
    const QStringList id{u"ID"_s};

    return {
        {u"create"_s,
         {},
         {u"TITLE"_s},
         {CliOption::text(u"title"_s, u"T"_s), body, bodyFile,
          CliOption::text(u"assignee"_s, u"P"_s), CliOption::repeated(u"parent"_s, u"ID"_s),
          CliOption::text(u"tenant"_s, u"T"_s), CliOption::integer(u"priority"_s),
          CliOption::flag(u"triage"_s), workspace, workspacePath,
          CliOption::repeated(u"skill"_s, u"S"_s), CliOption::text(u"idempotency-key"_s, u"K"_s),
          maxRetries, maxRuntime},
         u"Create a task and print it"_s,
         create},
        {u"list"_s,
         {},
         {},
         {CliOption::text(u"status"_s, {}).oneOf(statusNames()),
          CliOption::text(u"assignee"_s, u"P"_s), CliOption::text(u"tenant"_s, u"T"_s),
          CliOption::flag(u"archived"_s)},
         u"List tasks (archived ones too with --archived)"_s,
         list},
        {u"show"_s, id, {}, {}, u"Show a task with its comments, runs and events"_s, show},
        {u"edit"_s,
         id,
         {},
         {CliOption::text(u"title"_s, u"T"_s), body, bodyFile, CliOption::integer(u"priority"_s),
          CliOption::text(u"tenant"_s, u"T"_s), CliOption::repeated(u"skill"_s, u"S"_s), workspace,
          workspacePath, maxRetries, maxRuntime},
         u"Change a task's fields"_s,
         edit},
        {u"move"_s,
         {u"ID"_s, u"STATUS"_s},
         {},
         {CliOption::text(u"reason"_s, u"R"_s), CliOption::text(u"summary"_s, u"S"_s)},
         u"Move a task to another column, as a drag on the board does"_s,
         move},
        {u"assign"_s,
         id,
         {u"PROFILE"_s},
         {CliOption::flag(u"none"_s)},
         u"Assign a task to a profile, or unassign it with --none"_s,
         assign},
        {u"link"_s,
         {u"PARENT"_s, u"CHILD"_s},
         {},
         {},
         u"Make CHILD wait for PARENT; prints the child"_s,
         linkCommand(&TaskStore::link)},
        {u"unlink"_s,
         {u"PARENT"_s, u"CHILD"_s},
         {},
         {},
         u"Remove a dependency; prints the child"_s,
         linkCommand(&TaskStore::unlink)},
        {u"unblock"_s, id, {}, {}, u"Send a blocked task back to ready"_s,
         taskCommand(&TaskStore::unblock)},
        {u"archive"_s, id, {}, {}, u"Archive a task"_s, taskCommand(&TaskStore::archive)},
        {u"unarchive"_s, id, {}, {}, u"Bring an archived task back"_s,
         taskCommand(&TaskStore::unarchive)},
        {u"comment"_s,
         id,
         {u"BODY"_s},
         {CliOption::text(u"author"_s, u"A"_s), bodyFile},
         u"Add a comment to a task"_s,
         comment},
        {u"runs"_s, id, {}, {}, u"List a task's runs"_s, runs},
        {u"events"_s, id, {}, {}, u"List a task's events"_s, events},
    };
}
