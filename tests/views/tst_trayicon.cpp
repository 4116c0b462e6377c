#include "trayicon.h"

#include <QApplication>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
Event boardEvent(const QString &taskId, const QString &kind, const QString &reason = {})
{
    static qint64 id = 0;
    return Event{++id, taskId, kind, {{u"reason"_s, reason}}, 0};
}
}

class TrayIconTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldNotifyABlockedTaskByNameAndReason()
    {
        TrayIcon tray;
        tray.setCoalesceDelay(0);
        QSignalSpy notified(&tray, &TrayIcon::notified);
        tray.noteEvents({boardEvent(u"t_1"_s, u"claimed"_s), boardEvent(u"t_1"_s, u"blocked"_s, u"needs a key"_s)},
                        {{u"t_1"_s, u"Rotate keys"_s}});
        QVERIFY(notified.wait());
        QCOMPARE(notified.constFirst().at(0).toString(), u"Blocked: Rotate keys"_s);
        QCOMPARE(notified.constFirst().at(1).toString(), u"needs a key"_s);
    }

    void shouldTurnABurstIntoOneNotification()
    {
        TrayIcon tray;
        tray.setCoalesceDelay(50);
        QSignalSpy notified(&tray, &TrayIcon::notified);
        QSignalSpy opened(&tray, &TrayIcon::taskOpenRequested);
        tray.noteEvents({boardEvent(u"t_1"_s, u"blocked"_s, u"a"_s)}, {});
        tray.noteEvents({boardEvent(u"t_2"_s, u"blocked"_s, u"b"_s), boardEvent(u"t_2"_s, u"gave_up"_s, u"c"_s),
                         boardEvent(u"t_3"_s, u"completed"_s)},
                        {});
        QVERIFY(notified.wait());
        QVERIFY(!notified.wait(150)); // nothing else follows the burst
        QCOMPARE(notified.count(), 1);
        QCOMPARE(notified.constFirst().at(0).toString(), u"2 task(s) need you"_s);
        QVERIFY(notified.constFirst().at(1).toString().contains(u"c"_s));
        // Clicking the notification opens the first task of the burst.
        Q_EMIT tray.icon()->messageClicked();
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.constFirst().constFirst().toString(), u"t_1"_s);
    }

    void shouldStayQuietForEventsThatNeedNobody()
    {
        TrayIcon tray;
        tray.setCoalesceDelay(0);
        QSignalSpy notified(&tray, &TrayIcon::notified);
        tray.noteEvents({boardEvent(u"t_1"_s, u"completed"_s), boardEvent(u"t_2"_s, u"claimed"_s)}, {});
        QVERIFY(!notified.wait(100));
    }
};

QTEST_MAIN(TrayIconTest)
#include "tst_trayicon.moc"
