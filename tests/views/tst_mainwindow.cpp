#include "boardfixture.h"
#include "mainwindow.h"

#include <QScreen>
#include <QTest>

using namespace Qt::StringLiterals;

// The main window itself, apart from what its parts have tests of their own for.
class MainWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldOpenNoLargerThanItsScreenLeavesFree()
    {
        // GIVEN a board and the screen a new window opens on (800x600 offscreen, smaller
        // than the room the board asks for)
        TempBoard board;
        TaskService service(board.databasePath());
        BoardModel model(&service);

        // WHEN the main window is made
        MainWindow window(&service, &model);

        // THEN it fits in what that screen leaves free, so no column is cut off
        QVERIFY(window.screen());
        const QSize available = window.screen()->availableGeometry().size();
        QVERIFY2(available.width() < 1480, "the test needs a screen smaller than the board");
        QVERIFY(window.width() <= available.width());
        QVERIFY(window.height() <= available.height());
        QVERIFY(window.width() > available.width() / 2);
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
