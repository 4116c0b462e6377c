#pragma once

#include "event.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QTimer;

// The board in the system tray: its state in the tooltip, a menu, and a notification
// when a task needs a human (blocked, or gave up after its retries). A burst of such
// events becomes one notification; clicking it opens the task that caused it.
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    bool isAvailable() const;
    void show();
    void setBoardSummary(const QString &summary);
    void setCoalesceDelay(int ms);
    // Crashes and timeouts are notified too, not only blocks and give-ups.
    void setNotifyEveryCrash(bool enabled) { m_notifyEveryCrash = enabled; }
    QMenu *menu() const { return m_menu; }
    QSystemTrayIcon *icon() const { return m_tray; }
    // The last notification's title and text, as shown (for the status bar and tests).
    QString lastTitle() const { return m_lastTitle; }
    QString lastMessage() const { return m_lastMessage; }

public Q_SLOTS:
    // Feeds board events in; the ones that need a human are notified.
    void noteEvents(const QList<Event> &events, const QHash<QString, QString> &titles);
    // What needed a human while Qanban was not running, as one notification.
    void noteMissed(const QList<Event> &events, const QHash<QString, QString> &titles);

Q_SIGNALS:
    void showBoardRequested();
    void quitRequested();
    void taskOpenRequested(const QString &taskId);
    void notified(const QString &title, const QString &message);

private:
    struct Pending {
        QString taskId;
        QString title;
        QString kind;
        QString reason;
    };
    void flush();
    bool needsHuman(const QString &kind) const;
    void notify(const QString &title, const QString &message, const QString &taskId);

    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    QTimer *m_coalesce;
    QList<Pending> m_pending;
    QString m_clickTarget;
    QString m_lastTitle;
    QString m_lastMessage;
    bool m_notifyEveryCrash = false;
};
