#include "qanbantest.h"
#include "tempboard.h"

#include <QRandomGenerator>
#include <QSqlQuery>

#include <source_location>

using namespace Qt::StringLiterals;

namespace {

template <typename T>
T must(Result<T> result, std::source_location where = std::source_location::current())
{
    if (!result) {
        QTest::qFail(qPrintable(u"unexpected error: "_s + result.error().message),
                     where.file_name(), int(where.line()));
        return T{};
    }
    return std::move(result).value();
}

// A board with one task in every situation a listing can filter on. Tasks are known by
// their titles.
//   A ready    coder     acme
//   B todo     reviewer  beta     child of A
//   C running  coder     acme
//   D done     -         acme     archived
//   E blocked  coder     -
//   F triage   -         -
//   G done     reviewer  beta     child of A and of F
class ListingBoard final
{
public:
    ListingBoard()
    {
        add(u"A"_s, NewTask{.assignee = u"coder"_s, .tenant = u"acme"_s});
        add(u"B"_s,
            NewTask{.assignee = u"reviewer"_s, .tenant = u"beta"_s, .parents = {id(u"A"_s)}});
        add(u"C"_s, NewTask{.assignee = u"coder"_s, .tenant = u"acme"_s});
        must(store().claim(id(u"C"_s), u"w1"_s));
        add(u"D"_s, NewTask{.tenant = u"acme"_s});
        must(store().complete(id(u"D"_s), Completion{u"d"_s, {}, {}, {}}));
        must(store().archive(id(u"D"_s)));
        add(u"E"_s, NewTask{.assignee = u"coder"_s});
        must(store().block(id(u"E"_s), u"needs a key"_s));
        add(u"F"_s, NewTask{.triage = true});
        add(u"G"_s, NewTask{.assignee = u"reviewer"_s, .tenant = u"beta"_s});
        must(store().link(id(u"A"_s), id(u"G"_s)));
        must(store().link(id(u"F"_s), id(u"G"_s)));
        must(store().move(id(u"G"_s), TaskStatus::Done, u"by hand"_s));
    }

    TempBoard &temp() { return m_board; }
    TaskStore &store() { return m_board.store(); }
    TaskQueries &queries() { return m_board.queries(); }
    QString id(const QString &title) const { return m_ids.value(title, title); }
    QString title(const QString &id) const { return m_titles.value(id, id); }
    QString titles(const QStringList &ids) const
    {
        QStringList titles;
        for (const QString &id : ids)
            titles << title(id);
        return titles.join(u',');
    }
    // "A,B,C": the titles of a listing, in its order.
    QString list(const TaskFilter &filter)
    {
        QStringList titles;
        for (const Task &task : must(queries().tasks(filter)))
            titles << task.title;
        return titles.join(u',');
    }

private:
    void add(const QString &title, NewTask spec)
    {
        spec.title = title;
        const Task task = must(store().create(spec));
        m_ids.insert(title, task.id);
        m_titles.insert(task.id, title);
    }

    TempBoard m_board;
    QHash<QString, QString> m_ids;
    QHash<QString, QString> m_titles;
};

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

Q_DECLARE_METATYPE(TaskFilter)

// TaskQueries: listings, links, counts, the event cursor and the worker's context.
class TaskQueriesTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldFilterListings_data()
    {
        QTest::addColumn<TaskFilter>("filter");
        QTest::addColumn<QString>("titles");
        QTest::newRow("default hides archived") << TaskFilter{} << u"A,B,C,E,F,G"_s;
        QTest::newRow("ready") << TaskFilter{.status = TaskStatus::Ready} << u"A"_s;
        QTest::newRow("todo") << TaskFilter{.status = TaskStatus::Todo} << u"B"_s;
        QTest::newRow("running") << TaskFilter{.status = TaskStatus::Running} << u"C"_s;
        QTest::newRow("blocked") << TaskFilter{.status = TaskStatus::Blocked} << u"E"_s;
        QTest::newRow("triage") << TaskFilter{.status = TaskStatus::Triage} << u"F"_s;
        QTest::newRow("done, archived hidden") << TaskFilter{.status = TaskStatus::Done} << u"G"_s;
        QTest::newRow("done, archived included")
            << TaskFilter{.status = TaskStatus::Done, .includeArchived = true} << u"D,G"_s;
        QTest::newRow("archived only") << TaskFilter{.archivedOnly = true} << u"D"_s;
        QTest::newRow("assignee") << TaskFilter{.assignee = u"coder"_s} << u"A,C,E"_s;
        QTest::newRow("assignee and status")
            << TaskFilter{.status = TaskStatus::Running, .assignee = u"coder"_s} << u"C"_s;
        QTest::newRow("assignee nobody has") << TaskFilter{.assignee = u"ghost"_s} << u""_s;
        QTest::newRow("tenant") << TaskFilter{.tenant = u"acme"_s} << u"A,C"_s;
        QTest::newRow("tenant with archived")
            << TaskFilter{.tenant = u"acme"_s, .includeArchived = true} << u"A,C,D"_s;
        QTest::newRow("tenant and assignee")
            << TaskFilter{.assignee = u"reviewer"_s, .tenant = u"beta"_s} << u"B,G"_s;
        QTest::newRow("tenant and status")
            << TaskFilter{.status = TaskStatus::Todo, .tenant = u"beta"_s} << u"B"_s;
        QTest::newRow("tenant of another assignee")
            << TaskFilter{.assignee = u"coder"_s, .tenant = u"beta"_s} << u""_s;
    }

    void shouldFilterListings()
    {
        // GIVEN a board with tasks in every situation
        QFETCH(TaskFilter, filter);
        QFETCH(QString, titles);
        ListingBoard board;
        QVERIFY(!QTest::currentTestFailed());

        // WHEN it is listed with a filter THEN exactly the matching tasks come, by rank
        QCOMPARE(board.list(filter), titles);
    }

    void shouldListInRankOrder()
    {
        // GIVEN a column whose order was changed by hand
        ListingBoard board;
        const Task extra =
            must(board.store().create(NewTask{.title = u"H"_s, .assignee = u"coder"_s}));
        must(board.store().placeBefore(extra.id, board.id(u"A"_s)));

        // WHEN it is listed THEN the manual order wins over creation order
        QCOMPARE(board.list(TaskFilter{.status = TaskStatus::Ready}), u"H,A"_s);
        QCOMPARE(board.list(TaskFilter{.assignee = u"coder"_s}), u"H,A,C,E"_s);
    }

    void shouldListInTheOrderSqlWouldSort()
    {
        // GIVEN 40 tasks reordered by hand many times, so that the rows as stored are in
        // an order far from the column's (long cycles, ranks renumbered and tied)
        TempBoard board;
        QStringList ids;
        for (int i = 0; i < 40; ++i)
            ids << must(board.store().create(NewTask{.title = u"t%1"_s.arg(i)})).id;
        QRandomGenerator random(7);
        for (int move = 0; move < 120; ++move) {
            const QString moved = ids.at(random.bounded(ids.size()));
            const QString before = ids.at(random.bounded(ids.size()));
            if (moved != before)
                must(board.store().placeBefore(moved, before));
        }
        QSqlQuery sorted(board.database().connection());
        QVERIFY(sorted.exec(u"SELECT id FROM tasks ORDER BY sort_rank, id"_s));
        QStringList expected;
        while (sorted.next())
            expected << sorted.value(0).toString();

        // WHEN the board is listed THEN it comes in SQL's ORDER BY sort_rank, id
        QStringList listed;
        for (const Task &task : must(board.queries().tasks()))
            listed << task.id;
        QCOMPARE(listed, expected);
        QVERIFY(listed != ids); // the moves did change the order
    }

    void shouldListAnUnfinishedColumnThroughTheIndex_data()
    {
        QTest::addColumn<int>("status");
        for (TaskStatus status : TaskStatuses::all()) {
            if (status != TaskStatus::Done)
                QTest::newRow(qPrintable(TaskStatuses::toString(status))) << int(status);
        }
    }

    void shouldListAnUnfinishedColumnThroughTheIndex()
    {
        // GIVEN a board of many done tasks and one in the column (and no links, whose
        // listing reads that whole table)
        QFETCH(int, status);
        TempBoard board;
        for (int i = 0; i < 20; ++i) {
            const Task task = must(board.store().create(NewTask{.title = u"old"_s}));
            must(board.store().complete(task.id, Completion{u"ok"_s, {}, {}, {}}));
        }
        const Task task = must(board.store().create(NewTask{.title = u"live"_s}));
        switch (TaskStatus(status)) {
        case TaskStatus::Running: must(board.store().claim(task.id, u"w1"_s)); break;
        case TaskStatus::Blocked: must(board.store().block(task.id, u"needs a key"_s)); break;
        case TaskStatus::Triage:
        case TaskStatus::Todo: must(board.store().move(task.id, TaskStatus(status))); break;
        case TaskStatus::Ready:
        case TaskStatus::Done: break;
        }
        board.database().takeFullScanSteps();

        // WHEN the column is listed
        const QList<Task> column =
            must(board.queries().tasks(TaskFilter{.status = TaskStatus(status)}));

        // THEN its task comes through the index, not by reading every done task
        QCOMPARE(column.size(), 1);
        QCOMPARE(column.constFirst().id, task.id);
        QCOMPARE(board.database().takeFullScanSteps(), 0);
    }

    void shouldListTheDoneColumnFromTheTable()
    {
        // GIVEN done tasks, which the status index leaves out (schema version 5)
        TempBoard board;
        QStringList done;
        for (int i = 0; i < 5; ++i) {
            const Task task = must(board.store().create(NewTask{.title = u"old"_s}));
            must(board.store().complete(task.id, Completion{u"ok"_s, {}, {}, {}}));
            done << task.id;
        }
        must(board.store().create(NewTask{.title = u"live"_s}));
        board.database().takeFullScanSteps();

        // WHEN the done column is listed THEN the table is read, and every one comes, in order
        const QList<Task> column =
            must(board.queries().tasks(TaskFilter{.status = TaskStatus::Done}));
        QStringList ids;
        for (const Task &task : column)
            ids << task.id;
        QCOMPARE(ids, done);
        QVERIFY(board.database().takeFullScanSteps() > 0);
    }

    void shouldCarryParentsAndChildren()
    {
        // GIVEN A -> B, A -> G and F -> G
        ListingBoard board;

        // WHEN tasks are read one by one and in a listing
        const Task a = must(board.queries().task(board.id(u"A"_s)));
        const Task g = must(board.queries().task(board.id(u"G"_s)));
        QHash<QString, Task> listed;
        for (const Task &task : must(board.queries().tasks()))
            listed.insert(task.title, task);

        // THEN both carry the same sorted parent and child ids
        const QStringList aChildren = sorted({board.id(u"B"_s), board.id(u"G"_s)});
        const QStringList gParents = sorted({board.id(u"A"_s), board.id(u"F"_s)});
        QCOMPARE(a.children, aChildren);
        QCOMPARE(a.parents, QStringList());
        QCOMPARE(g.parents, gParents);
        QCOMPARE(g.children, QStringList());
        QCOMPARE(listed.value(u"A"_s).children, aChildren);
        QCOMPARE(listed.value(u"G"_s).parents, gParents);
        QCOMPARE(listed.value(u"B"_s).parents, QStringList{board.id(u"A"_s)});
        QCOMPARE(listed.value(u"F"_s).children, QStringList{board.id(u"G"_s)});
        QCOMPARE(listed.value(u"C"_s).parents, QStringList());
    }

    void shouldRefuseUnknownIds()
    {
        // GIVEN a board WHEN reads name a task that does not exist THEN each says so
        ListingBoard board;
        const QString ghost = u"t_0123456789ab"_s;
        const QList<Error> errors{
            board.queries().task(ghost).error(), board.queries().runs(ghost).error(),
            board.queries().comments(ghost).error(), board.queries().events(ghost).error(),
            board.queries().workerContext(ghost).error()};
        QVERIFY(!board.queries().task(ghost));
        QVERIFY(!board.queries().runs(ghost));
        QVERIFY(!board.queries().comments(ghost));
        QVERIFY(!board.queries().events(ghost));
        QVERIFY(!board.queries().workerContext(ghost));
        for (const Error &error : errors) {
            QCOMPARE(error.code, ErrorCode::NotFound);
            QVERIFY2(error.message.contains(ghost), qPrintable(error.message));
        }
        QCOMPARE(board.queries().run(987654).error().code, ErrorCode::NotFound);
    }

    void shouldCountTheBoard()
    {
        // GIVEN the board
        ListingBoard board;

        // WHEN counted
        const BoardStats stats = must(board.queries().stats());

        // THEN every status is there (zero included), archived ones are apart
        QCOMPARE(stats.byStatus,
                 (QMap<QString, int>{{u"triage"_s, 1},
                                     {u"todo"_s, 1},
                                     {u"ready"_s, 1},
                                     {u"running"_s, 1},
                                     {u"blocked"_s, 1},
                                     {u"done"_s, 1}}));
        QCOMPARE(stats.total, 6);
        QCOMPARE(stats.archived, 1);
        QCOMPARE(stats.byAssignee.value(u"coder"_s),
                 (QMap<QString, int>{{u"ready"_s, 1}, {u"running"_s, 1}, {u"blocked"_s, 1}}));
        QCOMPARE(stats.byAssignee.value(u"reviewer"_s),
                 (QMap<QString, int>{{u"todo"_s, 1}, {u"done"_s, 1}}));
        QCOMPARE(stats.byAssignee.value(QString()), (QMap<QString, int>{{u"triage"_s, 1}}));

        // AND the assignee counts leave out the unassigned
        const auto assignees = must(board.queries().assigneeCounts());
        QCOMPARE(assignees.keys(), (QStringList{u"coder"_s, u"reviewer"_s}));
        QCOMPARE(assignees.value(u"coder"_s).value(u"running"_s), 1);
    }

    void shouldCountAnEmptyBoardWithZeros()
    {
        // GIVEN an empty board WHEN counted THEN six zero columns
        TempBoard board;
        const BoardStats stats = must(board.queries().stats());
        QCOMPARE(stats.byStatus.size(), TaskStatuses::count);
        for (int count : stats.byStatus)
            QCOMPARE(count, 0);
        QCOMPARE(stats.total, 0);
        QCOMPARE(stats.archived, 0);
    }

    void shouldListArchivedIds()
    {
        // GIVEN the board WHEN asked for archived ids THEN only D
        ListingBoard board;
        QCOMPARE(must(board.queries().archivedTaskIds()), QStringList{board.id(u"D"_s)});
    }

    void shouldWalkEventsAfterACursor()
    {
        // GIVEN a board with many events
        ListingBoard board;
        const QList<Event> all = must(board.queries().eventsAfter(0, 100000));
        QVERIFY(all.size() > 10);
        QCOMPARE(must(board.queries().lastEventId()), all.constLast().id);

        // WHEN it is walked three events at a time from the start
        QList<Event> walked;
        qint64 cursor = 0;
        for (int page = 0; page < 1000; ++page) {
            const QList<Event> batch = must(board.queries().eventsAfter(cursor, 3));
            if (batch.isEmpty())
                break;
            QVERIFY(batch.size() <= 3);
            walked += batch;
            cursor = batch.constLast().id;
        }

        // THEN every event comes once, in increasing id order
        QCOMPARE(walked.size(), all.size());
        for (qsizetype i = 0; i < walked.size(); ++i) {
            QCOMPARE(walked.at(i).id, all.at(i).id);
            if (i > 0)
                QVERIFY(walked.at(i).id > walked.at(i - 1).id);
        }

        // AND from the end nothing comes until something changes
        QCOMPARE(must(board.queries().eventsAfter(cursor)).size(), 0);
        must(board.store().comment(board.id(u"A"_s), u"op"_s, u"one more"_s));
        const QList<Event> fresh = must(board.queries().eventsAfter(cursor));
        QCOMPARE(fresh.size(), 1);
        QCOMPARE(fresh.first().kind, u"commented"_s);
        QCOMPARE(fresh.first().taskId, board.id(u"A"_s));
    }

    void shouldReadEventsOfOneTaskInOrder()
    {
        // GIVEN the running task C WHEN its events are read THEN created then claimed
        ListingBoard board;
        const QList<Event> events = must(board.queries().events(board.id(u"C"_s)));
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).kind, u"created"_s);
        QCOMPARE(events.at(1).kind, u"claimed"_s);
        QCOMPARE(events.at(0).payload.value(u"tenant"_s).toString(), u"acme"_s);
        QCOMPARE(events.at(1).payload.value(u"claimer"_s).toString(), u"w1"_s);
        QVERIFY(events.at(0).createdAt > 0);
    }

    void shouldListRunsAndOpenRuns()
    {
        // GIVEN C running and D done after a claim of its own
        ListingBoard board;
        const Task d2 = must(board.store().create(NewTask{.title = u"D2"_s}));
        const Task claimed = must(board.store().claim(d2.id, u"w2"_s));
        must(board.store().complete(d2.id, Completion{u"ok"_s, {}, {}, claimed.currentRunId}));

        // WHEN runs are read
        const QList<Run> open = must(board.queries().openRuns());
        const QList<Run> c = must(board.queries().runs(board.id(u"C"_s)));
        const QList<Run> d = must(board.queries().runs(d2.id));

        // THEN only C's run is open, and each task lists its own
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().taskId, board.id(u"C"_s));
        QCOMPARE(open.first().claimer, u"w1"_s);
        QCOMPARE(open.first().profile, u"coder"_s);
        QCOMPARE(c.size(), 1);
        QCOMPARE(c.first().id, open.first().id);
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.first().outcome, u"completed"_s);
        QCOMPARE(must(board.queries().run(d.first().id)).claimer, u"w2"_s);
    }

    void shouldBuildTheWorkerContext()
    {
        // GIVEN a task with a body, a dir workspace, two finished parents and comments
        TempBoard board;
        TaskStore &store = board.store();
        const Task design = must(store.create(NewTask{.title = u"Design the schema"_s}));
        const Task research = must(store.create(NewTask{.title = u"Research the API"_s}));
        const Task quiet = must(store.create(NewTask{.title = u"Quiet parent"_s}));
        must(store.complete(design.id,
                            Completion{u"tables: tasks, runs"_s, u"Schema agreed"_s, {}, {}}));
        must(store.complete(research.id,
                            Completion{u"REST, paginated"_s, u"API is REST"_s, {}, {}}));
        const Task task = must(store.create(NewTask{
            .title = u"Write the importer"_s,
            .body = u"Import every record.\nKeep ids stable."_s,
            .assignee = u"coder"_s,
            .parents = {design.id, research.id, quiet.id},
            .workspaceKind = u"dir"_s,
            .workspacePath = u"/srv/importer"_s,
            .skills = {u"python"_s},
        }));
        must(store.comment(task.id, u"op"_s, u"Mind the time zones."_s));
        must(store.comment(task.id, u"reviewer"_s, u"Use UTC."_s));

        // WHEN the worker's context is built
        const QString context = must(board.queries().workerContext(task.id));

        // THEN it holds everything the worker needs, comments in order
        const QStringList expected{
            task.id,
            u"Write the importer"_s,
            u"Import every record.\nKeep ids stable."_s,
            u"workspace: dir /srv/importer"_s,
            design.id,
            u"Schema agreed"_s,
            u"tables: tasks, runs"_s,
            research.id,
            u"API is REST"_s,
            u"REST, paginated"_s,
            quiet.id,
            u"op"_s,
            u"Mind the time zones."_s,
            u"reviewer"_s,
            u"Use UTC."_s,
        };
        for (const QString &part : expected)
            QVERIFY2(context.contains(part),
                     qPrintable(u"missing %1 in:\n%2"_s.arg(part, context)));
        QVERIFY(context.indexOf(u"Mind the time zones."_s) < context.indexOf(u"Use UTC."_s));
    }

    void shouldBuildTheContextOfAPlainTask()
    {
        // GIVEN a task with nothing but a title WHEN its context is built
        TempBoard board;
        const Task task = must(board.store().create(NewTask{.title = u"Tidy up"_s}));
        const QString context = must(board.queries().workerContext(task.id));

        // THEN it names the task and its scratch workspace, with no empty sections
        QVERIFY(context.contains(task.id));
        QVERIFY(context.contains(u"Tidy up"_s));
        QVERIFY(context.contains(u"workspace: scratch"_s));
        QVERIFY(!context.contains(u"Comments"_s));
        QVERIFY(!context.contains(u"depends on"_s));
    }

    void shouldNotWriteWhenReading()
    {
        // GIVEN the board and its dump
        ListingBoard board;
        const QString before = board.temp().dump();

        // WHEN every read runs
        board.temp().advance(1000);
        TaskQueries &queries = board.queries();
        QVERIFY(queries.tasks(TaskFilter{.includeArchived = true}));
        QVERIFY(queries.task(board.id(u"G"_s)));
        QVERIFY(queries.runs(board.id(u"C"_s)));
        QVERIFY(queries.openRuns());
        QVERIFY(queries.comments(board.id(u"A"_s)));
        QVERIFY(queries.events(board.id(u"A"_s)));
        QVERIFY(queries.eventsAfter(0));
        QVERIFY(queries.lastEventId());
        QVERIFY(queries.stats());
        QVERIFY(queries.assigneeCounts());
        QVERIFY(queries.workerContext(board.id(u"G"_s)));
        QVERIFY(queries.archivedTaskIds());

        // THEN nothing changed
        QCOMPARE(board.temp().dump(), before);
    }
};

QANBAN_TEST_MAIN(TaskQueriesTest)
#include "tst_taskqueries.moc"
