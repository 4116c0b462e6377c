#include "walpagecounter.h"

#include "database.h"
#include "taskstore.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 walHeaderBytes = 32;
constexpr qint64 frameHeaderBytes = 24;

class Counter final
{
public:
    explicit Counter(Database &database) : m_database(database) {}

    Result<void> start()
    {
        QSqlQuery query(m_database.connection());
        if (!query.exec(u"PRAGMA page_size"_s) || !query.next())
            return makeError(ErrorCode::Database, query.lastError().text());
        m_pageSize = query.value(0).toLongLong();
        return {};
    }

    // Frames written by `count` runs of `command`, per run. A full checkpoint first
    // empties the WAL; fewer than 1,000 frames in all keep SQLite's own checkpoint away.
    Result<double> framesPer(int count, const std::function<Result<void>(int)> &command)
    {
        QSqlQuery checkpoint(m_database.connection());
        if (!checkpoint.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s))
            return makeError(ErrorCode::Database, checkpoint.lastError().text());
        checkpoint.finish();
        const qint64 before = frames();
        for (int i = 0; i < count; ++i) {
            if (Result<void> done = command(i); !done)
                return done.error();
        }
        return double(frames() - before) / count;
    }

private:
    qint64 frames() const
    {
        // stat() only: opening the file beside SQLite's own descriptor would drop its locks.
        const qint64 bytes = QFileInfo(m_database.path() + u"-wal"_s).size();
        return bytes > walHeaderBytes ? (bytes - walHeaderBytes) / (m_pageSize + frameHeaderBytes)
                                      : 0;
    }

    Database &m_database;
    qint64 m_pageSize = 4096;
};

template <typename T>
Result<void> ignoreValue(const Result<T> &result)
{
    if (!result)
        return result.error();
    return {};
}

} // namespace

Result<WalPageCounter::Counts> WalPageCounter::measure(const QString &directory, int seedTasks,
                                                       int commands)
{
    Result<std::unique_ptr<Database>> opened =
        Database::open(QDir(directory).absoluteFilePath(u"pages.db"_s));
    if (!opened)
        return opened.error();
    Database &database = **opened;
    TaskStore store(database);
    Counter counter(database);
    if (Result<void> started = counter.start(); !started)
        return started.error();
    for (int i = 0; i < seedTasks; ++i) {
        if (Result<Task> seeded = store.create(NewTask{.title = u"seed %1"_s.arg(i)}); !seeded)
            return seeded.error();
    }
    if (Result<void> made = database.execDirect(
            u"CREATE TABLE raw_probe (id INTEGER PRIMARY KEY, k INTEGER NOT NULL, v TEXT NOT NULL)"_s,
            "make the raw table");
        !made)
        return made.error();
    const QString payload = u"a row of about the size of a task title, 48 chars"_s;
    auto rawWrite = [&](const QString &sql, qint64 value) -> Result<void> {
        return database.write([&]() -> Result<void> {
            PreparedStatement &statement = database.prepare(sql);
            statement.addBindValue(value);
            statement.addBindValue(payload);
            return database.exec(statement, "write a raw row");
        });
    };

    Counts counts;
    QStringList ids;
    using Command = std::function<Result<void>(int)>;
    const QList<std::pair<double *, Command>> phases = {
        {&counts.rawInsert,
         [&](int i) { return rawWrite(u"INSERT INTO raw_probe (k, v) VALUES (?, ?)"_s, i); }},
        {&counts.rawUpdate,
         [&](int i) {
             return rawWrite(u"UPDATE raw_probe SET k = k + ?, v = ? "
                             "WHERE id = 1 + abs(random()) % 100"_s,
                             i);
         }},
        {&counts.create,
         [&](int i) -> Result<void> {
             Result<Task> created = store.create(NewTask{.title = u"task %1"_s.arg(i),
                                                         .body = u"one line of body"_s,
                                                         .assignee = u"a%1"_s.arg(i % 5)});
             if (created)
                 ids << created->id;
             return ignoreValue(created);
         }},
        {&counts.claim,
         [&](int i) { return ignoreValue(store.claim(ids.at(i), u"worker"_s, 600)); }},
        {&counts.heartbeat,
         [&](int i) { return ignoreValue(store.heartbeat(ids.at(i), u"worker"_s, 600)); }},
        {&counts.complete,
         [&](int i) {
             return ignoreValue(store.complete(ids.at(i), Completion{.summary = u"done"_s}));
         }},
    };
    // In this order: claim, heartbeat and complete work on the tasks create made.
    for (const auto &[into, command] : phases) {
        Result<double> measured = counter.framesPer(commands, command);
        if (!measured)
            return measured.error();
        *into = *measured;
    }
    return counts;
}
