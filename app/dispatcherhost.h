#pragma once

#include "dispatcher.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThread>

// Runs the board's Dispatcher in its own thread inside the desktop app, and turns its
// signals into what the window shows: the load against the caps, why each ready card
// waits, stuck warnings. All calls cross threads as queued invocations; nothing here
// waits for the dispatcher except shutdown, which stops its workers before the app exits.
class DispatcherHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DispatcherHost)

public:
    explicit DispatcherHost(const Dispatcher::Options &options, QObject *parent = nullptr);
    ~DispatcherHost() override;

    void start();
    // Stops the workers the dispatcher runs and ends its thread. Idempotent.
    void stop();

public Q_SLOTS:
    void setPaused(bool paused);
    void dispatchNow();

Q_SIGNALS:
    void loadChanged(int running, int globalCap, bool paused);
    void waitingReasonsChanged(const QHash<QString, QString> &reasons);
    void stuckWarning(const QString &message);
    void failed(const QString &message);

private:
    void onTicked(const DispatchResult &result);

    QThread m_thread;
    QPointer<Dispatcher> m_dispatcher;
};
