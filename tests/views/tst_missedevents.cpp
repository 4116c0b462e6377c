#include "boardfixture.h"
#include "boardsettings.h"
#include "mainwindow.h"
#include "trayicon.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;

// What needed a human while Qanban was closed is summarised at the next start.
class MissedEventsTest : public QObject
{
    Q_OBJECT

private:
    struct OpenBoard {
        OpenBoard(TempBoard &board, BoardSettings &settings)
            : service(board.databasePath()), model(&service), window(&service, &model)
        {
            window.setSettings(&settings);
            QSignalSpy loaded(&model, &BoardModel::loaded);
            service.start();
            ok = loaded.wait();
        }
        TaskService service;
        BoardModel model;
        MainWindow window;
        bool ok = false;
    };

private Q_SLOTS:
    void shouldSummariseOnlyWhatCameWhileClosed()
    {
        TempBoard board;
        const Task early = must(board.store().create({.title = u"Blocked before"_s}));
        must(board.store().block(early.id, u"long ago"_s));
        BoardSettings settings(QDir(board.home()).filePath(u"qanban.conf"_s));
        QCOMPARE(settings.lastSeenEventId(), -1);
        {
            // GIVEN a first start: nothing counts as missed
            OpenBoard first(board, settings);
            QVERIFY(first.ok);
            QSignalSpy notified(first.window.tray(), &TrayIcon::notified);
            QTRY_VERIFY(settings.lastSeenEventId() > 0);
            QVERIFY(!notified.wait(200));
        }
        // WHEN a worker blocks a task while the board is closed
        const Task late = must(board.store().create({.title = u"Rotate the keys"_s}));
        must(board.store().claim(late.id, u"worker"_s));
        must(board.store().block(late.id, u"needs a second factor"_s));
        // THEN the next start says so, once, naming the task and the reason
        OpenBoard second(board, settings);
        QVERIFY(second.ok);
        QSignalSpy notified(second.window.tray(), &TrayIcon::notified);
        QVERIFY(notified.wait());
        QCOMPARE(notified.constFirst().at(0).toString(),
                 u"While Qanban was closed, 1 task(s) needed you"_s);
        QVERIFY(notified.constFirst().at(1).toString().contains(u"Rotate the keys"_s));
        QVERIFY(notified.constFirst().at(1).toString().contains(u"needs a second factor"_s));
        QVERIFY(!notified.constFirst().at(1).toString().contains(u"long ago"_s));
    }
};

QTEST_MAIN(MissedEventsTest)
#include "tst_missedevents.moc"
