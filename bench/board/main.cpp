#include "boardbench.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Measures the desktop board on a large database."_s);
    parser.addHelpOption();
    const QCommandLineOption quick(u"quick"_s, u"Small sizes: proves the benchmark runs."_s);
    parser.addOption(quick);
    parser.process(app);

    BoardBench::Sizes sizes;
    if (parser.isSet(quick))
        sizes = {2000, 400, 200, 3};
    BoardBench bench(sizes);
    return bench.run() ? 0 : 1;
}
