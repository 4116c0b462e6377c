#include "boardhome.h"
#include "database.h"
#include "taskqueries.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const BoardHome home = BoardHome::resolve();
    Result<std::unique_ptr<Database>> database = Database::open(home.databasePath());
    if (!database) {
        std::fprintf(stderr, "qanbanctl: error: %s\n", qUtf8Printable(database.error().message));
        return 1;
    }
    TaskQueries queries(**database);
    Result<BoardStats> stats = queries.stats();
    if (!stats) {
        std::fprintf(stderr, "qanbanctl: error: %s\n", qUtf8Printable(stats.error().message));
        return 1;
    }
    std::printf("%s\n", QJsonDocument(stats->toJson()).toJson().constData());
    return 0;
}
