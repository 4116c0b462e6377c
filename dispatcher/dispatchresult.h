#pragma once

#include "dispatchpolicy.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// What one tick did (or, for a dry run, would do): the dispatch result of the
// command-line contract, plus a few keys of our own (waiting_retry, spawn_failed,
// gave_up). A plain value that crosses threads in a queued signal.
struct DispatchResult {
    struct Spawned {
        QString task;
        QString assignee;
        QString workspace;
        std::optional<qint64> run; // null in a dry run
    };
    struct Ended {
        QString task;
        qint64 run = 0;
        QString reason;
    };

    bool dryRun = false;
    QList<Spawned> spawned;
    QStringList skippedUnassigned;
    QList<DispatchPlan::Assignment> skippedNonspawnable;
    QList<DispatchPlan::Capped> skippedPerProfileCapped;
    QStringList skippedGlobalCap;
    QList<DispatchPlan::Assignment> autoAssignedDefault;
    QList<DispatchPlan::Waiting> waitingRetry;
    int reclaimed = 0;
    int promoted = 0;
    QList<Ended> crashed;
    QList<Ended> timedOut;
    QList<Ended> spawnFailed;
    QList<Ended> gaveUp;

    // True when the tick changed nothing and found nothing to report.
    bool isQuiet() const;
    QJsonObject toJson() const;
    // A few human lines for qanbanctl without --json.
    QString toText() const;
};

Q_DECLARE_METATYPE(DispatchResult)
