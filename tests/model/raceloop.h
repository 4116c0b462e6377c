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
    QStringList won; // claimEach: tasks this claimer won; reapUntilDone: tasks released
    int lostRaces = 0; // clean refusals: someone else was first
    QStringList errors; // anything else: a lock error that escaped, a failed complete...
};

inline bool isCleanLoss(const Error &error)
{
    return error.code == ErrorCode::Refused || error.code == ErrorCode::LostClaim;
}

inline Result<int> unfinished(TaskStore &store)
{
    Result<BoardStats> stats = store.queries().stats();
    if (!stats)
        return stats.error();
    return stats->total - stats->byStatus.value(QStringLiteral("done"));
}

// Claims and completes ready tasks until none is left. Picks among the first few
// ready tasks at random, so that claimers keep colliding on the same rows. With a reaper
// at work, a claim can be taken back before it completes; the claimer then goes on, and
// stops only when every task is done.
inline Report claimUntilEmpty(TaskStore &store, const QString &claimer, bool withReaper = false)
{
    Report report;
    for (;;) {
        Result<QList<Task>> ready = store.queries().tasks(TaskFilter{.status = TaskStatus::Ready});
        if (!ready) {
            report.errors << QStringLiteral("list: ") + ready.error().message;
            return report;
        }
        if (ready->isEmpty()) {
            if (!withReaper)
                return report;
            Result<int> left = unfinished(store);
            if (!left) {
                report.errors << QStringLiteral("count: ") + left.error().message;
                return report;
            }
            if (*left == 0)
                return report;
            continue;
        }
        const int pick =
            int(QRandomGenerator::global()->bounded(qMin<qsizetype>(ready->size(), 4)));
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
            id,
            Completion{claimer, QStringLiteral("done by ") + claimer, {}, claimed->currentRunId});
        if (!done) {
            if (withReaper && isCleanLoss(done.error())) {
                // Reaped before we finished, and maybe claimed and completed by another
                // since: no longer ours to complete.
                ++report.lostRaces;
                continue;
            }
            report.errors << QStringLiteral("complete %1: %2").arg(id, done.error().message);
            return report;
        }
        report.claimed << id;
    }
}

// Releases expired claims until every task is done. Its store's clock should run far
// ahead of the claimers', so that every claim it sees has expired.
inline Report reapUntilDone(TaskStore &store)
{
    Report report;
    for (;;) {
        Result<QStringList> released = store.releaseExpiredClaims();
        if (!released) {
            report.errors << QStringLiteral("release: ") + released.error().message;
            return report;
        }
        report.won << *released;
        Result<int> left = unfinished(store);
        if (!left) {
            report.errors << QStringLiteral("count: ") + left.error().message;
            return report;
        }
        if (*left == 0)
            return report;
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
