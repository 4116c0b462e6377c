#include "database.h"

#include "logging.h"
#include "schemamigrator.h"
#include "walwritebatching.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <sqlite3.h>

#include <string_view>

using namespace Qt::StringLiterals;

namespace {

constexpr int busyTimeoutMs = 5000;
constexpr int maxWriteAttempts = 40;

Error newerBoard(const QString &path, int version)
{
    return makeError(ErrorCode::Database,
                     u"%1 was written by a newer Qanban (schema %2; this build knows up to "
                     "%3); it was not changed"_s.arg(path)
                         .arg(version)
                         .arg(SchemaMigrator::latestVersion()));
}

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"qanban-%1-%2"_s.arg(counter.fetchAndAddRelaxed(1))
        .arg(reinterpret_cast<quintptr>(QThread::currentThread()), 0, 16);
}

} // namespace

Database::Database(const QString &path, const QString &connectionName)
    : m_path(path), m_connectionName(connectionName)
{
}

Database::~Database()
{
    // Every statement on the connection must be finalized before the connection closes.
    m_statements.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

int Database::currentSchemaVersion()
{
    return SchemaMigrator::latestVersion();
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, OpenMode mode)
{
    if (path.isEmpty())
        return makeError(ErrorCode::Invalid, u"no database path given"_s);
    const QFileInfo info(path);
    if (info.exists() && info.isDir())
        return makeError(ErrorCode::Database, u"%1 is a folder, not a database"_s.arg(path));
    // An empty file would open as a new, empty board. That is right for a file made to
    // hold one (mktemp), but a caller that needs an existing board is handed a lost one.
    if (mode == OpenMode::MustExist && info.exists() && info.isFile() && info.size() == 0) {
        return makeError(ErrorCode::NotFound,
                         u"%1 is empty (0 bytes), not a board; it was left as it is"_s.arg(path));
    }
    if (!info.exists()) {
        if (mode == OpenMode::MustExist)
            return makeError(ErrorCode::NotFound, u"no database at %1"_s.arg(path));
        if (!QDir().mkpath(info.absolutePath())) {
            return makeError(ErrorCode::Io,
                             u"cannot create the folder %1"_s.arg(info.absolutePath()));
        }
    }

    // Before the first connection opens: a connection keeps the VFS it was opened with.
    WalWriteBatching::install();
    std::unique_ptr<Database> database(new Database(info.absoluteFilePath(),
                                                    uniqueConnectionName()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(database->m_dialect.driverName(),
                                                    database->m_connectionName);
        if (!db.isValid()) {
            return makeError(ErrorCode::Database,
                             u"the Qt SQLite driver (QSQLITE) is not installed"_s);
        }
        db.setDatabaseName(database->m_path);
        // The last connection to close a WAL database checkpoints it into the file, so a
        // -wal left by a writer that died would be written into a file we then refuse.
        // A read-only connection never checkpoints: such a file is judged through one.
        if (info.exists() && QFileInfo::exists(database->m_path + u"-wal"_s)) {
            db.setConnectOptions(
                u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs));
            if (!db.open()) {
                return makeError(ErrorCode::Database, u"cannot open %1: %2"_s.arg(
                                                          path, db.lastError().text()));
            }
            bool isEmpty = false;
            Result<int> version = database->readSchemaVersion(&isEmpty);
            db.close();
            if (!version)
                return version.error();
            if (*version > SchemaMigrator::latestVersion())
                return newerBoard(database->m_path, *version);
        }
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs));
        if (!db.open()) {
            return makeError(ErrorCode::Database, u"cannot open %1: %2"_s.arg(
                                                      path, db.lastError().text()));
        }
    }
    if (Result<void> taken = database->takeNativeHandle(); !taken)
        return taken.error();
    if (Result<void> ready = database->validateAndMigrate(); !ready)
        return ready.error();
    return database;
}

Result<void> Database::takeNativeHandle()
{
    // Debian's QSQLITE links the system's SQLite, as this library does, so its handle is
    // one this library's SQLite understands (a Qt built with its own copy of SQLite would
    // not do). The file-name check confirms that the handle is this board's connection.
    const QVariant handle = connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        return makeError(ErrorCode::Database,
                         u"the Qt SQLite driver gave no SQLite connection for %1"_s.arg(m_path));
    }
    m_handle = *static_cast<sqlite3 *const *>(handle.constData());
    const char *file = sqlite3_db_filename(m_handle, "main");
    if (!file || QFileInfo(QString::fromUtf8(file)) != QFileInfo(m_path)) {
        return makeError(ErrorCode::Database,
                         u"the Qt SQLite driver's connection is not one to %1 (is Qt built "
                         "with its own SQLite?); the board was not changed"_s.arg(m_path));
    }
    return {};
}

Result<int> Database::readSchemaVersion(bool *isEmpty)
{
    // Only reads: a file that is not ours must be left exactly as it was.
    QSqlQuery query(connection());
    if (!query.exec(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s)) {
        return makeError(ErrorCode::Database, u"%1 is not a Qanban database (%2)"_s.arg(
                                                  m_path, query.lastError().databaseText()));
    }
    bool hasMeta = false;
    bool hasOtherTables = false;
    while (query.next()) {
        const QString name = query.value(0).toString();
        if (name == "qanban_meta"_L1)
            hasMeta = true;
        else if (!name.startsWith("sqlite_"_L1))
            hasOtherTables = true;
    }
    query.finish();
    *isEmpty = !hasMeta && !hasOtherTables;
    if (!hasMeta) {
        if (hasOtherTables) {
            return makeError(ErrorCode::Database,
                             u"%1 is an SQLite database but not a Qanban board"_s.arg(m_path));
        }
        return 0;
    }
    if (!query.exec(u"SELECT value FROM qanban_meta WHERE key = 'schema_version'"_s))
        return errorFrom(query.lastError(), "read the schema version");
    return query.next() ? query.value(0).toInt() : 0;
}

Result<void> Database::validateAndMigrate()
{
    bool isEmpty = false;
    Result<int> version = readSchemaVersion(&isEmpty);
    if (!version)
        return version.error();
    if (*version > SchemaMigrator::latestVersion())
        return newerBoard(m_path, *version);

    // A command changes a few small rows in a handful of B-trees, and every page it
    // changes is a frame the commit writes and fsyncs: with 1 KiB pages a claim or a
    // complete flushes a quarter of the bytes that 4 KiB pages would (docs/performance.md).
    // The size is fixed once the file has its first page, so only a new board takes it.
    if (isEmpty) {
        if (Result<void> done = execDirect(u"PRAGMA page_size=%1"_s.arg(newBoardPageSize),
                                           "set the page size");
            !done)
            return done;
    }

    // Switching to WAL needs a moment of exclusive access; several processes opening a
    // new board at once can meet here, so a busy answer is retried like a write.
    for (int attempt = 0;; ++attempt) {
        QSqlQuery pragma(connection());
        if (pragma.exec(u"PRAGMA journal_mode=WAL"_s) && pragma.next()) {
            if (pragma.value(0).toString() != "wal"_L1) {
                qCWarning(lcModel, "%s: WAL refused by the file system; journal mode is %s",
                          qUtf8Printable(m_path), qUtf8Printable(pragma.value(0).toString()));
            }
            break;
        }
        const Error error = errorFrom(pragma.lastError(), "switch to WAL");
        if (!shouldRetry(error, attempt))
            return error;
        backOff(attempt);
    }
    for (const QString &statement : {u"PRAGMA synchronous=FULL"_s, u"PRAGMA foreign_keys=ON"_s}) {
        if (Result<void> done = execDirect(statement, "configure the connection"); !done)
            return done;
    }

    if (*version < SchemaMigrator::latestVersion() || isEmpty) {
        Result<int> migrated = SchemaMigrator::migrate(*this);
        if (!migrated)
            return migrated.error();
        m_schemaVersion = *migrated;
    } else {
        m_schemaVersion = *version;
    }
    return {};
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

size_t Database::StatementHash::operator()(const QString &sql) const noexcept
{
    constexpr qsizetype end = 48;
    const std::u16string_view text(reinterpret_cast<const char16_t *>(sql.constData()),
                                   size_t(sql.size()));
    const std::hash<std::u16string_view> hash;
    if (text.size() <= 2 * end)
        return hash(text);
    return hash(text.substr(0, end)) ^ (hash(text.substr(text.size() - end)) * 31)
           ^ size_t(text.size());
}

PreparedStatement &Database::prepare(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto statement = std::make_unique<PreparedStatement>(m_handle, sql);
        if (!statement->isPrepared())
            qCWarning(lcModel, "cannot prepare %s: %s", qUtf8Printable(sql),
                      qUtf8Printable(statement->errorText()));
        it = m_statements.emplace(sql, std::move(statement)).first;
    }
    return *it->second;
}

qint64 Database::takeFullScanSteps()
{
    qint64 steps = 0;
    for (auto &[sql, statement] : m_statements)
        steps += statement->takeFullScanSteps();
    return steps;
}

Result<void> Database::exec(PreparedStatement &statement, const char *what)
{
    if (!statement.exec())
        return errorFrom(statement, what);
    return {};
}

Result<void> Database::execDirect(const QString &sql, const char *what)
{
    QSqlQuery query(connection());
    if (!query.exec(sql))
        return errorFrom(query.lastError(), what);
    return {};
}

Error Database::errorFrom(const QSqlError &error, const char *what) const
{
    const ErrorCode code = m_dialect.isBusy(error) ? ErrorCode::Busy : ErrorCode::Database;
    QString detail = error.databaseText();
    if (detail.isEmpty())
        detail = error.text();
    return makeError(code, u"database error: cannot %1: %2"_s.arg(QLatin1StringView(what), detail));
}

Error Database::errorFrom(const PreparedStatement &statement, const char *what) const
{
    const ErrorCode code = SqlDialect::isSqliteBusy(statement.errorCode()) ? ErrorCode::Busy
                                                                           : ErrorCode::Database;
    return makeError(code, u"database error: cannot %1: %2"_s.arg(QLatin1StringView(what),
                                                                  statement.errorText()));
}

Result<void> Database::begin()
{
    // Cached like any statement: every write pays for BEGIN and COMMIT, and preparing
    // them anew each time cost about as much as a one-row statement.
    return exec(prepare(m_dialect.beginWrite()), "begin a transaction");
}

Result<void> Database::commit()
{
    // SQLite refuses to commit while a SELECT is still stepping.
    for (auto &[sql, statement] : m_statements) {
        if (statement->isActive())
            statement->finish();
    }
    return exec(prepare(u"COMMIT"_s), "commit");
}

void Database::rollback()
{
    QSqlQuery query(connection());
    // Fails harmlessly when SQLite already rolled back on its own.
    query.exec(u"ROLLBACK"_s);
}

bool Database::shouldRetry(const Error &error, int attempt) const
{
    return error.code == ErrorCode::Busy && attempt + 1 < maxWriteAttempts;
}

void Database::backOff(int attempt) const
{
    // Jitter keeps several waiting processes from retrying in lock step.
    const int ceiling = qMin(2 + attempt * 4, 100);
    QThread::msleep(1 + QRandomGenerator::global()->bounded(ceiling));
}
