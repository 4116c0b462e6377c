#include "dispatchbench.h"

#include "database.h"
#include "dispatcher.h"
#include "dispatchsnapshot.h"
#include "profilecatalog.h"
#include "taskstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

QList<double> sorted(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values;
}

} // namespace

double DispatchBench::Figures::median() const
{
    return percentile(0.5);
}

double DispatchBench::Figures::percentile(double fraction) const
{
    if (samplesMs.isEmpty())
        return 0;
    const QList<double> values = sorted(samplesMs);
    return values.at(qMin(values.size() - 1, qsizetype(fraction * double(values.size()))));
}

double DispatchBench::Figures::minimum() const
{
    return samplesMs.isEmpty() ? 0 : sorted(samplesMs).first();
}

DispatchBench::Figures DispatchBench::dryRunTick(int tasks, int profiles, int repeats)
{
    Figures figures;
    QTemporaryDir dir;
    const BoardHome home(dir.path());
    ProfileCatalog catalog(home.profilesDir());
    for (int i = 0; i < profiles; ++i) {
        Profile profile;
        profile.name = u"profile%1"_s.arg(i);
        profile.program = u"/bin/true"_s;
        profile.maxInProgress = (i % 5 == 0) ? 3 : 0;
        (void)catalog.save(profile);
    }
    {
        Result<std::unique_ptr<Database>> opened = Database::open(home.databasePath());
        if (!opened) {
            std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
            return figures;
        }
        TaskStore store(**opened);
        for (int i = 0; i < tasks; ++i) {
            NewTask spec;
            spec.title = u"task %1"_s.arg(i);
            // A few unassigned and profile-less tasks, as on a real board.
            spec.assignee = i % 97 == 0 ? QString()
                : i % 89 == 0          ? u"nobody"_s
                                       : u"profile%1"_s.arg(i % profiles);
            spec.priority = i % 7;
            if (!store.create(spec)) {
                std::fprintf(stderr, "cannot create task %d\n", i);
                return figures;
            }
        }
    }
    Dispatcher::Options options;
    options.home = home.root();
    options.config.maxInProgress = 200;
    options.config.maxInProgressPerProfile = 2;
    options.config.defaultAssignee = u"profile0"_s;
    Dispatcher dispatcher(options);
    if (!dispatcher.open())
        return figures;
    const DispatchResult warm = dispatcher.tick(true);
    std::printf("  dry run: %lld would start, %lld capped per profile, %lld at the global cap, "
                "%lld without a profile\n",
                qint64(warm.spawned.size()), qint64(warm.skippedPerProfileCapped.size()),
                qint64(warm.skippedGlobalCap.size()), qint64(warm.skippedNonspawnable.size()));
    if (qEnvironmentVariableIsSet("QANBAN_BENCH_PARTS")) {
        Result<std::unique_ptr<Database>> own = Database::open(home.databasePath());
        QList<double> reads;
        for (int i = 0; i < repeats; ++i) {
            QElapsedTimer timer;
            timer.start();
            Result<DispatchSnapshot> snapshot = DispatchSnapshot::read(**own, 0, true);
            reads << double(timer.nsecsElapsed()) / 1e6;
        }
        std::printf("  of which the snapshot read: median %.2f ms\n",
                    Figures{reads}.median());
    }
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        const DispatchResult result = dispatcher.tick(true);
        figures.samplesMs << double(timer.nsecsElapsed()) / 1e6;
        Q_UNUSED(result);
    }
    return figures;
}

DispatchBench::Figures DispatchBench::readyToRunning(const QString &qanbanctl, int samples)
{
    Figures figures;
    if (qanbanctl.isEmpty() || !QFile::exists(qanbanctl))
        return figures;
    QTemporaryDir dir;
    const BoardHome home(dir.path());
    Result<std::unique_ptr<Database>> opened = Database::open(home.databasePath());
    if (!opened)
        return figures;
    TaskStore store(**opened);

    // The worker notes the moment it runs, then reports through qanbanctl like a real one.
    Profile profile;
    profile.name = u"timer"_s;
    profile.program = u"/bin/sh"_s;
    profile.arguments = {u"-c"_s, u"date +%s%N > \"$QANBAN_WORKSPACE/started\"; "
                                  "exec \"$QANBANCTL\" complete \"$QANBAN_TASK\" >/dev/null"_s};
    profile.environment = {{u"QANBANCTL"_s, qanbanctl}};
    ProfileCatalog catalog(home.profilesDir());
    (void)catalog.save(profile);

    QProcess dispatcher;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QANBAN_HOME"_s, home.root());
    dispatcher.setProcessEnvironment(environment);
    dispatcher.setStandardOutputFile(QProcess::nullDevice());
    dispatcher.start(qanbanctl, {u"--home"_s, home.root(), u"dispatch"_s, u"--watch"_s,
                                 u"--interval"_s, u"3600"_s});
    if (!dispatcher.waitForStarted())
        return figures;
    QThread::msleep(300); // let it open the board and its change feed

    for (int i = 0; i < samples; ++i) {
        NewTask spec;
        spec.title = u"latency %1"_s.arg(i);
        spec.assignee = u"timer"_s;
        const qint64 readyAt = nowNs();
        Result<Task> created = store.create(spec); // ready the moment this commits
        if (!created)
            break;
        const QString marker = QDir(home.workspacesDir()).filePath(created->id + u"/started"_s);
        QElapsedTimer waited;
        waited.start();
        QByteArray stamp;
        while (waited.elapsed() < 10000) {
            QFile file(marker);
            if (file.open(QIODevice::ReadOnly))
                stamp = file.readAll().trimmed();
            if (!stamp.isEmpty())
                break;
            QThread::usleep(200);
        }
        if (stamp.isEmpty()) {
            std::fprintf(stderr, "  sample %d: the worker never ran\n", i);
            continue;
        }
        figures.samplesMs << double(stamp.toLongLong() - readyAt) / 1e6;
        // One at a time: wait for the run to end before the next sample.
        while (waited.elapsed() < 10000) {
            Result<Task> now = store.queries().task(created->id);
            if (now && now->status == TaskStatus::Done)
                break;
            QThread::msleep(2);
        }
    }
    dispatcher.terminate();
    dispatcher.waitForFinished(15000);
    return figures;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(u"--quick"_s);
    const int tasks = quick ? 1000 : 10000;
    std::printf("Dispatcher benchmark (%s)\n", quick ? "quick" : "full");

    std::printf("1. dry-run tick, %d ready tasks across 50 profiles (target < 20 ms)\n", tasks);
    const DispatchBench::Figures tick = DispatchBench::dryRunTick(tasks, 50, quick ? 5 : 30);
    std::printf("  median %.2f ms, p90 %.2f ms, min %.2f ms over %lld ticks\n", tick.median(),
                tick.percentile(0.9), tick.minimum(), qint64(tick.samplesMs.size()));

#ifdef QANBAN_BENCH_QANBANCTL
    const QString qanbanctl = QStringLiteral(QANBAN_BENCH_QANBANCTL);
#else
    const QString qanbanctl;
#endif
    if (qEnvironmentVariableIsSet("QANBAN_BENCH_PARTS"))
        return 0;
    std::printf("2. ready -> worker running, qanbanctl dispatch --watch (target median < 50 ms)\n");
    const DispatchBench::Figures latency =
        DispatchBench::readyToRunning(qanbanctl, quick ? 5 : 40);
    if (latency.samplesMs.isEmpty()) {
        std::printf("  skipped: no qanbanctl\n");
    } else {
        std::printf("  median %.1f ms, p90 %.1f ms, min %.1f ms over %lld tasks\n",
                    latency.median(), latency.percentile(0.9), latency.minimum(),
                    qint64(latency.samplesMs.size()));
    }
    return 0;
}
