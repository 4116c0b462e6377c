#include "trayicon.h"

#include <QAction>
#include <QApplication>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>

using namespace Qt::StringLiterals;

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent), m_tray(new QSystemTrayIcon(this)), m_menu(new QMenu),
      m_coalesce(new QTimer(this))
{
    m_tray->setIcon(QIcon(u":/icons/qanban.svg"_s));
    m_tray->setToolTip(tr("Qanban"));
    QAction *showBoard = m_menu->addAction(tr("Show board"));
    connect(showBoard, &QAction::triggered, this, &TrayIcon::showBoardRequested);
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(tr("Quit Qanban"));
    connect(quit, &QAction::triggered, this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger)
                    Q_EMIT showBoardRequested();
            });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_clickTarget.isEmpty())
            Q_EMIT taskOpenRequested(m_clickTarget);
    });
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(1500);
    connect(m_coalesce, &QTimer::timeout, this, &TrayIcon::flush);
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

bool TrayIcon::isAvailable() const
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::show()
{
    m_tray->show();
}

void TrayIcon::setBoardSummary(const QString &summary)
{
    m_tray->setToolTip(tr("Qanban — %1").arg(summary));
}

void TrayIcon::setCoalesceDelay(int ms)
{
    m_coalesce->setInterval(ms);
}

bool TrayIcon::needsHuman(const QString &kind) const
{
    if (kind == "blocked"_L1 || kind == "gave_up"_L1)
        return true;
    return m_notifyEveryCrash
        && (kind == "crashed"_L1 || kind == "timed_out"_L1 || kind == "protocol_violation"_L1
            || kind == "spawn_failed"_L1);
}

void TrayIcon::noteMissed(const QList<Event> &events, const QHash<QString, QString> &titles)
{
    QStringList lines;
    QString first;
    for (const Event &event : events) {
        if (event.kind != "blocked"_L1 && event.kind != "gave_up"_L1)
            continue;
        if (first.isEmpty())
            first = event.taskId;
        const QString reason = event.payload.value(u"reason"_s).toString();
        lines << u"%1 — %2"_s.arg(titles.value(event.taskId, event.taskId), reason);
    }
    if (lines.isEmpty())
        return;
    lines.removeDuplicates();
    notify(tr("While Qanban was closed, %n task(s) needed you", nullptr, int(lines.size())),
         lines.join(u'\n'), first);
}

void TrayIcon::noteEvents(const QList<Event> &events, const QHash<QString, QString> &titles)
{
    for (const Event &event : events) {
        if (!needsHuman(event.kind))
            continue;
        // gave_up already blocked the task: one notice for the pair, naming the give-up.
        m_pending.removeIf([&event](const Pending &pending) {
            return pending.taskId == event.taskId;
        });
        QString reason = event.payload.value(u"reason"_s).toString();
        if (reason.isEmpty())
            reason = event.payload.value(u"error"_s).toString();
        m_pending << Pending{event.taskId, titles.value(event.taskId, event.taskId), event.kind,
                             reason};
    }
    if (!m_pending.isEmpty() && !m_coalesce->isActive())
        m_coalesce->start();
}

void TrayIcon::flush()
{
    if (m_pending.isEmpty())
        return;
    QString title;
    QString message;
    if (m_pending.size() == 1) {
        const Pending &only = m_pending.constFirst();
        if (only.kind == "gave_up"_L1)
            title = tr("Gave up: %1").arg(only.title);
        else if (only.kind == "blocked"_L1)
            title = tr("Blocked: %1").arg(only.title);
        else
            title = tr("Worker failed (%1): %2").arg(only.kind, only.title);
        message = only.reason;
    } else {
        title = tr("%n task(s) need you", nullptr, int(m_pending.size()));
        QStringList lines;
        for (const Pending &pending : std::as_const(m_pending))
            lines << u"%1 — %2"_s.arg(pending.title, pending.reason);
        message = lines.join(u'\n');
    }
    const QString target = m_pending.constFirst().taskId;
    m_pending.clear();
    notify(title, message, target);
}

void TrayIcon::notify(const QString &title, const QString &message, const QString &taskId)
{
    m_clickTarget = taskId;
    m_lastTitle = title;
    m_lastMessage = message;
    m_tray->showMessage(title, message, QSystemTrayIcon::Warning, 10000);
    Q_EMIT notified(title, message);
}
