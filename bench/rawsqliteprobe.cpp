#include "rawsqliteprobe.h"

#include "database.h"
#include "preparedstatement.h"
#include "walwritebatching.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace {

constexpr int tableRows = 1000;
constexpr int minimumTransactions = 200;
constexpr int ballastPages = 1200; // more than the 1,000-page auto-checkpoint

Error failure(const QSqlQuery &query, const QString &what)
{
    return makeError(ErrorCode::Database,
                     u"raw probe: cannot %1: %2"_s.arg(what, query.lastError().text()));
}

Error failure(const PreparedStatement &statement, const QString &what)
{
    return makeError(ErrorCode::Database,
                     u"raw probe: cannot %1: %2"_s.arg(what, statement.errorText()));
}

// Runs `step` in its own BEGIN IMMEDIATE / COMMIT until the time is up (and at least
// minimumTransactions ran); returns transactions per second.
template <typename Step>
Result<double> transactionsPerSecond(PreparedStatement &begin, PreparedStatement &commit,
                                     double seconds, Step step)
{
    const qint64 budget = qint64(seconds * 1e9);
    QElapsedTimer timer;
    timer.start();
    qint64 count = 0;
    while (count < minimumTransactions || timer.nsecsElapsed() < budget) {
        if (!begin.exec())
            return failure(begin, u"begin"_s);
        if (Result<void> done = step(count); !done)
            return done.error();
        if (!commit.exec())
            return failure(commit, u"commit"_s);
        ++count;
    }
    return double(count) * 1e9 / double(timer.nsecsElapsed());
}

} // namespace

RawSqliteProbe::RawSqliteProbe(const QString &directory, double secondsPerRun)
    : m_directory(directory), m_secondsPerRun(secondsPerRun)
{
}

Result<RawSqliteProbe::Ceiling> RawSqliteProbe::measure(int repeats)
{
    const QString connectionName = u"qanban-bench-raw"_s;
    const QString path = QDir(m_directory).absoluteFilePath(u"raw-probe.db"_s);
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);

    // The probe writes through the same VFS as the boards (Database::open installs it):
    // the ceiling is SQLite's on this machine's I/O path, not a slower path's.
    WalWriteBatching::install();
    Ceiling ceiling;
    Result<void> outcome;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        outcome = [&]() -> Result<void> {
            if (!db.open())
                return makeError(ErrorCode::Database, u"raw probe: cannot open %1"_s.arg(path));
            QSqlQuery setup(db);
            for (const QString &sql :
                 {u"PRAGMA page_size=%1"_s.arg(Database::newBoardPageSize),
                  u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=FULL"_s,
                  u"CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER NOT NULL, "
                  "v TEXT NOT NULL)"_s}) {
                if (!setup.exec(sql))
                    return failure(setup, sql);
            }
            if (!setup.exec(
                    u"SELECT sqlite_version(), (SELECT journal_mode FROM pragma_journal_mode), "
                    "(SELECT synchronous FROM pragma_synchronous), "
                    "(SELECT page_size FROM pragma_page_size)"_s) ||
                !setup.next())
                return failure(setup, u"read the settings"_s);
            ceiling.sqliteVersion = setup.value(0).toString();
            ceiling.journalMode = setup.value(1).toString();
            ceiling.synchronous = setup.value(2).toInt();
            ceiling.pageSize = setup.value(3).toInt();
            setup.finish();

            // The kernel's own statement class on the driver's connection: the probe
            // pays for exactly what a kernel statement pays for, and nothing else.
            const QVariant handle = db.driver()->handle();
            if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
                return makeError(ErrorCode::Database, u"raw probe: no SQLite handle"_s);
            sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
            PreparedStatement begin(connection, u"BEGIN IMMEDIATE"_s);
            PreparedStatement commit(connection, u"COMMIT"_s);
            PreparedStatement insert(connection, u"INSERT INTO t (k, v) VALUES (?, ?)"_s);
            PreparedStatement update(connection, u"UPDATE t SET k = k + 1, v = ? WHERE id = ?"_s);
            for (const PreparedStatement *statement : {&begin, &commit, &insert, &update}) {
                if (!statement->isPrepared())
                    return failure(*statement, u"prepare"_s);
            }

            // The table the UPDATEs hit: tableRows rows, written in one transaction.
            const QString payload = u"a row of about the size of a task title, 48 chars"_s;
            if (!begin.exec())
                return failure(begin, u"begin"_s);
            for (int row = 0; row < tableRows; ++row) {
                insert.addBindValue(row);
                insert.addBindValue(payload);
                if (!insert.exec())
                    return failure(insert, u"fill the table"_s);
            }
            if (!commit.exec())
                return failure(commit, u"commit"_s);

            // Steady state before the clock starts: while the WAL file grows, every
            // commit's fsync also writes the file's new size, which makes the first
            // thousand or so commits of a fresh file several times slower. One big
            // transaction grows the WAL past the auto-checkpoint size; from then on it
            // is reused from its start, as a board's WAL is after its first minute.
            if (!setup.exec(u"CREATE TABLE ballast (b BLOB NOT NULL)"_s)
                || !setup.exec(u"BEGIN IMMEDIATE"_s)
                || !setup.exec(u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                               "WHERE i < %1) INSERT INTO ballast SELECT zeroblob(3500) FROM n"_s
                                   .arg(ballastPages))
                || !setup.exec(u"COMMIT"_s))
                return failure(setup, u"grow the WAL"_s);
            setup.finish();

            for (int run = 0; run < repeats; ++run) {
                Result<double> inserts = transactionsPerSecond(
                    begin, commit, m_secondsPerRun, [&](qint64 i) -> Result<void> {
                        insert.addBindValue(i);
                        insert.addBindValue(payload);
                        if (!insert.exec())
                            return failure(insert, u"insert"_s);
                        return {};
                    });
                if (!inserts)
                    return inserts.error();
                ceiling.insertRuns << *inserts;
                Result<double> updates = transactionsPerSecond(
                    begin, commit, m_secondsPerRun, [&](qint64) -> Result<void> {
                        update.addBindValue(payload);
                        update.addBindValue(1 + QRandomGenerator::global()->bounded(tableRows));
                        if (!update.exec())
                            return failure(update, u"update"_s);
                        return {};
                    });
                if (!updates)
                    return updates.error();
                ceiling.updateRuns << *updates;
            }
            return {};
        }();
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
    if (!outcome)
        return outcome.error();
    return ceiling;
}
