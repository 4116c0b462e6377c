// A headless dispatcher in a process of its own, so a test can kill it with SIGKILL and
// check that the outcome of the worker it launched is still recorded.
// Usage: testdispatcher HOME SUPERVISOR
#include "dispatchcommand.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    DispatchCommand::Request request;
    request.home = args.value(1);
    request.watch = true;
    request.supervisorProgram = args.value(2);
    request.supervisorArguments = {};
    request.overrides.insert(QStringLiteral("retry_backoff"), QStringLiteral("0"));
    return DispatchCommand::run(
        request,
        [](const DispatchResult &result) {
            std::printf("%s\n", qPrintable(result.toText()));
            std::fflush(stdout);
        },
        [](const QString &error) { std::fprintf(stderr, "%s\n", qPrintable(error)); });
}
