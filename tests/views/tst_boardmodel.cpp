#include "boardfixture.h"
#include "boardmodel.h"
#include "taskmimedata.h"
#include "taskservice.h"
#include "tempboard.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// "a,b,c": the titles of a column, top to bottom.
QString columnText(const BoardModel &model, TaskStatus status)
{
    QStringList titles;
    const QModelIndex column = model.columnIndex(status);
    for (int row = 0; row < model.rowCount(column); ++row)
        titles << model.index(row, 0, column).data(BoardModel::TitleRole).toString();
    return titles.join(u',');
}

// A TaskService and BoardModel on a TempBoard, loaded, with a model tester watching.
struct LiveBoard {
    explicit LiveBoard(TempBoard &board)
        : service(std::make_unique<TaskService>(board.databasePath())),
          model(std::make_unique<BoardModel>(service.get())),
          tester(std::make_unique<QAbstractItemModelTester>(
              model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest))
    {
        QSignalSpy loaded(model.get(), &BoardModel::loaded);
        service->start();
        ok = loaded.wait();
    }
    // Closes the board's connections, oldest last, so the file can be read safely.
    void shutDown()
    {
        tester.reset();
        model.reset();
        service.reset();
    }
    std::unique_ptr<TaskService> service;
    std::unique_ptr<BoardModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    bool ok = false;
};

} // namespace

class BoardModelTest : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<QMimeData> dragOf(const BoardModel &model, const QStringList &titles)
    {
        QModelIndexList indexes;
        for (TaskStatus status : TaskStatuses::all()) {
            const QModelIndex column = model.columnIndex(status);
            for (int row = 0; row < model.rowCount(column); ++row) {
                const QModelIndex card = model.index(row, 0, column);
                if (titles.contains(card.data(BoardModel::TitleRole).toString()))
                    indexes << card;
            }
        }
        return std::unique_ptr<QMimeData>(model.mimeData(indexes));
    }

private Q_SLOTS:
    void shouldShowSixColumnsWithCardsInRankOrder()
    {
        // GIVEN a board with tasks in several states
        TempBoard board;
        const Task a = must(board.store().create({.title = u"A"_s}));
        must(board.store().create({.title = u"B"_s}));
        must(board.store().create({.title = u"C"_s, .parents = {a.id}}));
        must(board.store().create({.title = u"T"_s, .triage = true}));
        // WHEN the model loads it
        LiveBoard live(board);
        QVERIFY(live.ok);
        // THEN the columns are the statuses, and cards sit in rank order
        QCOMPARE(live.model->rowCount(), 6);
        QCOMPARE(live.model->index(int(TaskStatus::Ready), 0).data(BoardModel::StatusNameRole)
                     .toString(), u"ready"_s);
        QCOMPARE(columnText(*live.model, TaskStatus::Ready), u"A,B"_s);
        QCOMPARE(columnText(*live.model, TaskStatus::Todo), u"C"_s);
        QCOMPARE(columnText(*live.model, TaskStatus::Triage), u"T"_s);
        const QModelIndex c = live.model->indexOfTask(
            live.model->index(0, 0, live.model->columnIndex(TaskStatus::Todo))
                .data(BoardModel::IdRole).toString());
        QCOMPARE(c.data(BoardModel::OpenParentCountRole).toInt(), 1);
    }

    void shouldFollowAnotherConnectionsChangesRowByRow()
    {
        // GIVEN a loaded board and a persistent index on a card that will not change
        TempBoard board;
        const Task a = must(board.store().create({.title = u"A"_s}));
        const Task b = must(board.store().create({.title = u"B"_s}));
        LiveBoard live(board);
        QVERIFY(live.ok);
        const QPersistentModelIndex bIndex = live.model->indexOfTask(b.id);
        QSignalSpy resets(live.model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy moves(live.model.get(), &QAbstractItemModel::rowsMoved);
        QSignalSpy inserts(live.model.get(), &QAbstractItemModel::rowsInserted);
        // WHEN another connection claims A, blocks it, and creates D
        must(board.store().claim(a.id, u"elsewhere"_s));
        QTRY_COMPARE(columnText(*live.model, TaskStatus::Running), u"A"_s);
        must(board.store().block(a.id, u"waiting for a human"_s));
        must(board.store().create({.title = u"D"_s}));
        // THEN only the rows concerned move or appear, and nothing resets
        QTRY_COMPARE(columnText(*live.model, TaskStatus::Blocked), u"A"_s);
        QTRY_COMPARE(columnText(*live.model, TaskStatus::Ready), u"B,D"_s);
        QCOMPARE(resets.count(), 0);
        QVERIFY(moves.count() >= 2);
        QCOMPARE(inserts.count(), 1);
        QVERIFY(bIndex.isValid());
        QCOMPARE(bIndex.data(BoardModel::IdRole).toString(), b.id);
        QCOMPARE(live.model->indexOfTask(a.id).data(BoardModel::BlockReasonRole).toString(),
                 u"waiting for a human"_s);
    }

    void shouldTurnADropIntoAKernelMove_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("expectedColumn");
        QTest::addColumn<QString>("note");
        QTest::newRow("ready to todo") << int(TaskStatus::Todo) << u"todo"_s << QString();
        QTest::newRow("ready to triage") << int(TaskStatus::Triage) << u"triage"_s << QString();
        QTest::newRow("ready to blocked with a reason")
            << int(TaskStatus::Blocked) << u"blocked"_s << u"needs keys"_s;
        QTest::newRow("ready to done with a summary")
            << int(TaskStatus::Done) << u"done"_s << u"did it by hand"_s;
    }

    void shouldTurnADropIntoAKernelMove()
    {
        QFETCH(int, target);
        QFETCH(QString, expectedColumn);
        QFETCH(QString, note);
        // GIVEN a ready card and an operator who answers the board's question with `note`
        TempBoard board;
        const Task a = must(board.store().create({.title = u"A"_s}));
        LiveBoard live(board);
        QVERIFY(live.ok);
        QStringList asked;
        live.model->setNoteRequest([&](TaskStatus, const QStringList &ids) {
            asked << ids;
            return std::optional<QString>(note);
        });
        // WHEN it is dropped on another column
        const auto data = dragOf(*live.model, {u"A"_s});
        QVERIFY(live.model->dropMimeData(data.get(), Qt::MoveAction, -1, 0,
                                         live.model->columnIndex(TaskStatus(target))));
        // THEN the kernel moved it, and the card follows
        QTRY_COMPARE(columnText(*live.model, TaskStatus(target)), u"A"_s);
        const Task moved = must(board.queries().task(a.id));
        QCOMPARE(TaskStatuses::toString(moved.status), expectedColumn);
        QCOMPARE(asked.isEmpty(), note.isEmpty());
        if (TaskStatus(target) == TaskStatus::Blocked)
            QCOMPARE(moved.blockReason, note);
        if (TaskStatus(target) == TaskStatus::Done)
            QCOMPARE(moved.summary, note);
    }

    void shouldRedirectADropIntoReadyToTodoWhileAParentIsOpen()
    {
        // GIVEN a child in triage whose parent is not done
        TempBoard board;
        const Task parent = must(board.store().create({.title = u"P"_s}));
        const Task child = must(board.store().create({.title = u"C"_s, .triage = true}));
        must(board.store().link(parent.id, child.id));
        LiveBoard live(board);
        QVERIFY(live.ok);
        // WHEN it is dropped into Ready
        const auto data = dragOf(*live.model, {u"C"_s});
        QVERIFY(live.model->dropMimeData(data.get(), Qt::MoveAction, -1, 0,
                                         live.model->columnIndex(TaskStatus::Ready)));
        // THEN it lands in Todo
        QTRY_COMPARE(columnText(*live.model, TaskStatus::Todo), u"C"_s);
        QCOMPARE(columnText(*live.model, TaskStatus::Ready), u"P"_s);
    }

    void shouldReorderWithinAColumn()
    {
        TempBoard board;
        must(board.store().create({.title = u"A"_s}));
        must(board.store().create({.title = u"B"_s}));
        must(board.store().create({.title = u"C"_s}));
        LiveBoard live(board);
        QVERIFY(live.ok);
        // WHEN C is dropped between the column's rows 0 and 1, then B at the bottom
        auto data = dragOf(*live.model, {u"C"_s});
        QVERIFY(live.model->dropMimeData(data.get(), Qt::MoveAction, 1, 0,
                                         live.model->columnIndex(TaskStatus::Ready)));
        QTRY_COMPARE(columnText(*live.model, TaskStatus::Ready), u"A,C,B"_s);
        data = dragOf(*live.model, {u"A"_s});
        QVERIFY(live.model->dropMimeData(data.get(), Qt::MoveAction, 3, 0,
                                         live.model->columnIndex(TaskStatus::Ready)));
        QTRY_COMPARE(columnText(*live.model, TaskStatus::Ready), u"C,B,A"_s);
    }

    void shouldMoveEverySelectedCard()
    {
        TempBoard board;
        must(board.store().create({.title = u"A"_s}));
        must(board.store().create({.title = u"B"_s}));
        must(board.store().create({.title = u"C"_s}));
        LiveBoard live(board);
        QVERIFY(live.ok);
        const auto data = dragOf(*live.model, {u"A"_s, u"C"_s});
        QVERIFY(live.model->dropMimeData(data.get(), Qt::MoveAction, -1, 0,
                                         live.model->columnIndex(TaskStatus::Triage)));
        QTRY_COMPARE(columnText(*live.model, TaskStatus::Triage), u"A,C"_s);
        QCOMPARE(columnText(*live.model, TaskStatus::Ready), u"B"_s);
    }

    void shouldRefuseADropAndLeaveTheFileByteForByteUnchanged_data()
    {
        QTest::addColumn<QString>("dragged");
        QTest::addColumn<int>("target");
        QTest::addColumn<bool>("answer");
        QTest::addColumn<bool>("refusedUpFront");
        QTest::newRow("into running") << u"R"_s << int(TaskStatus::Running) << true << true;
        QTest::newRow("into blocked, reason cancelled")
            << u"R"_s << int(TaskStatus::Blocked) << false << true;
        QTest::newRow("into done, summary cancelled")
            << u"R"_s << int(TaskStatus::Done) << false << true;
        QTest::newRow("running out, stop declined")
            << u"W"_s << int(TaskStatus::Ready) << false << true;
        QTest::newRow("done into blocked: the kernel refuses")
            << u"D"_s << int(TaskStatus::Blocked) << true << false;
    }

    void shouldRefuseADropAndLeaveTheFileByteForByteUnchanged()
    {
        QFETCH(QString, dragged);
        QFETCH(int, target);
        QFETCH(bool, answer);
        QFETCH(bool, refusedUpFront);
        // GIVEN a board with a ready, a running and a done card
        TempBoard board;
        must(board.store().create({.title = u"R"_s}));
        const Task w = must(board.store().create({.title = u"W"_s}));
        must(board.store().claim(w.id, u"worker"_s));
        const Task d = must(board.store().create({.title = u"D"_s}));
        must(board.store().complete(d.id, {}));
        const QByteArray before = board.snapshot();
        board.close();

        auto live = std::make_unique<LiveBoard>(board);
        QVERIFY(live->ok);
        live->model->setNoteRequest([answer](TaskStatus, const QStringList &) {
            return answer ? std::optional<QString>(u"because"_s) : std::nullopt;
        });
        live->model->setStopConfirmation([answer](const QStringList &) { return answer; });
        const QString columnsBefore = columnText(*live->model, TaskStatus::Ready) + u'|'
            + columnText(*live->model, TaskStatus::Running) + u'|'
            + columnText(*live->model, TaskStatus::Done);
        QSignalSpy refused(live->model.get(), &BoardModel::dropRefused);
        // WHEN the drop is tried
        const auto data = dragOf(*live->model, {dragged});
        const bool accepted = live->model->dropMimeData(data.get(), Qt::MoveAction, -1, 0,
                                                        live->model->columnIndex(TaskStatus(target)));
        // THEN it is refused with a reason, every card stays, and the file is untouched
        QCOMPARE(accepted, !refusedUpFront);
        QTRY_COMPARE(refused.count(), 1);
        QVERIFY(!refused.constFirst().constFirst().toString().isEmpty());
        QCOMPARE(columnText(*live->model, TaskStatus::Ready) + u'|'
                     + columnText(*live->model, TaskStatus::Running) + u'|'
                     + columnText(*live->model, TaskStatus::Done),
                 columnsBefore);
        live->shutDown();
        QCOMPARE(board.snapshot(), before);
    }

    void shouldNeverDeleteACardThroughRemoveRows()
    {
        // The view calls removeRows() on the source after a move-drag; the card stays.
        TempBoard board;
        must(board.store().create({.title = u"A"_s}));
        LiveBoard live(board);
        QVERIFY(live.ok);
        const QModelIndex ready = live.model->columnIndex(TaskStatus::Ready);
        QVERIFY(!live.model->removeRows(0, 1, ready));
        QVERIFY(!live.model->removeRows(0, 1, {}));
        QCOMPARE(columnText(*live.model, TaskStatus::Ready), u"A"_s);
        QCOMPARE(live.model->rowCount(), 6);
    }

    void shouldOnlyAcceptItsOwnDragPayload()
    {
        TempBoard board;
        must(board.store().create({.title = u"A"_s}));
        LiveBoard live(board);
        QVERIFY(live.ok);
        QMimeData foreign;
        foreign.setText(u"A"_s);
        const QModelIndex todo = live.model->columnIndex(TaskStatus::Todo);
        QVERIFY(!live.model->canDropMimeData(&foreign, Qt::MoveAction, -1, 0, todo));
        QVERIFY(!live.model->dropMimeData(&foreign, Qt::MoveAction, -1, 0, todo));
        QMimeData wrongVersion;
        wrongVersion.setData(QLatin1StringView(TaskMimeData::mimeType), QByteArray("\x00\x00\x00\x07", 4));
        QVERIFY(!live.model->dropMimeData(&wrongVersion, Qt::MoveAction, -1, 0, todo));
        QVERIFY(live.model->dropMimeData(&foreign, Qt::IgnoreAction, -1, 0, todo));
        QCOMPARE(TaskMimeData::decode(dragOf(*live.model, {u"A"_s}).get()).size(), 1);
    }
};

QTEST_MAIN(BoardModelTest)
#include "tst_boardmodel.moc"
