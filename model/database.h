#pragma once

#include "preparedstatement.h"
#include "result.h"
#include "sqldialect.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <unordered_map>

// One connection to the board database, owned by the thread that opened it.
//
// Opening validates before it writes anything: a file that is not a database, a
// foreign SQLite database, or a board written by a newer Qanban is refused and left
// exactly as it was. Then WAL, synchronous=FULL and foreign keys are switched on and the
// schema is migrated. Every write goes through write(), which holds the write lock from
// BEGIN (BEGIN IMMEDIATE on SQLite) and retries the whole transaction while another
// process holds it.
class Database final
{
public:
    enum class OpenMode {
        CreateIfMissing, // make the file (and its folder) when it does not exist
        MustExist,       // refuse a missing file
    };

    static Result<std::unique_ptr<Database>> open(const QString &path,
                                                  OpenMode mode = OpenMode::CreateIfMissing);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    QString path() const { return m_path; }
    QString connectionName() const { return m_connectionName; }
    QSqlDatabase connection() const;
    const SqlDialect &dialect() const { return m_dialect; }
    int schemaVersion() const { return m_schemaVersion; }

    // A prepared statement cached for this connection. Bind, exec, and finish() a
    // SELECT before the transaction commits.
    PreparedStatement &prepare(const QString &sql);
    // exec() of a prepared statement; on failure an Error naming what was attempted.
    Result<void> exec(PreparedStatement &statement, const char *what);
    // One statement through QtSql, for the rare ones (pragmas, migrations).
    Result<void> execDirect(const QString &sql, const char *what);
    // Full-table scan steps of the kernel's statements since the last call: tests prove
    // with it that a command or a column's listing finds its rows through an index.
    qint64 takeFullScanSteps();
    Error errorFrom(const QSqlError &error, const char *what) const;
    Error errorFrom(const PreparedStatement &statement, const char *what) const;

    // Runs body in one write transaction. body returns a Result; a failed Result rolls
    // back and is returned as is. Busy errors retry the whole body.
    template <typename Body>
    auto write(Body &&body) -> decltype(body());

    // The newest schema this build understands.
    static int currentSchemaVersion();

    // The page size of a board this build creates. An older board keeps its own.
    static constexpr int newBoardPageSize = 1024;

private:
    Database(const QString &path, const QString &connectionName);
    Result<void> takeNativeHandle();
    Result<void> validateAndMigrate();
    Result<int> readSchemaVersion(bool *isEmpty);
    Result<void> begin();
    Result<void> commit();
    void rollback();
    bool shouldRetry(const Error &error, int attempt) const;
    void backOff(int attempt) const;

    QString m_path;
    QString m_connectionName;
    SqlDialect m_dialect;
    int m_schemaVersion = 0;
    // The connection QtSql opened, for the kernel's own statements.
    sqlite3 *m_handle = nullptr;
    // Every statement is looked up on every use, and SipHash over a whole statement
    // cost more than running a one-row one. Its length and ends tell statements apart
    // well enough; equality still compares the whole text.
    struct StatementHash {
        size_t operator()(const QString &sql) const noexcept;
    };
    // References handed out by prepare() stay valid as it grows.
    std::unordered_map<QString, std::unique_ptr<PreparedStatement>, StatementHash> m_statements;
};

template <typename Body>
auto Database::write(Body &&body) -> decltype(body())
{
    using ResultType = decltype(body());
    for (int attempt = 0;; ++attempt) {
        if (Result<void> begun = begin(); !begun) {
            if (shouldRetry(begun.error(), attempt)) {
                backOff(attempt);
                continue;
            }
            return ResultType(begun.error());
        }
        ResultType result = body();
        if (!result) {
            rollback();
            if (shouldRetry(result.error(), attempt)) {
                backOff(attempt);
                continue;
            }
            return result;
        }
        if (Result<void> committed = commit(); !committed) {
            rollback();
            if (shouldRetry(committed.error(), attempt)) {
                backOff(attempt);
                continue;
            }
            return ResultType(committed.error());
        }
        return result;
    }
}
