#include "boardfixture.h"
#include "columnview.h"

#include <QApplication>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

// One real drag with QDrag::exec, under the minimal platform (offscreen cannot drag).
// This is the path where the view removes the dragged rows from the source model after
// a MoveAction: the card must move once and never vanish.
class RealDragTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldMoveTheCardOnceAndNeverLoseIt()
    {
        TempBoard board;
        must(board.store().create({.title = u"A"_s}));
        must(board.store().create({.title = u"B"_s}));
        BoardFixture fixture(board);
        QVERIFY(fixture.isLoaded());
        fixture.view().show();
        QVERIFY(QTest::qWaitForWindowExposed(&fixture.view()));
        ColumnView *ready = fixture.view().columnView(TaskStatus::Ready);
        ColumnView *triage = fixture.view().columnView(TaskStatus::Triage);
        QTRY_VERIFY(ready->visualRect(ready->model()->index(0, 0, ready->rootIndex())).height() > 20);

        const QPoint start = ready->visualRect(ready->model()->index(0, 0, ready->rootIndex()))
                                 .center();
        QWidget *window = fixture.view().window();
        const QPoint target = triage->viewport()->mapTo(window, QPoint(60, 60));
        // QDrag::exec runs its own event loop: the release is sent from inside it.
        QTimer::singleShot(300, window, [window, target] {
            QTest::mouseMove(window->windowHandle(), target);
            QTest::mouseRelease(window->windowHandle(), Qt::LeftButton, {}, target);
        });
        QTimer::singleShot(4000, window, [window] {
            QTest::keyClick(window->windowHandle(), Qt::Key_Escape);
        });
        QTest::mousePress(ready->viewport(), Qt::LeftButton, {}, start);
        for (int step = 1; step <= 30; ++step)
            QTest::mouseMove(ready->viewport(), start + QPoint(step * 3, step));

        QTRY_COMPARE(fixture.column(TaskStatus::Triage), u"A"_s);
        QCOMPARE(fixture.column(TaskStatus::Ready), u"B"_s);
        QCOMPARE(fixture.model().rowCount(fixture.model().columnIndex(TaskStatus::Ready))
                     + fixture.model().rowCount(fixture.model().columnIndex(TaskStatus::Triage)),
                 2);
    }
};

QTEST_MAIN(RealDragTest)
#include "tst_realdrag.moc"
