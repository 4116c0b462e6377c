#include "dispatcherhost.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

DispatcherHost::DispatcherHost(const Dispatcher::Options &options, QObject *parent)
    : QObject(parent), m_dispatcher(new Dispatcher(options))
{
    qRegisterMetaType<DispatchResult>();
    m_thread.setObjectName(u"qanban-dispatcher"_s);
    m_dispatcher->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_dispatcher, &QObject::deleteLater);
    connect(m_dispatcher, &Dispatcher::ticked, this, &DispatcherHost::onTicked);
    connect(m_dispatcher, &Dispatcher::loadChanged, this, &DispatcherHost::loadChanged);
    connect(m_dispatcher, &Dispatcher::stuckWarning, this, &DispatcherHost::stuckWarning);
    connect(m_dispatcher, &Dispatcher::failed, this, &DispatcherHost::failed);
}

DispatcherHost::~DispatcherHost()
{
    stop();
    if (!m_thread.isRunning())
        delete m_dispatcher; // never started: finished() will not come to delete it
}

void DispatcherHost::start()
{
    m_thread.start();
    Dispatcher *dispatcher = m_dispatcher;
    QMetaObject::invokeMethod(dispatcher, [this, dispatcher] {
        // In the dispatcher's thread: its connection, timers and change feed live here.
        Result<void> opened = dispatcher->open();
        if (opened)
            opened = dispatcher->startWatching();
        if (!opened) {
            const QString message = opened.error().message;
            QMetaObject::invokeMethod(this, [this, message] { Q_EMIT failed(message); });
            return;
        }
        dispatcher->requestTick();
    }, Qt::QueuedConnection);
}

void DispatcherHost::stop()
{
    if (!m_thread.isRunning())
        return;
    if (m_dispatcher) {
        QMetaObject::invokeMethod(m_dispatcher, &Dispatcher::shutdown,
                                  Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

void DispatcherHost::setPaused(bool paused)
{
    if (m_dispatcher) {
        Dispatcher *dispatcher = m_dispatcher;
        QMetaObject::invokeMethod(dispatcher, [dispatcher, paused] { dispatcher->setPaused(paused); },
                                  Qt::QueuedConnection);
    }
}

void DispatcherHost::dispatchNow()
{
    if (m_dispatcher)
        QMetaObject::invokeMethod(m_dispatcher, &Dispatcher::requestTick, Qt::QueuedConnection);
}

void DispatcherHost::onTicked(const DispatchResult &result)
{
    if (result.dryRun)
        return;
    // The reasons a ready card can wait, in the words an operator would use.
    QHash<QString, QString> reasons;
    for (const DispatchPlan::Assignment &item : result.skippedNonspawnable)
        reasons.insert(item.task, tr("no profile named %1").arg(item.assignee));
    for (const DispatchPlan::Capped &item : result.skippedPerProfileCapped)
        reasons.insert(item.task, tr("%1 is at its cap (%2 running)").arg(item.assignee)
                                      .arg(item.running));
    for (const QString &task : result.skippedGlobalCap)
        reasons.insert(task, tr("the board is at its cap"));
    Q_EMIT waitingReasonsChanged(reasons);
}
