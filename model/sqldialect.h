#pragma once

#include <QSqlError>
#include <QString>

// The few places where SQLite and PostgreSQL disagree. Everything else the kernel
// writes is SQL both accept; keep it that way.
class SqlDialect final
{
public:
    enum class Kind { Sqlite, Postgres };

    explicit SqlDialect(Kind kind = Kind::Sqlite) : m_kind(kind) {}

    Kind kind() const { return m_kind; }
    QString driverName() const;
    // Column type of an auto-numbered primary key that never reuses a number
    // (schema version 1 only).
    QString autoIncrementKey() const;
    // Column type of an auto-numbered primary key: one more than the largest.
    QString rowIdKey() const;
    // An expression for `bytes` random bytes as lowercase hex digits.
    QString randomHex(int bytes) const;
    // An expression for the length of a text in bytes of UTF-8.
    QString byteLength(const QString &expression) const;
    // Starts a write transaction that holds the write lock from its first statement,
    // so a read-then-write inside it can never fail to upgrade its lock.
    QString beginWrite() const;
    // True when the statement failed only because another writer held the lock;
    // such a transaction is retried, not reported.
    bool isBusy(const QSqlError &error) const;
    // The same for an SQLite result code read through SQLite's own API.
    static bool isSqliteBusy(int resultCode);

private:
    Kind m_kind;
};
