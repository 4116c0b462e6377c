#include "boardfixture.h"
#include "columnview.h"
#include "taskmimedata.h"

#include <QApplication>
#include <QDropEvent>
#include <QMimeData>
#include <QTest>

using namespace Qt::StringLiterals;

class ColumnViewTest : public QObject
{
    Q_OBJECT

private:
    // Sends the enter/move/drop sequence a real drag delivers, with MoveAction only:
    // with Move|Copy the view would turn the drop into a copy.
    static bool dropOnto(ColumnView *target, QMimeData *data, QPoint at)
    {
        QWidget *viewport = target->viewport();
        QDragEnterEvent enter(at, Qt::MoveAction, data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        QDragMoveEvent move(at, Qt::MoveAction, data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
        if (!move.isAccepted())
            return false;
        QDropEvent drop(QPointF(at), Qt::MoveAction, data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &drop);
        return drop.isAccepted();
    }

private Q_SLOTS:
    void shouldMoveACardDroppedOnAnotherColumnsViewport()
    {
        // GIVEN a ready card on a shown board
        TempBoard board;
        const Task a = must(board.store().create({.title = u"A"_s}));
        BoardFixture fixture(board);
        QVERIFY(fixture.isLoaded());
        fixture.view().show();
        QVERIFY(QTest::qWaitForWindowExposed(&fixture.view()));
        // WHEN its payload is dropped on the empty Triage column
        std::unique_ptr<QMimeData> data(TaskMimeData::encode({a.id}));
        ColumnView *triage = fixture.view().columnView(TaskStatus::Triage);
        QVERIFY(dropOnto(triage, data.get(), QPoint(40, 40)));
        // THEN the card moves there, through the kernel
        QTRY_COMPARE(fixture.column(TaskStatus::Triage), u"A"_s);
        QCOMPARE(fixture.column(TaskStatus::Ready), QString());
        QCOMPARE(must(board.queries().task(a.id)).status, TaskStatus::Triage);
    }

    void shouldRefuseADropIntoRunningAndSayWhy()
    {
        TempBoard board;
        const Task a = must(board.store().create({.title = u"A"_s}));
        BoardFixture fixture(board);
        QVERIFY(fixture.isLoaded());
        fixture.view().show();
        QVERIFY(QTest::qWaitForWindowExposed(&fixture.view()));
        QSignalSpy refused(&fixture.model(), &BoardModel::dropRefused);
        std::unique_ptr<QMimeData> data(TaskMimeData::encode({a.id}));
        QVERIFY(!dropOnto(fixture.view().columnView(TaskStatus::Running), data.get(), QPoint(40, 40)));
        QCOMPARE(refused.count(), 1);
        QVERIFY(refused.constFirst().constFirst().toString().contains(u"dispatcher"_s));
        QCOMPARE(fixture.column(TaskStatus::Ready), u"A"_s);
    }

    void shouldMoveCardsWithTheKeyboard()
    {
        // GIVEN two ready cards with the first one current
        TempBoard board;
        must(board.store().create({.title = u"A"_s}));
        must(board.store().create({.title = u"B"_s}));
        BoardFixture fixture(board);
        QVERIFY(fixture.isLoaded());
        fixture.view().show();
        QVERIFY(QTest::qWaitForWindowExposed(&fixture.view()));
        ColumnView *ready = fixture.view().columnView(TaskStatus::Ready);
        ready->setFocus();
        auto makeCurrent = [ready](int row) {
            ready->selectionModel()->setCurrentIndex(
                ready->model()->index(row, 0, ready->rootIndex()),
                QItemSelectionModel::ClearAndSelect);
        };
        makeCurrent(0);
        // WHEN Ctrl+Down reorders it below B
        QTest::keyClick(ready, Qt::Key_Down, Qt::ControlModifier);
        QTRY_COMPARE(fixture.column(TaskStatus::Ready), u"B,A"_s);
        // AND Ctrl+Left moves the current card one column to the left
        makeCurrent(0);
        QTest::keyClick(ready, Qt::Key_Left, Qt::ControlModifier);
        QTRY_COMPARE(fixture.column(TaskStatus::Todo), u"B"_s);
        QCOMPARE(fixture.column(TaskStatus::Ready), u"A"_s);
        // AND Right moves the focus to the next column without moving anything
        ColumnView *todo = fixture.view().columnView(TaskStatus::Todo);
        todo->setFocus();
        QTest::keyClick(todo, Qt::Key_Right);
        QTRY_VERIFY(ready->hasFocus());
        QCOMPARE(fixture.column(TaskStatus::Todo), u"B"_s);
    }

    void shouldFilterBySearchText()
    {
        TempBoard board;
        must(board.store().create({.title = u"Write the spec"_s}));
        must(board.store().create({.title = u"Fix the build"_s, .body = u"the spec says so"_s}));
        must(board.store().create({.title = u"Unrelated"_s}));
        BoardFixture fixture(board);
        QVERIFY(fixture.isLoaded());
        fixture.view().setSearchText(u"spec"_s);
        QCOMPARE(fixture.column(TaskStatus::Ready), u"Write the spec,Fix the build"_s);
        fixture.view().setSearchText(QString());
        QCOMPARE(fixture.column(TaskStatus::Ready), u"Write the spec,Fix the build,Unrelated"_s);
    }

    void shouldShowOneLanePerAssignee()
    {
        TempBoard board;
        must(board.store().create({.title = u"A"_s, .assignee = u"coder"_s}));
        must(board.store().create({.title = u"B"_s, .assignee = u"researcher"_s}));
        must(board.store().create({.title = u"C"_s}));
        BoardFixture fixture(board);
        QVERIFY(fixture.isLoaded());
        fixture.view().show();
        QVERIFY(QTest::qWaitForWindowExposed(&fixture.view()));
        fixture.view().setLanesEnabled(true);
        QCOMPARE(fixture.view().laneCount(), 3); // unassigned, coder, researcher
        // Lanes built while the board is on screen are on screen too.
        for (int lane = 0; lane < 3; ++lane)
            QTRY_VERIFY(fixture.view().columnView(TaskStatus::Ready, lane)->isVisible());
        auto laneTitles = [&fixture](int lane) {
            ColumnView *view = fixture.view().columnView(TaskStatus::Ready, lane);
            QStringList titles;
            for (int row = 0; row < view->model()->rowCount(view->rootIndex()); ++row)
                titles << view->model()->index(row, 0, view->rootIndex()).data().toString();
            return titles.join(u',');
        };
        QCOMPARE(laneTitles(0), u"C"_s);
        QCOMPARE(laneTitles(1), u"A"_s);
        QCOMPARE(laneTitles(2), u"B"_s);
    }
};

QTEST_MAIN(ColumnViewTest)
#include "tst_columnview.moc"
