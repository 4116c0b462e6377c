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

void TrayIcon::noteEvents(const QList<Event> &events, const QHash<QString, QString> &titles)
{
    for (const Event &event : events) {
        if (event.kind != "blocked"_L1 && event.kind != "gave_up"_L1)
            continue;
        // gave_up already blocked the task: one notice for the pair, naming the give-up.
        m_pending.removeIf([&event](const Pending &pending) {
            return pending.taskId == event.taskId;
        });
        m_pending << Pending{event.taskId, titles.value(event.taskId, event.taskId), event.kind,
                             event.payload.value(u"reason"_s).toString()};
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
        title = only.kind == "gave_up"_L1 ? tr("Gave up: %1").arg(only.title)
                                          : tr("Blocked: %1").arg(only.title);
        message = only.reason;
    } else {
        title = tr("%n task(s) need you", nullptr, int(m_pending.size()));
        QStringList lines;
        for (const Pending &pending : std::as_const(m_pending))
            lines << u"%1 — %2"_s.arg(pending.title, pending.reason);
        message = lines.join(u'\n');
    }
    m_clickTarget = m_pending.constFirst().taskId;
    m_pending.clear();
    m_lastTitle = title;
    m_lastMessage = message;
    m_tray->showMessage(title, message, QSystemTrayIcon::Warning, 10000);
    Q_EMIT notified(title, message);
}
