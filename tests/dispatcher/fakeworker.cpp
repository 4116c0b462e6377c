// A real worker process for the dispatcher's tests. The first argument picks what it does;
// reports go straight through the kernel, as `qanbanctl complete/block/heartbeat` would.
//
//   complete | block REASON | exit CODE | signal NUMBER | hang | stubborn (ignores SIGTERM)
//   orphan PIDFILE (leaves a child running, then completes) | heartbeat COUNT (then completes)
//   env FILE (writes its environment, then completes) | wait FILE (completes once FILE exists)
//   sleep-exit MILLISECONDS CODE
#include "database.h"
#include "taskstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcessEnvironment>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<Database> openBoard()
{
    Result<std::unique_ptr<Database>> opened =
        Database::open(qEnvironmentVariable("QANBAN_DB"), Database::OpenMode::MustExist);
    if (!opened) {
        std::fprintf(stderr, "fakeworker: %s\n", qPrintable(opened.error().message));
        std::exit(90);
    }
    return std::move(opened).value();
}

qint64 runId()
{
    return qEnvironmentVariable("QANBAN_RUN").toLongLong();
}

int complete()
{
    auto database = openBoard();
    TaskStore store(*database);
    Result<Task> done = store.complete(qEnvironmentVariable("QANBAN_TASK"),
                                       Completion{u"done by fakeworker"_s, {}, {}, runId()});
    if (!done) {
        std::fprintf(stderr, "fakeworker: %s\n", qPrintable(done.error().message));
        return 91;
    }
    return 0;
}

void sleepForever()
{
    for (;;)
        ::pause();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    const QString mode = args.value(0);
    std::printf("fakeworker %s pid %lld\n", qPrintable(mode), qint64(::getpid()));
    std::fflush(stdout);

    if (mode == "complete"_L1)
        return complete();
    if (mode == "block"_L1) {
        auto database = openBoard();
        TaskStore store(*database);
        Result<Task> blocked = store.block(qEnvironmentVariable("QANBAN_TASK"), args.value(1),
                                           runId());
        return blocked ? 0 : 92;
    }
    if (mode == "exit"_L1)
        return args.value(1).toInt();
    if (mode == "signal"_L1) {
        const int number = args.value(1).toInt();
        std::signal(number, SIG_DFL);
        ::raise(number);
        return 93;
    }
    if (mode == "hang"_L1)
        sleepForever();
    if (mode == "stubborn"_L1) {
        std::signal(SIGTERM, SIG_IGN);
        sleepForever();
    }
    if (mode == "orphan"_L1) {
        const pid_t child = ::fork();
        if (child == 0) {
            std::signal(SIGTERM, SIG_IGN); // only SIGKILL ends it
            sleepForever();
        }
        QFile file(args.value(1));
        if (file.open(QIODevice::WriteOnly))
            file.write(QByteArray::number(qint64(child)));
        file.close();
        return complete();
    }
    if (mode == "heartbeat"_L1) {
        auto database = openBoard();
        TaskStore store(*database);
        const int count = args.value(1).toInt();
        for (int i = 0; i < count; ++i) {
            Result<Task> beat = store.heartbeat(qEnvironmentVariable("QANBAN_TASK"),
                                                qEnvironmentVariable("QANBAN_CLAIMER"), 60);
            if (!beat) {
                std::fprintf(stderr, "fakeworker: %s\n", qPrintable(beat.error().message));
                return 94;
            }
            QThread::msleep(20);
        }
        return complete();
    }
    if (mode == "env"_L1) {
        QFile file(args.value(1));
        if (!file.open(QIODevice::WriteOnly))
            return 95;
        const QStringList environment = QProcessEnvironment::systemEnvironment().toStringList();
        file.write(environment.join(u'\n').toUtf8());
        file.close();
        return complete();
    }
    if (mode == "wait"_L1) {
        while (!QFile::exists(args.value(1)))
            QThread::msleep(10);
        return complete();
    }
    if (mode == "sleep-exit"_L1) {
        QThread::msleep(args.value(1).toULong());
        return args.value(2).toInt();
    }
    std::fprintf(stderr, "fakeworker: unknown mode %s\n", qPrintable(mode));
    return 99;
}
