#include "benchoptions.h"
#include "benchsuite.h"
#include "raceworker.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

// qanban-bench: see bench/CMakeLists.txt and docs/performance.md. Exit status 0 when
// every figure was measured and every invariant held, 1 otherwise, 2 on a usage error;
// never anything that depends on a timing.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("qanban-bench"));
    Result<BenchOptions> options = BenchOptions::parse(QCoreApplication::arguments());
    if (!options) {
        std::fprintf(stderr, "qanban-bench: %s\n", qUtf8Printable(options.error().message));
        return 2;
    }
    if (options->raceWorker)
        return RaceWorker(options->workerDatabase, options->workerClaimer).run();

    BenchSuite suite(*options);
    const BenchReport report = suite.run();
    if (options->json)
        std::printf("%s",
                    QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented).constData());
    else
        std::printf("\n%s", qUtf8Printable(report.text()));
    std::fflush(stdout);
    return report.invariantsHeld() && !report.hasErrors() ? 0 : 1;
}
