#include "changefeed.h"

#include "database.h"
#include "logging.h"
#include "taskqueries.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

#include <iterator>

using namespace Qt::StringLiterals;

namespace {
constexpr int batchSize = 500;
// The first write of a commit wakes the feed before the commit is visible, and the write
// that completes it may raise no further notification (the fsync and the shared-memory
// index do not). A few more looks after the last notification catch it however long
// the fsync takes.
constexpr int settleDelaysMs[] = {4, 16, 60};
}

ChangeFeed::ChangeFeed(const QString &databasePath, QObject *parent)
    : QObject(parent), m_databasePath(databasePath), m_timer(new QTimer(this)),
      m_settleTimer(new QTimer(this)), m_watcher(new QFileSystemWatcher(this))
{
    connect(m_timer, &QTimer::timeout, this, &ChangeFeed::poll);
    m_settleTimer->setSingleShot(true);
    connect(m_settleTimer, &QTimer::timeout, this, [this] {
        poll();
        if (++m_settleStep < int(std::size(settleDelaysMs)))
            m_settleTimer->start(settleDelaysMs[m_settleStep]);
    });
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
        // A checkpoint can replace a watched file; watch it again.
        watchFiles();
        schedulePoll();
        m_settleStep = 0;
        m_settleTimer->start(settleDelaysMs[0]);
    });
}

ChangeFeed::~ChangeFeed() = default;

Result<void> ChangeFeed::start(int intervalMs)
{
    Result<std::unique_ptr<Database>> opened =
        Database::open(m_databasePath, Database::OpenMode::MustExist);
    if (!opened)
        return opened.error();
    m_database = std::move(opened).value();
    if (m_cursor < 0) {
        TaskQueries queries(*m_database);
        Result<qint64> last = queries.lastEventId();
        if (!last)
            return last.error();
        m_cursor = *last;
    }
    m_dataVersion = -1;
    watchFiles();
    m_timer->start(intervalMs);
    poll();
    return {};
}

void ChangeFeed::stop()
{
    m_timer->stop();
    m_settleTimer->stop();
    const QStringList watched = m_watcher->files();
    if (!watched.isEmpty())
        m_watcher->removePaths(watched);
    m_database.reset();
}

bool ChangeFeed::isRunning() const
{
    return m_database != nullptr;
}

void ChangeFeed::setCursor(qint64 eventId)
{
    m_cursor = eventId;
}

void ChangeFeed::watchFiles()
{
    for (const QString &path : QStringList{m_databasePath + u"-wal"_s, m_databasePath}) {
        if (!m_watcher->files().contains(path) && QFileInfo::exists(path))
            m_watcher->addPath(path);
    }
}

void ChangeFeed::schedulePoll()
{
    // A busy writer touches the WAL many times per commit; one poll per turn of the
    // event loop is enough.
    if (m_pollScheduled)
        return;
    m_pollScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_pollScheduled = false;
        poll();
    });
}

void ChangeFeed::poll()
{
    if (!m_database)
        return;
    PreparedStatement &version = m_database->prepare(u"PRAGMA data_version"_s);
    if (!version.exec() || !version.next()) {
        Q_EMIT failed(m_database->errorFrom(version, "poll for changes").message);
        return;
    }
    const qint64 current = version.integer(0);
    version.finish();
    // The first poll after start() reads unconditionally: commits may have happened
    // between taking the cursor and taking the first data_version.
    if (current == m_dataVersion)
        return;
    m_dataVersion = current;

    TaskQueries queries(*m_database);
    for (;;) {
        Result<QList<Event>> events = queries.eventsAfter(m_cursor, batchSize);
        if (!events) {
            qCWarning(lcModel, "change feed: %s", qUtf8Printable(events.error().message));
            Q_EMIT failed(events.error().message);
            return;
        }
        if (events->isEmpty())
            return;
        m_cursor = events->constLast().id;
        QStringList taskIds;
        for (const Event &event : std::as_const(*events)) {
            if (!taskIds.contains(event.taskId))
                taskIds << event.taskId;
        }
        Q_EMIT eventsAppended(*events);
        Q_EMIT tasksChanged(taskIds);
        if (events->size() < batchSize)
            return;
    }
}
