#include "storeworker.h"

#include "changefeed.h"
#include "database.h"
#include "taskstore.h"

#include <QHash>

using namespace Qt::StringLiterals;

StoreWorker::StoreWorker(const QString &databasePath) : m_databasePath(databasePath) {}

StoreWorker::~StoreWorker()
{
    close();
}

void StoreWorker::open()
{
    Result<std::unique_ptr<Database>> database = Database::open(m_databasePath);
    if (!database) {
        Q_EMIT openFailed(database.error().message);
        return;
    }
    m_database = std::move(database).value();
    m_store = std::make_unique<TaskStore>(*m_database);
    m_feed = new ChangeFeed(m_databasePath, this);
    connect(m_feed, &ChangeFeed::tasksChanged, this, &StoreWorker::tasksChanged);
    connect(m_feed, &ChangeFeed::eventsAppended, this, &StoreWorker::eventsAppended);
    connect(m_feed, &ChangeFeed::failed, this, &StoreWorker::readFailed);
    if (Result<void> started = m_feed->start(); !started) {
        Q_EMIT openFailed(started.error().message);
        return;
    }
    Q_EMIT opened(m_database->path());
}

void StoreWorker::close()
{
    delete m_feed;
    m_feed = nullptr;
    m_store.reset();
    m_database.reset();
}

Result<QList<BoardCard>> StoreWorker::cardsFor(const QList<Task> &tasks)
{
    // Two grouped reads for the whole batch instead of two per card.
    QHash<QString, int> commentCounts;
    PreparedStatement &counts = m_database->prepare(
        u"SELECT task_id, COUNT(*) FROM comments GROUP BY task_id"_s);
    if (Result<void> done = m_database->exec(counts, "count comments"); !done)
        return done.error();
    while (counts.next())
        commentCounts.insert(counts.text(0), int(counts.integer(1)));
    counts.finish();

    Result<QList<Run>> openRuns = m_store->queries().openRuns();
    if (!openRuns)
        return openRuns.error();
    QHash<QString, Run> runOf;
    for (const Run &run : std::as_const(*openRuns))
        runOf.insert(run.taskId, run);

    QList<BoardCard> cards;
    cards.reserve(tasks.size());
    for (const Task &task : tasks) {
        BoardCard card{task, commentCounts.value(task.id), std::nullopt};
        if (auto it = runOf.constFind(task.id); it != runOf.constEnd())
            card.openRun = *it;
        cards << card;
    }
    return cards;
}

void StoreWorker::loadBoard(bool includeArchived, quint64 generation)
{
    if (!m_store)
        return;
    TaskFilter filter;
    filter.includeArchived = includeArchived;
    Result<QList<Task>> tasks = m_store->queries().tasks(filter);
    if (!tasks) {
        Q_EMIT readFailed(tasks.error().message);
        return;
    }
    Result<QList<BoardCard>> cards = cardsFor(*tasks);
    if (!cards) {
        Q_EMIT readFailed(cards.error().message);
        return;
    }
    Q_EMIT boardLoaded(*cards, generation);
}

void StoreWorker::loadCards(const QStringList &taskIds)
{
    if (!m_store)
        return;
    QList<Task> tasks;
    QStringList missing;
    for (const QString &id : taskIds) {
        Result<Task> task = m_store->queries().task(id);
        if (task)
            tasks << *task;
        else if (task.error().code == ErrorCode::NotFound)
            missing << id;
        else {
            Q_EMIT readFailed(task.error().message);
            return;
        }
    }
    Result<QList<BoardCard>> cards = cardsFor(tasks);
    if (!cards) {
        Q_EMIT readFailed(cards.error().message);
        return;
    }
    Q_EMIT cardsLoaded(*cards, missing);
}

void StoreWorker::loadHistory(const QString &taskId)
{
    if (!m_store)
        return;
    TaskQueries &queries = m_store->queries();
    TaskHistory history;
    Result<Task> task = queries.task(taskId);
    if (!task) {
        Q_EMIT historyFailed(taskId, task.error().message);
        return;
    }
    history.task = *task;
    Result<QList<Comment>> comments = queries.comments(taskId);
    Result<QList<Run>> runs = queries.runs(taskId);
    Result<QList<Event>> events = queries.events(taskId);
    for (const Error *error : {comments ? nullptr : &comments.error(),
                               runs ? nullptr : &runs.error(),
                               events ? nullptr : &events.error()}) {
        if (error) {
            Q_EMIT historyFailed(taskId, error->message);
            return;
        }
    }
    history.comments = *comments;
    history.runs = *runs;
    history.events = *events;
    Q_EMIT historyLoaded(history);
}

void StoreWorker::loadEventsAfter(qint64 afterId, int limit)
{
    if (!m_store)
        return;
    Result<QList<Event>> events = m_store->queries().eventsAfter(afterId, limit);
    Result<qint64> last = m_store->queries().lastEventId();
    if (!events || !last) {
        Q_EMIT readFailed(events ? last.error().message : events.error().message);
        return;
    }
    Q_EMIT eventsLoaded(*events, *last);
}

void StoreWorker::execute(quint64 commandId, const Command &command)
{
    if (!m_store) {
        Q_EMIT commandFinished(commandId, false, u"the board is not open"_s, {});
        return;
    }
    Result<QStringList> changed = command(*m_store);
    if (!changed) {
        Q_EMIT commandFinished(commandId, false, changed.error().message, {});
        return;
    }
    Q_EMIT commandFinished(commandId, true, {}, *changed);
    // Our own commits reach the feed too, but asking now saves the feed's round trip.
    if (m_feed)
        m_feed->poll();
}
