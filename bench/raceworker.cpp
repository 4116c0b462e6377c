#include "raceworker.h"

#include "database.h"
#include "taskstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

// Workers pick at random among the first ready tasks, as independent claimers do; all of
// them taking the very first one would measure nothing but lost races.
constexpr int candidateWindow = 64;
constexpr int reportedErrors = 5;
constexpr int givingUpErrors = 50; // a broken board must end the race, not spin

void printLine(const QJsonObject &object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace

RaceWorker::RaceWorker(const QString &databasePath, const QString &claimer)
    : m_databasePath(databasePath), m_claimer(claimer)
{
}

int RaceWorker::run()
{
    Result<std::unique_ptr<Database>> opened =
        Database::open(m_databasePath, Database::OpenMode::MustExist);
    if (!opened) {
        printLine({{u"claimer"_s, m_claimer}, {u"fatal"_s, opened.error().message}});
        return 1;
    }
    Database &database = **opened;
    TaskStore store(database);
    std::printf("ready\n");
    std::fflush(stdout);
    char line[64] = {};
    if (!std::fgets(line, sizeof line, stdin) || std::strncmp(line, "go", 2) != 0) {
        printLine({{u"claimer"_s, m_claimer}, {u"fatal"_s, u"no go signal"_s}});
        return 1;
    }

    QJsonArray completed;
    int lost = 0;
    int errors = 0;
    QJsonArray errorMessages;
    auto recordError = [&](const QString &message) {
        ++errors;
        if (errorMessages.size() < reportedErrors)
            errorMessages << message;
    };

    QStringList candidates;
    while (errors < givingUpErrors) {
        // The head of the Ready column in board order, read off idx_tasks_unfinished.
        PreparedStatement &ready = database.prepare(
            u"SELECT id FROM tasks WHERE status = 'ready' AND archived = 0 "
            "ORDER BY sort_rank LIMIT %1"_s.arg(candidateWindow));
        if (Result<void> done = database.exec(ready, "look for ready tasks"); !done) {
            recordError(done.error().message);
            break;
        }
        candidates.clear();
        while (ready.next())
            candidates << ready.value(0).toString();
        ready.finish();
        if (candidates.isEmpty())
            break;
        const QString id =
            candidates.at(QRandomGenerator::global()->bounded(int(candidates.size())));
        Result<Task> claimed = store.claim(id, m_claimer);
        if (!claimed) {
            const ErrorCode code = claimed.error().code;
            if (code == ErrorCode::Refused || code == ErrorCode::LostClaim)
                ++lost; // another worker got there first
            else
                recordError(claimed.error().message);
            continue;
        }
        Result<Task> done = store.complete(
            id,
            Completion{u"ok"_s, u"completed by %1"_s.arg(m_claimer), {}, claimed->currentRunId});
        if (!done) {
            recordError(done.error().message);
            continue;
        }
        completed << id;
    }
    printLine({{u"claimer"_s, m_claimer},
               {u"completed"_s, completed},
               {u"lost"_s, lost},
               {u"errors"_s, errors},
               {u"messages"_s, errorMessages}});
    return errors == 0 ? 0 : 1;
}
