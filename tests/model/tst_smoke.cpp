#include "qanbantest.h"
#include "tempboard.h"

using namespace Qt::StringLiterals;

class SmokeTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldRunATaskThroughItsLife()
    {
        TempBoard board;
        QVERIFY(board.isValid());
        Result<Task> parent = board.store().create(NewTask{.title = u"parent"_s});
        QVERIFY2(parent, qPrintable(parent.error().message));
        QCOMPARE(parent->status, TaskStatus::Ready);
        Result<Task> child = board.store().create(NewTask{.title = u"child"_s, .parents = {parent->id}});
        QVERIFY2(child, qPrintable(child.error().message));
        QCOMPARE(child->status, TaskStatus::Todo);
        Result<Task> claimed = board.store().claim(parent->id, u"me"_s);
        QVERIFY2(claimed, qPrintable(claimed.error().message));
        QCOMPARE(claimed->status, TaskStatus::Running);
        Result<Task> done = board.store().complete(parent->id, Completion{u"ok"_s, u"all good"_s, {}, claimed->currentRunId});
        QVERIFY2(done, qPrintable(done.error().message));
        Result<Task> promoted = board.queries().task(child->id);
        QVERIFY(promoted);
        QCOMPARE(promoted->status, TaskStatus::Ready);
        Result<QList<Run>> runs = board.queries().runs(parent->id);
        QVERIFY(runs);
        QCOMPARE(runs->size(), 1);
        QCOMPARE(runs->first().outcome, u"completed"_s);
        Result<Task> cycle = board.store().link(child->id, parent->id);
        QVERIFY(!cycle);
        QCOMPARE(cycle.error().code, ErrorCode::Cycle);
        Result<QList<Task>> all = board.queries().tasks();
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
    }
};

QANBAN_TEST_MAIN(SmokeTest)
#include "tst_smoke.moc"
