#include "boardfixture.h"
#include "boardmodel.h"
#include "boardview.h"
#include "carddelegate.h"
#include "columnview.h"
#include "mainwindow.h"
#include "newtaskdialog.h"
#include "taskdrawer.h"
#include "taskservice.h"
#include "tempboard.h"
#include "translationloader.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;

// The whole window in German, the way `LANG=de_DE.UTF-8 qanban` starts: the translators
// are installed before the first widget. Also writes de-*.png into <build>/screenshots for
// a translator to look at clipped or clumsy texts.
class GermanBoardTest : public QObject
{
    Q_OBJECT

private:
    static void save(QWidget &window, const QString &name)
    {
        const QDir dir(QStringLiteral(QANBAN_SCREENSHOT_DIR));
        dir.mkpath(u"."_s);
        // Lets the layouts take the texts just set (posted LayoutRequest events).
        QCoreApplication::processEvents();
        QVERIFY(window.grab().save(dir.filePath(name)));
    }

    // Column views lay their cards out on a later turn of the event loop.
    static bool cardsLaidOut(BoardView *board)
    {
        for (int lane = 0; lane < board->laneCount(); ++lane) {
            for (TaskStatus status : TaskStatuses::all()) {
                ColumnView *view = board->columnView(status, lane);
                const QModelIndex first = view->model()->index(0, 0, view->rootIndex());
                if (first.isValid() && view->visualRect(first).height() < 20)
                    return false;
            }
        }
        return true;
    }

private Q_SLOTS:
    void shouldShowTheBoardAndTheDrawerInGerman()
    {
        // GIVEN a board with a running card that has comments and a blocked one
        TempBoard board;
        TaskStore &store = board.store();
        const Task running = must(store.create({.title = u"Migrate the CI runners"_s,
                                                .assignee = u"coder"_s, .priority = 2}));
        must(store.claim(running.id, u"host:1"_s));
        must(store.comment(running.id, u"alice"_s, u"arm64 first"_s));
        must(store.comment(running.id, u"bob"_s, u"then x86"_s));
        const Task blocked = must(store.create({.title = u"Rotate the API keys"_s,
                                                .assignee = u"coder"_s}));
        must(store.claim(blocked.id, u"host:2"_s));
        must(store.block(blocked.id, u"needs a second factor"_s));
        (void)must(store.create({.title = u"Idea: a heartbeat chart"_s, .triage = true}));
        board.close();

        // WHEN the desktop board starts with the German translations
        TranslationLoader translations;
        QVERIFY(translations.load(QLocale(QLocale::German, QLocale::Germany)));
        TaskService service(board.databasePath());
        BoardModel model(&service);
        MainWindow window(&service, &model);
        const qint64 now = board.now() + 90;
        window.board()->delegate()->setClock([now] { return now; });
        window.resize(1480, 860);
        QSignalSpy loaded(&model, &BoardModel::loaded);
        service.start();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(loaded.wait());

        // THEN the toolbar, the columns and the drawer speak German
        auto *create = window.findChild<QAction *>(u"action-new-task"_s);
        QVERIFY(create);
        QCOMPARE(create->text(), u"Neue Aufgabe"_s);
        QCOMPARE(model.columnIndex(TaskStatus::Todo).data().toString(), u"Zu erledigen (0)"_s);
        QTRY_VERIFY(cardsLaidOut(window.board()));
        save(window, u"de-board.png"_s);

        QSignalSpy shown(window.drawer(), &TaskDrawer::historyShown);
        window.openTask(running.id);
        QVERIFY(shown.wait());
        auto *heading = window.findChild<QLabel *>(u"drawer-heading"_s);
        QVERIFY(heading);
        QVERIFY2(heading->text().endsWith(u"Läuft"_s), qPrintable(heading->text()));
        auto *tabs = window.findChild<QTabWidget *>(u"drawer-tabs"_s);
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(0), u"Kommentare (2)"_s);
        save(window, u"de-drawer.png"_s);
    }

    void shouldAskForANewTaskInGerman()
    {
        TranslationLoader translations;
        QVERIFY(translations.load(QLocale(QLocale::German, QLocale::Germany)));
        NewTaskDialog dialog({u"coder"_s});
        QCOMPARE(dialog.windowTitle(), u"Neue Aufgabe"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        save(dialog, u"de-new-task.png"_s);
    }
};

QTEST_MAIN(GermanBoardTest)
#include "tst_germanboard.moc"
