#include "boardfixture.h"
#include "boardmodel.h"
#include "boardview.h"
#include "carddelegate.h"
#include "columnview.h"
#include "mainwindow.h"
#include "taskdrawer.h"
#include "taskservice.h"
#include "tempboard.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

// Writes pictures of the board for people to look at (empty, busy with lanes, drawer
// open) into <build>/screenshots, and checks that what is painted is the board.
class ScreenshotTest : public QObject
{
    Q_OBJECT

private:
    static void seedBusyBoard(TaskStore &store)
    {
        auto create = [&store](const NewTask &spec) { return must(store.create(spec)); };
        const Task spec = create({.title = u"Write the release plan for 0.2"_s,
                                  .body = u"## Goal\n\nShip the **dispatcher**.\n\n- caps\n- secrets"_s,
                                  .assignee = u"planner"_s, .priority = 2});
        const Task research = create({.title = u"Survey how other boards handle retries"_s,
                                      .assignee = u"researcher"_s, .tenant = u"acme"_s});
        const Task code = create({.title = u"Implement per-profile caps in the dispatcher tick"_s,
                                  .assignee = u"coder"_s, .parents = {spec.id}});
        (void)create({.title = u"Review the caps change"_s, .assignee = u"reviewer"_s,
                .parents = {code.id}});
        (void)create({.title = u"Idea: show the heartbeat age on running cards"_s, .triage = true});
        (void)create({.title = u"Unassigned cleanup of old workspaces"_s, .priority = -1});
        const Task running = create({.title = u"Crawl the changelog of every dependency"_s,
                                     .assignee = u"researcher"_s});
        must(store.claim(running.id, u"host:4242"_s));
        const Task blocked = create({.title = u"Rotate the API keys of the coder profile"_s,
                                     .assignee = u"coder"_s, .priority = 1});
        must(store.claim(blocked.id, u"host:4243"_s));
        must(store.block(blocked.id, u"needs a human: the vault asks for a second factor"_s));
        const Task done = create({.title = u"Set up the shared PostgreSQL board"_s,
                                  .assignee = u"coder"_s});
        must(store.claim(done.id, u"host:4244"_s));
        must(store.complete(done.id, {u"ok"_s, u"board reachable from all hosts"_s, {}, std::nullopt}));
        must(store.comment(research.id, u"alice"_s, u"Look at the Python board's breaker too."_s));
        must(store.comment(research.id, u"bob"_s, u"And the rate-limit cooldown."_s));
        for (int i = 0; i < 2; ++i) {
            const Task flaky = create({.title = u"Flaky: nightly benchmark run %1"_s.arg(i + 1),
                                       .assignee = u"benchmarker"_s});
            const Task claimed = must(store.claim(flaky.id, u"host:99"_s));
            must(store.recordFailedAttempt(flaky.id, *claimed.currentRunId,
                                           {u"crashed"_s, 1, u"exit code 1"_s, std::nullopt, 60}));
        }
    }

    static QString save(QWidget &widget, const QString &name)
    {
        QDir().mkpath(QStringLiteral(QANBAN_SCREENSHOT_DIR));
        const QString path = QDir(QStringLiteral(QANBAN_SCREENSHOT_DIR)).filePath(name);
        const QImage image = widget.grab().toImage();
        if (!image.save(path))
            return {};
        return path;
    }

    // Column views lay their cards out on a later turn of the event loop.
    static bool cardsLaidOut(BoardView *board)
    {
        for (int lane = 0; lane < board->laneCount(); ++lane) {
            for (TaskStatus status : TaskStatuses::all()) {
                ColumnView *view = board->columnView(status, lane);
                if (!view->isVisible())
                    return false;
                const QModelIndex first = view->model()->index(0, 0, view->rootIndex());
                if (first.isValid() && view->visualRect(first).height() < 20)
                    return false;
            }
        }
        return true;
    }

    static QPalette darkPalette()
    {
        QPalette palette;
        palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2e));
        palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x21));
        palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x29));
        palette.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        palette.setColor(QPalette::Button, QColor(0x33, 0x33, 0x37));
        palette.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        palette.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x5a));
        palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd8));
        palette.setColor(QPalette::HighlightedText, Qt::white);
        palette.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x96));
        return palette;
    }

    static int averageLightness(const QImage &image)
    {
        qint64 sum = 0;
        qint64 count = 0;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4, ++count)
                sum += QColor(image.pixel(x, y)).lightness();
        }
        return count ? int(sum / count) : 0;
    }

    // How many distinct colours a picture has: a blank or broken window has very few.
    static int colourCount(const QImage &image)
    {
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3) {
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        }
        return int(colours.size());
    }

private Q_SLOTS:
    void shouldPaintTheEmptyBoard()
    {
        TempBoard board;
        TaskService service(board.databasePath());
        BoardModel model(&service);
        MainWindow window(&service, &model);
        QSignalSpy loaded(&model, &BoardModel::loaded);
        service.start();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(loaded.wait());
        const QString path = save(window, u"board-empty.png"_s);
        QVERIFY(!path.isEmpty());
        QCOMPARE(model.rowCount(model.columnIndex(TaskStatus::Ready)), 0);
    }

    void shouldPaintABusyBoardWithLanesAndTheDrawer()
    {
        TempBoard board;
        seedBusyBoard(board.store());
        board.close();
        TaskService service(board.databasePath());
        BoardModel model(&service);
        MainWindow window(&service, &model);
        // The seeded board's clock stands still; show it five hours later.
        const qint64 now = board.now() + 5 * 3600;
        window.board()->delegate()->setClock([now] { return now; });
        QSignalSpy loaded(&model, &BoardModel::loaded);
        service.start();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(loaded.wait());
        QCOMPARE(model.rowCount(model.columnIndex(TaskStatus::Blocked)), 1);
        QCOMPARE(model.rowCount(model.columnIndex(TaskStatus::Running)), 1);

        QTRY_VERIFY(cardsLaidOut(window.board()));
        const QImage busy = window.grab().toImage();
        QVERIFY(!save(window, u"board-busy.png"_s).isEmpty());
        QVERIFY2(colourCount(busy) > 40, "the busy board paints hardly anything");

        const QModelIndex blocked = model.index(0, 0, model.columnIndex(TaskStatus::Blocked));
        QSignalSpy shown(window.drawer(), &TaskDrawer::historyShown);
        window.openTask(blocked.data(BoardModel::IdRole).toString());
        QVERIFY(shown.wait());
        QVERIFY(!save(window, u"board-drawer.png"_s).isEmpty());

        // The same board in a dark palette: cards must follow the system's colours.
        const QPalette light = QApplication::palette();
        QApplication::setPalette(darkPalette());
        QTRY_COMPARE(window.board()->columnView(TaskStatus::Ready)->palette().color(QPalette::Base),
                     darkPalette().color(QPalette::Base));
        const QImage dark = window.grab().toImage();
        QVERIFY(!save(window, u"board-dark.png"_s).isEmpty());
        QVERIFY2(averageLightness(dark) < 90, "the dark palette left the board light");
        QVERIFY(averageLightness(busy) > 150);
        QApplication::setPalette(light);
        QTRY_COMPARE(window.board()->columnView(TaskStatus::Ready)->palette().color(QPalette::Base),
                     light.color(QPalette::Base));

        auto *lanes = window.findChild<QAction *>(u"action-lanes"_s);
        QVERIFY(lanes);
        lanes->trigger();
        QVERIFY(window.board()->laneCount() > 3);
        QTRY_VERIFY(cardsLaidOut(window.board()));
        QVERIFY(!save(window, u"board-lanes.png"_s).isEmpty());
    }
};

QTEST_MAIN(ScreenshotTest)
#include "tst_screenshots.moc"
