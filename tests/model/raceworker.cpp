// The helper process of tst_claimrace: one real process racing others on one board file.
//
//   raceworker drain <db> <name>          claim and complete ready tasks until none is left
//   raceworker each <db> <name> <ids...>  try to claim each task once, in the given order
//   raceworker open <db> <name>           open (or create) the board and add one task
//
// Each mode opens the board first, then waits for a line on stdin, so that the test can
// release all workers at once. Results go to stdout, one per line ("claimed <id>",
// "won <id>", "lost <n>"); anything that is not a clean refusal goes to stderr as
// "error: ..." and makes the exit code 2.

#include "raceloop.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>
#include <iostream>
#include <string>

using namespace Qt::StringLiterals;

namespace {

void out(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
}

int fail(const QString &message)
{
    std::fputs(qPrintable(u"error: "_s + message + u'\n'), stderr);
    std::fflush(stdout);
    return 2;
}

void waitForGo()
{
    std::string line;
    std::getline(std::cin, line);
}

int report(const RaceLoop::Report &report)
{
    for (const QString &id : report.claimed)
        out(u"claimed "_s + id);
    for (const QString &id : report.won)
        out(u"won "_s + id);
    out(u"lost %1"_s.arg(report.lostRaces));
    std::fflush(stdout);
    for (const QString &error : report.errors)
        std::fputs(qPrintable(u"error: "_s + error + u'\n'), stderr);
    return report.errors.isEmpty() ? 0 : 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 3)
        return fail(u"usage: raceworker drain|each|open <db> <name> [ids...]"_s);
    const QString mode = args.at(0);
    const QString path = args.at(1);
    const QString name = args.at(2);

    if (mode == "open"_L1) {
        waitForGo();
        Result<std::unique_ptr<Database>> database = Database::open(path);
        if (!database)
            return fail(u"open: "_s + database.error().message);
        TaskStore store(**database);
        Result<Task> task = store.create(NewTask{.title = u"made by "_s + name});
        if (!task)
            return fail(u"create: "_s + task.error().message);
        out(u"created "_s + task->id);
        return 0;
    }

    Result<std::unique_ptr<Database>> database = Database::open(path, Database::OpenMode::MustExist);
    if (!database)
        return fail(u"open: "_s + database.error().message);
    TaskStore store(**database);
    waitForGo();
    if (mode == "drain"_L1)
        return report(RaceLoop::claimUntilEmpty(store, name));
    if (mode == "each"_L1)
        return report(RaceLoop::claimEach(store, name, args.mid(3)));
    return fail(u"unknown mode "_s + mode);
}
