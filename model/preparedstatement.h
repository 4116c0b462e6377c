#pragma once

#include <QByteArray>
#include <QString>
#include <QVarLengthArray>
#include <QVariant>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

// One prepared statement of the kernel, run through SQLite's own API on the connection
// Qt opened. The kernel's commands are a handful of one-row statements each, and
// through QSqlQuery every bound value and every value read costs a QVariant, a
// placeholder name and a hash lookup; here they cost a call into SQLite. The calls
// mirror QSqlQuery's (addBindValue, exec, next, value, finish), so the statements read
// the same; typed readers (text, integer, optionalInteger) skip the QVariant.
//
// A null QString binds NULL, as QtSql does; an empty one binds ''.
class PreparedStatement final
{
public:
    PreparedStatement(sqlite3 *connection, const QString &sql);
    ~PreparedStatement();
    Q_DISABLE_COPY_MOVE(PreparedStatement)

    bool isPrepared() const { return m_statement != nullptr; }
    const QString &sql() const { return m_sql; }

    void addBindValue(const QString &value);
    // Text that is already UTF-8.
    void addBindUtf8(const QByteArray &utf8);
    void addBindValue(qint64 value);
    void addBindValue(int value) { addBindValue(qint64(value)); }
    void addBindValue(bool value) = delete; // say 1 or 0: SQL has no booleans
    template <typename Number>
    void addBindValue(const std::optional<Number> &value)
    {
        if (value)
            addBindValue(qint64(*value));
        else
            bindNull();
    }
    // Null, integer, floating point or text values; anything else binds as text.
    void addBindValue(const QVariant &value);
    void bindNull();

    // Runs the statement with the values bound since the last run. A statement that
    // returns rows stops at the first; next() hands it out. False on an error.
    bool exec();
    bool next();
    // Lets go of the rows not read; SQLite needs that before a transaction commits.
    void finish();
    bool isActive() const { return m_active; }
    // Rows changed by the last exec() of an INSERT, UPDATE or DELETE.
    int numRowsAffected() const { return m_changes; }
    // The key of the row the last exec() of an INSERT made. (INSERT … RETURNING id says
    // the same in SQL both databases accept, but SQLite pays for it with a temporary
    // table on every run; a PostgreSQL implementation of this class would append it.)
    qint64 lastInsertId() const { return m_lastInsertId; }

    // Readers of the current row (columns count from 0).
    bool isNull(int column) const;
    QString text(int column) const; // a null QString for NULL
    // The column's UTF-8 bytes in place, valid until the next step; empty for NULL.
    QByteArrayView utf8(int column) const;
    qint64 integer(int column) const; // 0 for NULL
    std::optional<qint64> optionalInteger(int column) const;
    QVariant value(int column) const; // QVariant() for NULL

    // Rows SQLite stepped through in full-table scans since the last call (a query an
    // index should have answered shows up here), counted from zero again after it.
    qint64 takeFullScanSteps();

    // SQLite's extended result code and message of the last failure.
    int errorCode() const { return m_errorCode; }
    const QString &errorText() const { return m_errorText; }

private:
    void recordError(int code);
    int takeParameter();

    sqlite3 *m_connection;
    sqlite3_stmt *m_statement = nullptr;
    QString m_sql;
    int m_nextParameter = 1;
    // The UTF-8 of the bound texts, kept until the next run rebinds them, so SQLite
    // reads them in place instead of converting and copying each one.
    QVarLengthArray<QByteArray, 16> m_boundTexts;
    bool m_active = false;     // stepped into rows and not reset yet
    bool m_rowPending = false; // exec() stepped onto a row next() has not handed out
    int m_changes = 0;
    qint64 m_lastInsertId = 0;
    int m_errorCode = 0;
    QString m_errorText;
};
