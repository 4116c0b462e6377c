#include "taskservice.h"

using namespace Qt::StringLiterals;

TaskService::TaskService(const QString &databasePath, QObject *parent)
    : QObject(parent), m_databasePath(databasePath), m_worker(new StoreWorker(databasePath))
{
    m_thread.setObjectName(u"qanban-db"_s);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &StoreWorker::opened, this, [this](const QString &path) {
        m_open = true;
        Q_EMIT opened(path);
    });
    connect(m_worker, &StoreWorker::openFailed, this, &TaskService::openFailed);
    connect(m_worker, &StoreWorker::boardLoaded, this, &TaskService::boardLoaded);
    connect(m_worker, &StoreWorker::cardsLoaded, this, &TaskService::cardsLoaded);
    connect(m_worker, &StoreWorker::historyLoaded, this, &TaskService::historyLoaded);
    connect(m_worker, &StoreWorker::historyFailed, this, &TaskService::historyFailed);
    connect(m_worker, &StoreWorker::eventsLoaded, this, &TaskService::eventsLoaded);
    connect(m_worker, &StoreWorker::tasksChanged, this, &TaskService::tasksChanged);
    connect(m_worker, &StoreWorker::eventsAppended, this, &TaskService::eventsAppended);
    connect(m_worker, &StoreWorker::readFailed, this, &TaskService::readFailed);
    connect(m_worker, &StoreWorker::commandFinished, this,
            [this](quint64 id, bool ok, const QString &message, const QStringList &changed) {
                Q_EMIT commandFinished(id, ok, message, changed);
                if (!ok)
                    Q_EMIT commandFailed(message);
            });
}

TaskService::~TaskService()
{
    if (m_thread.isRunning()) {
        // The worker closes its connection in its own thread before the thread ends.
        QMetaObject::invokeMethod(m_worker, &StoreWorker::close, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_worker;
    }
}

void TaskService::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &StoreWorker::open, Qt::QueuedConnection);
}

quint64 TaskService::execute(const StoreWorker::Command &command)
{
    const quint64 id = m_nextCommandId++;
    StoreWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id, command] { worker->execute(id, command); }, Qt::QueuedConnection);
    return id;
}

void TaskService::loadBoard(bool includeArchived, quint64 generation)
{
    StoreWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, includeArchived, generation] { worker->loadBoard(includeArchived, generation); },
        Qt::QueuedConnection);
}

void TaskService::loadCards(const QStringList &taskIds)
{
    StoreWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, taskIds] { worker->loadCards(taskIds); }, Qt::QueuedConnection);
}

void TaskService::loadHistory(const QString &taskId)
{
    StoreWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, taskId] { worker->loadHistory(taskId); }, Qt::QueuedConnection);
}

void TaskService::loadEventsAfter(qint64 afterId, int limit)
{
    StoreWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, afterId, limit] { worker->loadEventsAfter(afterId, limit); },
        Qt::QueuedConnection);
}

quint64 TaskService::forEachTask(
    const QStringList &ids, const std::function<Result<Task>(TaskStore &, const QString &)> &step)
{
    return execute([ids, step](TaskStore &store) -> Result<QStringList> {
        QStringList changed;
        QStringList refusals;
        for (const QString &id : ids) {
            Result<Task> done = step(store, id);
            if (done)
                changed << id;
            else
                refusals << u"%1: %2"_s.arg(id, done.error().message);
        }
        if (!refusals.isEmpty()) {
            const QString message = ids.size() == 1
                ? refusals.constFirst().section(u": "_s, 1)
                : u"%1 of %2 refused: %3"_s.arg(refusals.size()).arg(ids.size())
                      .arg(refusals.join(u"; "_s));
            return makeError(ErrorCode::Refused, message);
        }
        return changed;
    });
}

quint64 TaskService::moveTasks(const QStringList &ids, TaskStatus to, const QString &note,
                               const QString &beforeId)
{
    return forEachTask(ids, [to, note, beforeId](TaskStore &store, const QString &id) {
        Result<Task> moved = store.move(id, to, note);
        // A move that was redirected (ready with an open parent lands in todo) keeps
        // its rank: the drop position belonged to the other column. The place is a
        // wish, not a condition: when the card below has left meanwhile, the move stands.
        if (moved && moved->status == to && id != beforeId) {
            if (Result<Task> placed = store.placeBefore(id, beforeId))
                return placed;
        }
        return moved;
    });
}

quint64 TaskService::placeBefore(const QStringList &ids, const QString &beforeId)
{
    return forEachTask(ids, [beforeId](TaskStore &store, const QString &id) {
        return store.placeBefore(id, beforeId);
    });
}

quint64 TaskService::createTask(const NewTask &spec)
{
    return execute([spec](TaskStore &store) -> Result<QStringList> {
        Result<Task> created = store.create(spec);
        if (!created)
            return created.error();
        return QStringList{created->id};
    });
}

quint64 TaskService::editTask(const QString &id, const TaskEdit &edit)
{
    return forEachTask({id}, [edit](TaskStore &store, const QString &taskId) {
        return store.edit(taskId, edit);
    });
}

quint64 TaskService::assignTasks(const QStringList &ids, const QString &assignee)
{
    return forEachTask(ids, [assignee](TaskStore &store, const QString &id) {
        return store.assign(id, assignee, u"board"_s);
    });
}

quint64 TaskService::archiveTasks(const QStringList &ids, bool archived)
{
    return forEachTask(ids, [archived](TaskStore &store, const QString &id) {
        return archived ? store.archive(id) : store.unarchive(id);
    });
}

quint64 TaskService::unblockTasks(const QStringList &ids)
{
    return forEachTask(ids, [](TaskStore &store, const QString &id) { return store.unblock(id); });
}

quint64 TaskService::addComment(const QString &id, const QString &author, const QString &body)
{
    return execute([id, author, body](TaskStore &store) -> Result<QStringList> {
        Result<Comment> added = store.comment(id, author, body);
        if (!added)
            return added.error();
        return QStringList{id};
    });
}

quint64 TaskService::link(const QString &parentId, const QString &childId)
{
    return execute([parentId, childId](TaskStore &store) -> Result<QStringList> {
        Result<Task> linked = store.link(parentId, childId);
        if (!linked)
            return linked.error();
        return QStringList{parentId, childId};
    });
}

quint64 TaskService::unlink(const QString &parentId, const QString &childId)
{
    return execute([parentId, childId](TaskStore &store) -> Result<QStringList> {
        Result<Task> unlinked = store.unlink(parentId, childId);
        if (!unlinked)
            return unlinked.error();
        return QStringList{parentId, childId};
    });
}
