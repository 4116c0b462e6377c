#include "workerverbs.h"

#include "boardhome.h"
#include "clisession.h"
#include "taskstore.h"
#include "textformatter.h"

#include <QJsonObject>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace {

QString claimer(const CliArguments &arguments)
{
    if (arguments.isSet(u"claimer"_s))
        return arguments.value(u"claimer"_s);
    const QString fromEnvironment = qEnvironmentVariable("QANBAN_CLAIMER");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return u"qanbanctl@"_s + QSysInfo::machineHostName();
}

qint64 ttl(const CliArguments &arguments)
{
    return arguments.number(u"ttl"_s).value_or(TaskStore::defaultClaimTtl);
}

// The attempt a complete or block belongs to: --run, else QANBAN_RUN (set by the
// dispatcher for its workers), else none. A value that is not a run id is a usage error:
// guessing would let a stale worker close someone else's attempt.
struct RunChoice {
    std::optional<qint64> run;
    QString problem;
};

RunChoice chosenRun(const CliArguments &arguments)
{
    if (arguments.isSet(u"run"_s))
        return {arguments.number(u"run"_s), {}};
    const QString fromEnvironment = qEnvironmentVariable("QANBAN_RUN").trimmed();
    if (fromEnvironment.isEmpty())
        return {};
    bool ok = false;
    const qint64 run = fromEnvironment.toLongLong(&ok);
    if (!ok || run < 1)
        return {std::nullopt, u"QANBAN_RUN is not a run id: %1"_s.arg(fromEnvironment)};
    return {run, {}};
}

QString claimText(const Task &task)
{
    QString text = TextFormatter::taskLine(task);
    if (task.currentRunId)
        text += u"\nrun:        %1"_s.arg(*task.currentRunId);
    if (!task.workspacePath.isEmpty())
        text += u"\nworkspace:  %1"_s.arg(task.workspacePath);
    return text;
}

int claim(CliSession &session)
{
    const CliArguments &arguments = session.arguments();
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    Result<Task> task = (*board)->claim(arguments.positional(0), claimer(arguments),
                                        ttl(arguments), session.home().workspacesDir());
    if (!task)
        return session.fail(task.error());
    return session.reply(task->toJson(), claimText(*task));
}

int heartbeat(CliSession &session)
{
    const CliArguments &arguments = session.arguments();
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    Result<Task> task = (*board)->heartbeat(arguments.positional(0), claimer(arguments),
                                            ttl(arguments));
    return task ? session.replyTask(*task) : session.fail(task.error());
}

int complete(CliSession &session)
{
    const CliArguments &arguments = session.arguments();
    const RunChoice run = chosenRun(arguments);
    if (!run.problem.isEmpty())
        return session.usage(run.problem);
    const Completion completion{arguments.value(u"result"_s), arguments.value(u"summary"_s),
                                arguments.value(u"metadata"_s), run.run};
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    Result<Task> task = (*board)->complete(arguments.positional(0), completion);
    return task ? session.replyTask(*task) : session.fail(task.error());
}

int block(CliSession &session)
{
    const CliArguments &arguments = session.arguments();
    const RunChoice run = chosenRun(arguments);
    if (!run.problem.isEmpty())
        return session.usage(run.problem);
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    Result<Task> task = (*board)->block(arguments.positional(0), arguments.value(u"reason"_s),
                                        run.run);
    return task ? session.replyTask(*task) : session.fail(task.error());
}

int context(CliSession &session)
{
    Result<TaskStore *> board = session.board();
    if (!board)
        return session.fail(board.error());
    Result<QString> text = (*board)->queries().workerContext(session.arguments().positional(0));
    if (!text)
        return session.fail(text.error());
    return session.reply(QJsonObject{{u"context"_s, *text}}, *text);
}

} // namespace

QList<CliVerb> WorkerVerbs::verbs()
{
    const QStringList id{u"ID"_s};
    const CliOption claimerOption = CliOption::text(u"claimer"_s, u"C"_s);
    const CliOption ttlOption = CliOption::integer(u"ttl"_s, u"SECONDS"_s);
    const CliOption run = CliOption::runId(u"run"_s);
    return {
        {u"claim"_s, id, {}, {claimerOption, ttlOption},
         u"Claim a ready task: it becomes running, with a new run"_s, claim},
        {u"heartbeat"_s, id, {}, {claimerOption, ttlOption},
         u"Extend the claim on a running task"_s, heartbeat},
        {u"complete"_s,
         id,
         {},
         {CliOption::text(u"result"_s, u"R"_s), CliOption::text(u"summary"_s, u"S"_s),
          CliOption::text(u"metadata"_s, u"JSON"_s), run},
         u"Mark a task done, closing its run"_s,
         complete},
        {u"block"_s, id, {}, {CliOption::text(u"reason"_s, u"R"_s).required(), run},
         u"Block a task with a reason, closing its run"_s, block},
        {u"context"_s, id, {}, {}, u"Print the context a worker is given for a task"_s, context},
    };
}
