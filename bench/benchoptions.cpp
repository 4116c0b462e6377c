#include "benchoptions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace {

#ifdef QANBAN_BENCH_QANBANCTL
const QString builtQanbanctl = QStringLiteral(QANBAN_BENCH_QANBANCTL);
#else
const QString builtQanbanctl;
#endif

Result<int> positive(const QCommandLineParser &parser, const QCommandLineOption &option,
                     int fallback)
{
    if (!parser.isSet(option))
        return fallback;
    bool ok = false;
    const int value = parser.value(option).toInt(&ok);
    if (!ok || value < 1) {
        return makeError(ErrorCode::Invalid,
                         u"--%1 needs a whole number of 1 or more, not %2"_s.arg(
                             option.names().constFirst(), parser.value(option)));
    }
    return value;
}

} // namespace

int BenchOptions::repeatsFor(int size) const
{
    if (repeats > 0)
        return repeats;
    return size <= 10000 ? 3 : 1;
}

Result<BenchOptions> BenchOptions::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Measures the Qanban kernel (create, claim+complete in one and in several processes, "
        "list and show latency, completing a parent with many waiting children, database size) "
        "against this machine's raw SQLite transaction rate at synchronous=FULL."_s);
    parser.addHelpOption();
    const QCommandLineOption tasks(
        u"tasks"_s, u"Board sizes, comma-separated (default 10000,100000)."_s, u"N[,N...]"_s);
    const QCommandLineOption quick(u"quick"_s,
                                   u"Small sizes and short runs: proves the benchmark runs."_s);
    const QCommandLineOption json(u"json"_s, u"Print the report as one JSON object on stdout."_s);
    const QCommandLineOption repeats(
        u"repeats"_s, u"Full runs per size (default 3 up to 10000 tasks, 1 above)."_s, u"N"_s);
    const QCommandLineOption workers(u"workers"_s, u"Processes in the race (default 5)."_s, u"N"_s);
    const QCommandLineOption fanOut(u"fan-out"_s,
                                    u"Waiting children of the completed parent (default 1000)."_s,
                                    u"N"_s);
    const QCommandLineOption qanbanctl(
        u"qanbanctl"_s,
        u"The qanbanctl binary to time `show` with (default: the one built "
        "next to this benchmark)."_s,
        u"PATH"_s);
    const QCommandLineOption ctlRuns(u"ctl-runs"_s, u"Runs of `qanbanctl show` (default 15)."_s,
                                     u"N"_s);
    QCommandLineOption raceWorker(u"race-worker"_s, u"Internal: run as one worker of the race."_s);
    QCommandLineOption workerDatabase(u"db"_s, u"Internal: the race's database."_s, u"PATH"_s);
    QCommandLineOption workerClaimer(u"claimer"_s, u"Internal: the worker's claimer name."_s,
                                     u"NAME"_s);
    for (QCommandLineOption *hidden : {&raceWorker, &workerDatabase, &workerClaimer})
        hidden->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({tasks, quick, json, repeats, workers, fanOut, qanbanctl, ctlRuns, raceWorker,
                       workerDatabase, workerClaimer});
    if (!parser.parse(arguments))
        return makeError(ErrorCode::Invalid, parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(0); // exits
    if (!parser.positionalArguments().isEmpty()) {
        return makeError(ErrorCode::Invalid, u"unexpected argument %1"_s.arg(
                                                 parser.positionalArguments().constFirst()));
    }

    BenchOptions options;
    options.raceWorker = parser.isSet(raceWorker);
    if (options.raceWorker) {
        options.workerDatabase = parser.value(workerDatabase);
        options.workerClaimer = parser.value(workerClaimer);
        if (options.workerDatabase.isEmpty() || options.workerClaimer.isEmpty())
            return makeError(ErrorCode::Invalid, u"--race-worker needs --db and --claimer"_s);
        return options;
    }

    options.quick = parser.isSet(quick);
    options.json = parser.isSet(json);
    if (options.quick) {
        options.sizes = {300};
        options.repeats = 1;
        options.fanOut = 50;
        options.showSamples = 20;
        options.listRepeats = 3;
        options.ctlRuns = 3;
        options.rawSeconds = 0.15;
    }
    if (parser.isSet(tasks)) {
        options.sizes.clear();
        for (const QString &part : parser.value(tasks).split(u',', Qt::SkipEmptyParts)) {
            bool ok = false;
            const int size = part.trimmed().toInt(&ok);
            if (!ok || size < 1)
                return makeError(ErrorCode::Invalid,
                                 u"--tasks: %1 is not a board size"_s.arg(part));
            options.sizes << size;
        }
        if (options.sizes.isEmpty())
            return makeError(ErrorCode::Invalid, u"--tasks needs at least one size"_s);
    }
    for (const auto &[option, target] : {std::pair{&repeats, &options.repeats},
                                         std::pair{&workers, &options.workers},
                                         std::pair{&fanOut, &options.fanOut},
                                         std::pair{&ctlRuns, &options.ctlRuns}}) {
        Result<int> value = positive(parser, *option, *target);
        if (!value)
            return value.error();
        *target = *value;
    }
    options.qanbanctl = parser.isSet(qanbanctl) ? parser.value(qanbanctl) : builtQanbanctl;
    return options;
}
