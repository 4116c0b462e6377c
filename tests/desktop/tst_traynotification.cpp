#include "boardfixture.h"
#include "mainwindow.h"
#include "trayicon.h"

#include <QApplication>
#include <QFile>
#include <QSystemTrayIcon>
#include <QTest>

using namespace Qt::StringLiterals;

// The tray end to end, in a real desktop session (run-in-desktop-session.sh): a worker
// blocks a task in another connection, and the notification reaches the session's
// notification daemon over D-Bus, naming the task and the reason.
class TrayNotificationTest : public QObject
{
    Q_OBJECT

private:
    static QString notifyLog()
    {
        QFile file(qEnvironmentVariable("QANBAN_NOTIFY_LOG"));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("QANBAN_NOTIFY_LOG"))
            QSKIP("run through tests/desktop/run-in-desktop-session.sh");
        QVERIFY(QSystemTrayIcon::isSystemTrayAvailable());
    }

    void shouldNotifyTheDesktopWhenAWorkerBlocksATask()
    {
        // GIVEN the board open with its tray icon, and a task being worked on
        TempBoard board;
        const Task task = must(board.store().create({.title = u"Rotate the keys"_s}));
        must(board.store().claim(task.id, u"worker"_s));
        TaskService service(board.databasePath());
        BoardModel model(&service);
        MainWindow window(&service, &model);
        window.tray()->setCoalesceDelay(50);
        QSignalSpy loaded(&model, &BoardModel::loaded);
        service.start();
        window.show();
        QVERIFY(loaded.wait());
        QSignalSpy notified(window.tray(), &TrayIcon::notified);
        // WHEN the worker blocks it, from another connection
        must(board.store().block(task.id, u"the vault wants a second factor"_s));
        // THEN the desktop's notification daemon is told, by name and reason
        QVERIFY(notified.wait(5000));
        QTRY_VERIFY_WITH_TIMEOUT(notifyLog().contains(u"Rotate the keys"_s), 5000);
        QVERIFY(notifyLog().contains(u"the vault wants a second factor"_s));
    }
};

QTEST_MAIN(TrayNotificationTest)
#include "tst_traynotification.moc"
