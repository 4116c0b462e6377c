// The supervisor the dispatcher's tests launch: `qanbanctl supervise` without the rest of
// qanbanctl, so these tests do not depend on the application.
#include "runsupervisor.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return RunSupervisor::exec(app.arguments().mid(1));
}
