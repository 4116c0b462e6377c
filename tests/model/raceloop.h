#pragma once

#include "database.h"
#include "taskstore.h"

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

// The claimers of the race tests, shared by the helper process (raceworker) and the
// in-process threads of tst_claimrace, so both race with exactly the same steps.
namespace RaceLoop {

struct Report {
    QStringList claimed; // tasks this claimer won and completed
    QStringList won;     // claimEach: tasks this claimer won
    int lostRaces = 0;   // clean refusals: someone else was first
    QStringList errors;  // anything else: a lock error that escaped, a failed complete...
};

inline bool isCleanLoss(const Error &error)
{
    return error.code == ErrorCode::Refused || error.code == ErrorCode::LostClaim;
}

// Claims and completes ready tasks until none is left. Picks among the first few
// ready tasks at random, so that claimers keep colliding on the same rows.
inline Report claimUntilEmpty(TaskStore &store, const QString &claimer)
{
    Report report;
    for (;;) {
        Result<QList<Task>> ready = store.queries().tasks(TaskFilter{.status = TaskStatus::Ready});
        if (!ready) {
            report.errors << QStringLiteral("list: ") + ready.error().message;
            return report;
        }
        if (ready->isEmpty())
            return report;
        const int pick = int(QRandomGenerator::global()->bounded(qMin<qsizetype>(ready->size(), 4)));
        const QString id = ready->at(pick).id;
        Result<Task> claimed = store.claim(id, claimer);
        if (!claimed) {
            if (isCleanLoss(claimed.error())) {
                ++report.lostRaces;
                continue;
            }
            report.errors << QStringLiteral("claim %1: %2").arg(id, claimed.error().message);
            return report;
        }
        if (claimed->claimLock != claimer || !claimed->currentRunId) {
            report.errors << QStringLiteral("claim %1 came back without our lock").arg(id);
            return report;
        }
        Result<Task> done = store.complete(
            id, Completion{claimer, QStringLiteral("done by ") + claimer, {}, claimed->currentRunId});
        if (!done) {
            report.errors << QStringLiteral("complete %1: %2").arg(id, done.error().message);
            return report;
        }
        report.claimed << id;
    }
}

// Tries to claim every task of `ids`, in that order; all claimers use the same order so
// that each task is fought over.
inline Report claimEach(TaskStore &store, const QString &claimer, const QStringList &ids)
{
    Report report;
    for (const QString &id : ids) {
        Result<Task> claimed = store.claim(id, claimer);
        if (claimed) {
            report.won << id;
        } else if (isCleanLoss(claimed.error())) {
            ++report.lostRaces;
        } else {
            report.errors << QStringLiteral("claim %1: %2").arg(id, claimed.error().message);
            return report;
        }
    }
    return report;
}

} // namespace RaceLoop
