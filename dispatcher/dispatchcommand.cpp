#include "dispatchcommand.h"

#include "boardhome.h"
#include "dispatcher.h"
#include "dispatcherconfig.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

int interruptPipe[2] = {-1, -1};

void onInterrupt(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(interruptPipe[1], &byte, 1);
}

// How long a one-shot dispatch waits for the keychain before it gives the spawns up.
constexpr int keychainWaitMs = 60000;

} // namespace

QHash<QString, QString> DispatchCommand::optionKeys()
{
    return {
        {u"max-in-progress"_s, u"max_in_progress"_s},
        {u"max-in-progress-per-profile"_s, u"max_in_progress_per_profile"_s},
        {u"default-assignee"_s, u"default_assignee"_s},
        {u"failure-limit"_s, u"failure_limit"_s},
        {u"retry-backoff"_s, u"retry_backoff"_s},
        {u"interval"_s, u"interval"_s},
    };
}

QString DispatchCommand::checkOverride(const QString &key, const QString &value)
{
    return DispatcherConfig::checkValue(key, value);
}

int DispatchCommand::run(const Request &request, const Printer &print, const ErrorPrinter &error)
{
    const BoardHome home(request.home);
    DispatcherConfig config = DispatcherConfig::load(home.configPath());
    for (auto it = request.overrides.cbegin(); it != request.overrides.cend(); ++it) {
        if (const QString problem = config.apply(it.key(), it.value()); !problem.isEmpty()) {
            error(problem);
            return 2;
        }
    }
    Dispatcher::Options options;
    options.home = home.root();
    options.databasePath = request.databasePath;
    options.config = config;
    options.supervisorProgram = request.supervisorProgram;
    options.supervisorArguments = request.supervisorArguments;
    Dispatcher dispatcher(options);
    if (Result<void> opened = dispatcher.open(); !opened) {
        error(opened.error().message);
        return 1;
    }

    if (request.dryRun) {
        print(dispatcher.tick(true));
        return 0;
    }

    if (!request.watch && !request.untilIdle) {
        DispatchResult result = dispatcher.tick();
        if (dispatcher.pendingSpawns() > 0) {
            // Spawns wait for the keychain; the supervisors they start outlive us.
            QEventLoop loop;
            QObject::connect(&dispatcher, &Dispatcher::spawnsSettled, &loop, &QEventLoop::quit);
            QTimer::singleShot(keychainWaitMs, &loop, &QEventLoop::quit);
            loop.exec();
        }
        dispatcher.takeCarried(result);
        print(result);
        return 0;
    }

    // Headless: until SIGINT/SIGTERM, or until idle with --until-idle.
    if (interruptPipe[0] < 0
        && ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, interruptPipe) != 0) {
        error(u"cannot install the signal handlers"_s);
        return 1;
    }
    QSocketNotifier notifier(interruptPipe[0], QSocketNotifier::Read);
    struct sigaction action = {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);

    QEventLoop loop;
    QObject::connect(&notifier, &QSocketNotifier::activated, &dispatcher, [&] {
        char byte = 0;
        [[maybe_unused]] const ssize_t got = ::read(interruptPipe[0], &byte, 1);
        dispatcher.shutdown();
        loop.quit();
    });
    QObject::connect(&dispatcher, &Dispatcher::ticked, &dispatcher,
                     [&](const DispatchResult &result) {
                         if (!result.isQuiet())
                             print(result);
                     });
    if (request.untilIdle)
        QObject::connect(&dispatcher, &Dispatcher::idle, &loop, &QEventLoop::quit);
    if (Result<void> watching = dispatcher.startWatching(); !watching) {
        error(watching.error().message);
        return 1;
    }
    loop.exec();
    return 0;
}
