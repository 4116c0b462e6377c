#include "boardverbs.h"
#include "cliapp.h"
#include "dispatcherverbs.h"
#include "runsupervisor.h"
#include "taskverbs.h"
#include "workerverbs.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

// qanbanctl: the scripting and worker interface of the board (see docs/cli.md). Workers
// call it many times a minute, so it links no GUI library, and QtKeychain is loaded
// (from the qanban-keychain module) only by the verbs that handle secrets.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"qanbanctl"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(QANBAN_VERSION));

    // Hidden: the supervisor the dispatcher starts for each worker (dispatcher/runsupervisor.h).
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.value(1) == "supervise"_L1)
        return RunSupervisor::exec(arguments.mid(2));

    CliApp cli;
    cli.addVerbs(TaskVerbs::verbs());
    cli.addVerbs(WorkerVerbs::verbs());
    cli.addVerbs(BoardVerbs::verbs());
    cli.addVerbs(DispatcherVerbs::verbs());
    return cli.run(QCoreApplication::arguments().mid(1));
}
