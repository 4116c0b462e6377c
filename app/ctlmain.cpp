#include "boardverbs.h"
#include "cliapp.h"
#include "taskverbs.h"
#include "workerverbs.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

// qanbanctl: the scripting and worker interface of the board (see docs/cli.md). Workers
// call it many times a minute, so it links QtCore and QtSql only.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"qanbanctl"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(QANBAN_VERSION));

    CliApp cli;
    cli.addVerbs(TaskVerbs::verbs());
    cli.addVerbs(WorkerVerbs::verbs());
    cli.addVerbs(BoardVerbs::verbs());
    // The dispatcher's verbs (dispatch, profile ...) are added here the same way.
    return cli.run(QCoreApplication::arguments().mid(1));
}
