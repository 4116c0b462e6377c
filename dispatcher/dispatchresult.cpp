#include "dispatchresult.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

QJsonArray endedJson(const QList<DispatchResult::Ended> &list, bool withReason)
{
    QJsonArray array;
    for (const DispatchResult::Ended &ended : list) {
        QJsonObject object{{u"task"_s, ended.task}, {u"run"_s, QString::number(ended.run)}};
        if (withReason)
            object.insert(u"reason"_s, ended.reason);
        array.append(object);
    }
    return array;
}

QJsonArray assignmentsJson(const QList<DispatchPlan::Assignment> &list)
{
    QJsonArray array;
    for (const DispatchPlan::Assignment &item : list)
        array.append(QJsonObject{{u"task"_s, item.task}, {u"assignee"_s, item.assignee}});
    return array;
}

QJsonArray idsJson(const QStringList &ids)
{
    QJsonArray array;
    for (const QString &id : ids)
        array.append(QJsonObject{{u"task"_s, id}});
    return array;
}

} // namespace

bool DispatchResult::isQuiet() const
{
    return spawned.isEmpty() && autoAssignedDefault.isEmpty() && reclaimed == 0 && promoted == 0
        && crashed.isEmpty() && timedOut.isEmpty() && spawnFailed.isEmpty() && gaveUp.isEmpty();
}

QJsonObject DispatchResult::toJson() const
{
    QJsonArray spawnedJson;
    for (const Spawned &item : spawned) {
        spawnedJson.append(QJsonObject{
            {u"task"_s, item.task},
            {u"assignee"_s, item.assignee},
            {u"workspace"_s, item.workspace.isEmpty() ? QJsonValue() : QJsonValue(item.workspace)},
            {u"run"_s, item.run ? QJsonValue(QString::number(*item.run)) : QJsonValue()},
        });
    }
    QJsonArray cappedJson;
    for (const DispatchPlan::Capped &item : skippedPerProfileCapped) {
        cappedJson.append(QJsonObject{{u"task"_s, item.task},
                                      {u"assignee"_s, item.assignee},
                                      {u"running"_s, item.running}});
    }
    QJsonArray waitingJson;
    for (const DispatchPlan::Waiting &item : waitingRetry)
        waitingJson.append(
            QJsonObject{{u"task"_s, item.task}, {u"retry_after"_s, item.retryAfter}});
    return {
        {u"dry_run"_s, dryRun},
        {u"spawned"_s, spawnedJson},
        {u"skipped_unassigned"_s, idsJson(skippedUnassigned)},
        {u"skipped_nonspawnable"_s, assignmentsJson(skippedNonspawnable)},
        {u"skipped_per_profile_capped"_s, cappedJson},
        {u"skipped_global_cap"_s, idsJson(skippedGlobalCap)},
        {u"auto_assigned_default"_s, assignmentsJson(autoAssignedDefault)},
        {u"reclaimed"_s, reclaimed},
        {u"promoted"_s, promoted},
        {u"crashed"_s, endedJson(crashed, true)},
        {u"timed_out"_s, endedJson(timedOut, false)},
        {u"waiting_retry"_s, waitingJson},
        {u"spawn_failed"_s, endedJson(spawnFailed, true)},
        {u"gave_up"_s, endedJson(gaveUp, true)},
    };
}

QString DispatchResult::toText() const
{
    QStringList lines;
    lines << u"%1spawned %2, reclaimed %3, promoted %4, crashed %5, timed out %6"_s
                 .arg(dryRun ? u"dry run: would have "_s : QString())
                 .arg(spawned.size())
                 .arg(reclaimed)
                 .arg(promoted)
                 .arg(crashed.size())
                 .arg(timedOut.size());
    for (const Spawned &item : spawned) {
        lines << u"  spawned %1 as %2%3"_s.arg(
            item.task, item.assignee,
            item.run ? u" (run %1)"_s.arg(*item.run) : QString());
    }
    for (const DispatchPlan::Assignment &item : autoAssignedDefault)
        lines << u"  assigned %1 to the default assignee %2"_s.arg(item.task, item.assignee);
    for (const QString &id : skippedUnassigned)
        lines << u"  skipped %1: unassigned"_s.arg(id);
    for (const DispatchPlan::Assignment &item : skippedNonspawnable)
        lines << u"  skipped %1: no profile %2"_s.arg(item.task, item.assignee);
    for (const DispatchPlan::Capped &item : skippedPerProfileCapped) {
        lines << u"  skipped %1: %2 already runs %3"_s.arg(item.task, item.assignee)
                     .arg(item.running);
    }
    for (const QString &id : skippedGlobalCap)
        lines << u"  skipped %1: the global cap is reached"_s.arg(id);
    for (const DispatchPlan::Waiting &item : waitingRetry)
        lines << u"  waiting %1: retry after %2"_s.arg(item.task).arg(item.retryAfter);
    for (const Ended &item : crashed)
        lines << u"  crashed %1 (run %2): %3"_s.arg(item.task).arg(item.run).arg(item.reason);
    for (const Ended &item : timedOut)
        lines << u"  timed out %1 (run %2)"_s.arg(item.task).arg(item.run);
    for (const Ended &item : spawnFailed)
        lines << u"  failed to start %1: %2"_s.arg(item.task, item.reason);
    for (const Ended &item : gaveUp)
        lines << u"  gave up on %1: %2"_s.arg(item.task, item.reason);
    return lines.join(u'\n');
}
