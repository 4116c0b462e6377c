#pragma once

#include "boardcard.h"
#include "result.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class ChangeFeed;
class Database;
class TaskStore;

// The desktop board's database thread: owns that thread's connection, runs the kernel
// commands the GUI asks for, reads cards and histories, and hosts the change feed.
// Created without a parent and moved to its QThread; every slot runs there.
class StoreWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreWorker)

public:
    // A command returns the ids of the tasks it changed, or why it was refused.
    using Command = std::function<Result<QStringList>(TaskStore &)>;

    explicit StoreWorker(const QString &databasePath);
    ~StoreWorker() override;

    // Runs in the worker's thread; called through QMetaObject::invokeMethod.
    void execute(quint64 commandId, const Command &command);

public Q_SLOTS:
    void open();
    void close();
    void loadBoard(bool includeArchived, quint64 generation);
    void loadCards(const QStringList &taskIds);
    void loadHistory(const QString &taskId);
    // The events after `afterId` (at most `limit`), and the newest event id.
    void loadEventsAfter(qint64 afterId, int limit);

Q_SIGNALS:
    void opened(const QString &databasePath);
    void openFailed(const QString &message);
    void boardLoaded(const QList<BoardCard> &cards, quint64 generation);
    // Cards for the ids asked for; ids that no longer exist come back in `missing`.
    void cardsLoaded(const QList<BoardCard> &cards, const QStringList &missing);
    void historyLoaded(const TaskHistory &history);
    void eventsLoaded(const QList<Event> &events, qint64 lastEventId);
    void historyFailed(const QString &taskId, const QString &message);
    void commandFinished(quint64 commandId, bool ok, const QString &message,
                         const QStringList &changedIds);
    void tasksChanged(const QStringList &taskIds);
    void eventsAppended(const QList<Event> &events);
    void readFailed(const QString &message);

private:
    Result<QList<BoardCard>> cardsFor(const QList<Task> &tasks);

    QString m_databasePath;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TaskStore> m_store;
    ChangeFeed *m_feed = nullptr;
};
