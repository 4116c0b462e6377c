#pragma once

#include "boardcard.h"
#include "storeworker.h"
#include "taskstatus.h"
#include "taskstore.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThread>

#include <functional>

// The desktop board's door to the kernel. Every command and read goes to the
// StoreWorker on its own thread and comes back as a signal, so the GUI thread never runs
// SQL or waits for the database lock.
class TaskService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskService)

public:
    explicit TaskService(const QString &databasePath, QObject *parent = nullptr);
    ~TaskService() override;

    QString databasePath() const { return m_databasePath; }
    void start();
    bool isOpen() const { return m_open; }

    // Queues a command; the returned id comes back in commandFinished.
    quint64 execute(const StoreWorker::Command &command);

    void loadBoard(bool includeArchived, quint64 generation);
    void loadCards(const QStringList &taskIds);
    void loadHistory(const QString &taskId);
    void loadEventsAfter(qint64 afterId, int limit);

    // The operator's commands, each one kernel command (or one per task).
    quint64 moveTasks(const QStringList &ids, TaskStatus to, const QString &note,
                      const QString &beforeId = {});
    quint64 placeBefore(const QStringList &ids, const QString &beforeId);
    quint64 createTask(const NewTask &spec);
    quint64 editTask(const QString &id, const TaskEdit &edit);
    quint64 assignTasks(const QStringList &ids, const QString &assignee);
    quint64 archiveTasks(const QStringList &ids, bool archived);
    quint64 unblockTasks(const QStringList &ids);
    quint64 addComment(const QString &id, const QString &author, const QString &body);
    quint64 link(const QString &parentId, const QString &childId);
    quint64 unlink(const QString &parentId, const QString &childId);

Q_SIGNALS:
    void opened(const QString &databasePath);
    void openFailed(const QString &message);
    void boardLoaded(const QList<BoardCard> &cards, quint64 generation);
    void cardsLoaded(const QList<BoardCard> &cards, const QStringList &missing);
    void historyLoaded(const TaskHistory &history);
    void eventsLoaded(const QList<Event> &events, qint64 lastEventId);
    void historyFailed(const QString &taskId, const QString &message);
    void commandFinished(quint64 commandId, bool ok, const QString &message,
                         const QStringList &changedIds);
    // A refused or failed command, in one line.
    void commandFailed(const QString &message);
    void tasksChanged(const QStringList &taskIds);
    void eventsAppended(const QList<Event> &events);
    void readFailed(const QString &message);

private:
    // Runs one command per task and reports the tasks that were refused by name.
    quint64 forEachTask(const QStringList &ids,
                        const std::function<Result<Task>(TaskStore &, const QString &)> &step);

    QString m_databasePath;
    QThread m_thread;
    QPointer<StoreWorker> m_worker;
    quint64 m_nextCommandId = 1;
    bool m_open = false;
};
