#include "dispatchpolicy.h"
#include "qanbantest.h"

using namespace Qt::StringLiterals;

// The decisions alone: a snapshot in, a plan out, no database and no processes.
class TestDispatchPolicy final : public QObject
{
    Q_OBJECT

private:
    static DispatchSnapshot::ReadyTask ready(const QString &id, const QString &assignee,
                                             int priority = 0, qint64 rank = 0)
    {
        DispatchSnapshot::ReadyTask task;
        task.id = id;
        task.assignee = assignee;
        task.priority = priority;
        task.rank = rank;
        return task;
    }

    static QString spawned(const DispatchPlan &plan)
    {
        QStringList items;
        for (const DispatchPlan::Assignment &item : plan.spawn)
            items << item.task + u':' + item.assignee;
        return items.join(u',');
    }

private Q_SLOTS:
    void shouldOrderByPriorityThenRank()
    {
        // GIVEN ready tasks of mixed priority and rank
        DispatchSnapshot snapshot;
        snapshot.profileCaps = {{u"coder"_s, 0}};
        snapshot.ready = {ready(u"low"_s, u"coder"_s, 0, 1), ready(u"high2"_s, u"coder"_s, 5, 9),
                          ready(u"high1"_s, u"coder"_s, 5, 3), ready(u"mid"_s, u"coder"_s, 2, 0)};
        // WHEN planning
        const DispatchPlan plan = DispatchPolicy::plan(snapshot, {});
        // THEN higher priority goes first, then lower rank
        QCOMPARE(spawned(plan), u"high1:coder,high2:coder,mid:coder,low:coder"_s);
    }

    void shouldSkipUnassignedAndNonspawnable()
    {
        DispatchSnapshot snapshot;
        snapshot.profileCaps = {{u"coder"_s, 0}};
        snapshot.ready = {ready(u"a"_s, {}), ready(u"b"_s, u"ghost"_s), ready(u"c"_s, u"coder"_s)};
        const DispatchPlan plan = DispatchPolicy::plan(snapshot, {});
        QCOMPARE(spawned(plan), u"c:coder"_s);
        QCOMPARE(plan.skippedUnassigned, QStringList{u"a"_s});
        QCOMPARE(plan.skippedNonspawnable.size(), 1);
        QCOMPARE(plan.skippedNonspawnable.first().task, u"b"_s);
        QCOMPARE(plan.skippedNonspawnable.first().assignee, u"ghost"_s);
        // Only the task a profile can run counts as startable work.
        QCOMPARE(plan.startable, 1);
    }

    void shouldApplyDefaultAssignee_data()
    {
        QTest::addColumn<QString>("defaultAssignee");
        QTest::addColumn<QString>("expectedSpawn");
        QTest::addColumn<int>("autoAssigned");
        QTest::addColumn<int>("unassigned");
        QTest::newRow("configured") << u"coder"_s << u"x:reviewer,a:coder"_s << 1 << 0;
        QTest::newRow("blank means none") << u"   "_s << u"x:reviewer"_s << 0 << 1;
        QTest::newRow("unset") << QString() << u"x:reviewer"_s << 0 << 1;
    }

    void shouldApplyDefaultAssignee()
    {
        QFETCH(QString, defaultAssignee);
        QFETCH(QString, expectedSpawn);
        QFETCH(int, autoAssigned);
        QFETCH(int, unassigned);
        // GIVEN an unassigned task and an explicitly assigned one
        DispatchSnapshot snapshot;
        snapshot.profileCaps = {{u"coder"_s, 0}, {u"reviewer"_s, 0}};
        snapshot.ready = {ready(u"x"_s, u"reviewer"_s, 1), ready(u"a"_s, {})};
        // WHEN planning with the default assignee
        const DispatchPlan plan = DispatchPolicy::plan(snapshot, {0, 0, defaultAssignee});
        // THEN only the unassigned task gets it; the explicit assignee is untouched
        QCOMPARE(spawned(plan), expectedSpawn);
        QCOMPARE(plan.autoAssigned.size(), autoAssigned);
        QCOMPARE(plan.skippedUnassigned.size(), unassigned);
    }

    void shouldApplyGlobalCapCountingRunningTasks()
    {
        // GIVEN one task already running and a global cap of 3
        DispatchSnapshot snapshot;
        snapshot.profileCaps = {{u"coder"_s, 0}};
        snapshot.runningByAssignee = {{u"coder"_s, 1}};
        snapshot.runningTotal = 1;
        for (int i = 0; i < 4; ++i)
            snapshot.ready << ready(u"t%1"_s.arg(i), u"coder"_s, 0, i);
        // WHEN planning
        const DispatchPlan plan = DispatchPolicy::plan(snapshot, {3, 0, {}});
        // THEN two more start and the rest wait for the cap
        QCOMPARE(spawned(plan), u"t0:coder,t1:coder"_s);
        QCOMPARE(plan.skippedGlobalCap, (QStringList{u"t2"_s, u"t3"_s}));
    }

    void shouldTreatZeroAsNoCap()
    {
        DispatchSnapshot snapshot;
        snapshot.profileCaps = {{u"coder"_s, 0}};
        snapshot.runningByAssignee = {{u"coder"_s, 7}};
        snapshot.runningTotal = 7;
        for (int i = 0; i < 5; ++i)
            snapshot.ready << ready(u"t%1"_s.arg(i), u"coder"_s, 0, i);
        const DispatchPlan plan = DispatchPolicy::plan(snapshot, {0, 0, {}});
        QCOMPARE(plan.spawn.size(), 5);
        QVERIFY(plan.skippedGlobalCap.isEmpty());
        QVERIFY(plan.skippedPerProfileCapped.isEmpty());
    }

    void shouldBalanceFanOutWithPerProfileCap()
    {
        // GIVEN a burst of work for one profile ahead of work for two others
        DispatchSnapshot snapshot;
        snapshot.profileCaps = {{u"a"_s, 0}, {u"b"_s, 0}, {u"c"_s, 0}};
        for (int i = 0; i < 5; ++i)
            snapshot.ready << ready(u"a%1"_s.arg(i), u"a"_s, 0, i);
        snapshot.ready << ready(u"b0"_s, u"b"_s, 0, 10) << ready(u"b1"_s, u"b"_s, 0, 11)
                       << ready(u"c0"_s, u"c"_s, 0, 12);
        // WHEN each profile may run two at a time
        const DispatchPlan plan = DispatchPolicy::plan(snapshot, {0, 2, {}});
        // THEN every profile gets its share instead of the first one taking everything
        QCOMPARE(spawned(plan), u"a0:a,a1:a,b0:b,b1:b,c0:c"_s);
        QCOMPARE(plan.skippedPerProfileCapped.size(), 3);
        QCOMPARE(plan.skippedPerProfileCapped.first().task, u"a2"_s);
        QCOMPARE(plan.skippedPerProfileCapped.first().running, 2);
    }

    void shouldCountRunningTasksAgainstPerProfileCap()
    {
        DispatchSnapshot snapshot;
        snapshot.profileCaps = {{u"a"_s, 0}};
        snapshot.runningByAssignee = {{u"a"_s, 2}};
        snapshot.runningTotal = 2;
        snapshot.ready = {ready(u"x"_s, u"a"_s)};
        const DispatchPlan plan = DispatchPolicy::plan(snapshot, {0, 2, {}});
        QVERIFY(plan.spawn.isEmpty());
        QCOMPARE(plan.skippedPerProfileCapped.size(), 1);
        QCOMPARE(plan.skippedPerProfileCapped.first().running, 2);
    }

    void shouldPreferProfileOwnCap()
    {
        // GIVEN a profile allowing 3 while the configured per-profile cap is 1
        DispatchSnapshot snapshot;
        snapshot.profileCaps = {{u"wide"_s, 3}, {u"narrow"_s, 0}};
        for (int i = 0; i < 4; ++i) {
            snapshot.ready << ready(u"w%1"_s.arg(i), u"wide"_s, 0, i)
                           << ready(u"n%1"_s.arg(i), u"narrow"_s, 0, 10 + i);
        }
        const DispatchPlan plan = DispatchPolicy::plan(snapshot, {0, 1, {}});
        QCOMPARE(spawned(plan), u"w0:wide,w1:wide,w2:wide,n0:narrow"_s);
        QCOMPARE(DispatchPolicy::profileCap(0, 0), 0);
        QCOMPARE(DispatchPolicy::profileCap(3, 1), 3);
        QCOMPARE(DispatchPolicy::profileCap(0, 2), 2);
    }

    void shouldWaitOutBackOff()
    {
        // GIVEN a task in its retry back-off and one free to run
        DispatchSnapshot snapshot;
        snapshot.now = 1000;
        snapshot.profileCaps = {{u"a"_s, 0}};
        DispatchSnapshot::ReadyTask waiting = ready(u"w"_s, u"a"_s, 9);
        waiting.retryAfter = 1030;
        DispatchSnapshot::ReadyTask due = ready(u"d"_s, u"a"_s, 0);
        due.retryAfter = 1000;
        snapshot.ready = {waiting, due};
        const DispatchPlan plan = DispatchPolicy::plan(snapshot, {});
        // THEN the waiting task is reported with its moment, the due one runs
        QCOMPARE(spawned(plan), u"d:a"_s);
        QCOMPARE(plan.waitingRetry.size(), 1);
        QCOMPARE(plan.waitingRetry.first().task, u"w"_s);
        QCOMPARE(plan.nextRetryAt, std::optional<qint64>(1030));
    }

    void shouldBeDeterministic()
    {
        DispatchSnapshot snapshot;
        snapshot.profileCaps = {{u"a"_s, 1}, {u"b"_s, 0}};
        for (int i = 0; i < 50; ++i)
            snapshot.ready << ready(u"t%1"_s.arg(i), i % 2 ? u"a"_s : u"b"_s, i % 3, 50 - i);
        const DispatchPlan first = DispatchPolicy::plan(snapshot, {10, 4, {}});
        std::reverse(snapshot.ready.begin(), snapshot.ready.end());
        const DispatchPlan second = DispatchPolicy::plan(snapshot, {10, 4, {}});
        QCOMPARE(spawned(first), spawned(second));
    }
};

QANBAN_TEST_MAIN(TestDispatchPolicy)
#include "tst_dispatchpolicy.moc"
