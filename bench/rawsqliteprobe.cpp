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
const QString payload = u"a row of about the size of a task title, 48 chars"_s;

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

} // namespace

// The open probe: its connection and statements. The statements go before the
// connection they run on.
struct RawSqliteProbe::Session {
    QString connectionName = u"qanban-bench-raw-%1"_s.arg(quintptr(this), 0, 16);
    Ceiling settings;
    std::unique_ptr<PreparedStatement> begin;
    std::unique_ptr<PreparedStatement> commit;
    std::unique_ptr<PreparedStatement> insert;
    std::unique_ptr<PreparedStatement> update;
    qint64 inserted = 0;

    ~Session()
    {
        begin.reset();
        commit.reset();
        insert.reset();
        update.reset();
        {
            QSqlDatabase db = QSqlDatabase::database(connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(connectionName);
    }
};

RawSqliteProbe::RawSqliteProbe(const QString &directory, double secondsPerRun)
    : m_directory(directory), m_secondsPerRun(secondsPerRun)
{
}

RawSqliteProbe::~RawSqliteProbe()
{
    close();
}

QString RawSqliteProbe::path() const
{
    return QDir(m_directory).absoluteFilePath(u"raw-probe.db"_s);
}

Result<void> RawSqliteProbe::open()
{
    close();
    const QString file = path();
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(file + suffix);
    // The probe writes through the same VFS as the boards (Database::open installs it):
    // the ceiling is SQLite's on this machine's I/O path, not a slower path's.
    WalWriteBatching::install();
    m_session = std::make_unique<Session>();
    Session &session = *m_session;
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, session.connectionName);
    db.setDatabaseName(file);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open())
        return makeError(ErrorCode::Database, u"raw probe: cannot open %1"_s.arg(file));
    QSqlQuery setup(db);
    for (const QString &sql :
         {u"PRAGMA page_size=%1"_s.arg(Database::newBoardPageSize), u"PRAGMA journal_mode=WAL"_s,
          u"PRAGMA synchronous=FULL"_s,
          u"CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER NOT NULL, v TEXT NOT NULL)"_s}) {
        if (!setup.exec(sql))
            return failure(setup, sql);
    }
    if (!setup.exec(u"SELECT sqlite_version(), (SELECT journal_mode FROM pragma_journal_mode), "
                    "(SELECT synchronous FROM pragma_synchronous), "
                    "(SELECT page_size FROM pragma_page_size)"_s)
        || !setup.next())
        return failure(setup, u"read the settings"_s);
    session.settings.sqliteVersion = setup.value(0).toString();
    session.settings.journalMode = setup.value(1).toString();
    session.settings.synchronous = setup.value(2).toInt();
    session.settings.pageSize = setup.value(3).toInt();
    setup.finish();

    // The kernel's own statement class on the driver's connection: the probe pays for
    // exactly what a kernel statement pays for, and nothing else.
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return makeError(ErrorCode::Database, u"raw probe: no SQLite handle"_s);
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    session.begin = std::make_unique<PreparedStatement>(connection, u"BEGIN IMMEDIATE"_s);
    session.commit = std::make_unique<PreparedStatement>(connection, u"COMMIT"_s);
    session.insert = std::make_unique<PreparedStatement>(
        connection, u"INSERT INTO t (k, v) VALUES (?, ?)"_s);
    session.update = std::make_unique<PreparedStatement>(
        connection, u"UPDATE t SET k = k + 1, v = ? WHERE id = ?"_s);
    for (const PreparedStatement *statement :
         {session.begin.get(), session.commit.get(), session.insert.get(), session.update.get()}) {
        if (!statement->isPrepared())
            return failure(*statement, u"prepare"_s);
    }

    // The table the UPDATEs hit: tableRows rows, written in one transaction.
    if (!session.begin->exec())
        return failure(*session.begin, u"begin"_s);
    for (int row = 0; row < tableRows; ++row) {
        session.insert->addBindValue(row);
        session.insert->addBindValue(payload);
        if (!session.insert->exec())
            return failure(*session.insert, u"fill the table"_s);
    }
    if (!session.commit->exec())
        return failure(*session.commit, u"commit"_s);

    // Steady state before the clock starts: while the WAL file grows, every commit's
    // fsync also writes the file's new size, which makes the first thousand or so
    // commits of a fresh file several times slower. One big transaction grows the WAL
    // past the auto-checkpoint size; from then on it is reused from its start, as a
    // board's WAL is after its first minute.
    if (!setup.exec(u"CREATE TABLE ballast (b BLOB NOT NULL)"_s)
        || !setup.exec(u"BEGIN IMMEDIATE"_s)
        || !setup.exec(u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                       "WHERE i < %1) INSERT INTO ballast SELECT zeroblob(3500) FROM n"_s
                           .arg(ballastPages))
        || !setup.exec(u"COMMIT"_s))
        return failure(setup, u"grow the WAL"_s);
    setup.finish();
    return {};
}

void RawSqliteProbe::close()
{
    if (!m_session)
        return;
    m_session.reset();
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
        QFile::remove(path() + suffix);
}

Result<void> RawSqliteProbe::runTransaction(bool insert)
{
    Session &session = *m_session;
    if (!session.begin->exec())
        return failure(*session.begin, u"begin"_s);
    PreparedStatement &statement = insert ? *session.insert : *session.update;
    if (insert)
        statement.addBindValue(++session.inserted);
    statement.addBindValue(payload);
    if (!insert)
        statement.addBindValue(1 + QRandomGenerator::global()->bounded(tableRows));
    if (!statement.exec())
        return failure(statement, insert ? u"insert"_s : u"update"_s);
    if (!session.commit->exec())
        return failure(*session.commit, u"commit"_s);
    return {};
}

Result<double> RawSqliteProbe::transactionsPerSecond(bool insert)
{
    // Until the time is up, and at least minimumTransactions.
    const qint64 budget = qint64(m_secondsPerRun * 1e9);
    QElapsedTimer timer;
    timer.start();
    qint64 count = 0;
    while (count < minimumTransactions || timer.nsecsElapsed() < budget) {
        if (Result<void> done = runTransaction(insert); !done)
            return done.error();
        ++count;
    }
    return double(count) * 1e9 / double(timer.nsecsElapsed());
}

Result<RawSqliteProbe::Ceiling> RawSqliteProbe::measure(int repeats)
{
    const Result<Ceiling> ceiling = [&]() -> Result<Ceiling> {
        if (Result<void> opened = open(); !opened)
            return opened.error();
        Ceiling measured = m_session->settings;
        for (int run = 0; run < repeats; ++run) {
            Result<double> inserts = transactionsPerSecond(true);
            if (!inserts)
                return inserts.error();
            measured.insertRuns << *inserts;
            Result<double> updates = transactionsPerSecond(false);
            if (!updates)
                return updates.error();
            measured.updateRuns << *updates;
        }
        return measured;
    }();
    close();
    return ceiling;
}

Result<qint64> RawSqliteProbe::timeTransactions(bool insert, int transactions)
{
    if (!m_session)
        return makeError(ErrorCode::Database, u"raw probe: not open"_s);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < transactions; ++i) {
        if (Result<void> done = runTransaction(insert); !done)
            return done.error();
    }
    return timer.nsecsElapsed();
}

Result<qint64> RawSqliteProbe::timeInserts(int transactions)
{
    return timeTransactions(true, transactions);
}

Result<qint64> RawSqliteProbe::timeUpdates(int transactions)
{
    return timeTransactions(false, transactions);
}
