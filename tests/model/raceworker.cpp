// The helper process of the kernel tests: one real process racing others on one board
// file (tst_claimrace), or dying in the middle of its work (tst_database).
//
//   raceworker drain <db> <name>          claim and complete ready tasks until none is left
//   raceworker drain-reaped <db> <name>   the same while a reaper takes claims back,
//                                         until every task is done
//   raceworker reap <db> <name>           release expired claims, with a clock an hour
//                                         ahead, until every task is done ("won <id>")
//   raceworker each <db> <name> <ids...>  try to claim each task once, in the given order
//   raceworker open <db> <name>           open (or create) the board and add one task
//   raceworker create <db> <name>         add tasks one after another, each id printed
//                                         once its create committed, until killed
//   raceworker crash <db> <name> <sql...> run the statements on a plain SQLite connection,
//                                         then exit without closing it, as a crash would:
//                                         committed data stays in the -wal file
//
// The race modes open the board first, then wait for a line on stdin, so that the test can
// release all workers at once. Results go to stdout, one per line ("claimed <id>",
// "won <id>", "lost <n>"); anything that is not a clean refusal goes to stderr as
// "error: ..." and makes the exit code 2.

#include "raceloop.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <cstdio>
#include <cstdlib>
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

    if (mode == "crash"_L1) {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"crash"_s);
        db.setDatabaseName(path);
        if (!db.open())
            return fail(u"open: "_s + db.lastError().text());
        QSqlQuery query(db);
        for (const QString &statement : args.mid(3)) {
            if (!query.exec(statement))
                return fail(statement + u": "_s + query.lastError().text());
        }
        query.finish();
        std::fflush(stdout);
        std::_Exit(0);
    }

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

    if (mode == "create"_L1) {
        Result<std::unique_ptr<Database>> database = Database::open(path);
        if (!database)
            return fail(u"open: "_s + database.error().message);
        TaskStore store(**database);
        for (int i = 1;; ++i) {
            Result<Task> task = store.create(NewTask{.title = u"%1 #%2"_s.arg(name).arg(i)});
            if (!task)
                return fail(u"create: "_s + task.error().message);
            out(u"created "_s + task->id);
            std::fflush(stdout);
        }
    }

    Result<std::unique_ptr<Database>> database =
        Database::open(path, Database::OpenMode::MustExist);
    if (!database)
        return fail(u"open: "_s + database.error().message);
    TaskStore store(**database);
    waitForGo();
    if (mode == "drain"_L1)
        return report(RaceLoop::claimUntilEmpty(store, name));
    if (mode == "drain-reaped"_L1)
        return report(RaceLoop::claimUntilEmpty(store, name, true));
    if (mode == "reap"_L1) {
        store.setClock([] {
            return QDateTime::currentSecsSinceEpoch() + 3600;
        });
        return report(RaceLoop::reapUntilDone(store));
    }
    if (mode == "each"_L1)
        return report(RaceLoop::claimEach(store, name, args.mid(3)));
    return fail(u"unknown mode "_s + mode);
}
