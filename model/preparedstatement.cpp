#include "preparedstatement.h"

#include <sqlite3.h>

using namespace Qt::StringLiterals;

PreparedStatement::PreparedStatement(sqlite3 *connection, const QString &sql)
    : m_connection(connection), m_sql(sql)
{
    const QByteArray utf8 = sql.toUtf8();
    // PERSISTENT: these statements live as long as the connection, and SQLite keeps
    // them out of its short-lived lookaside memory.
    const int code = sqlite3_prepare_v3(m_connection, utf8.constData(), int(utf8.size()),
                                        SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr);
    if (code != SQLITE_OK) {
        recordError(code);
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

PreparedStatement::~PreparedStatement()
{
    // Finalized before m_boundTexts goes, so SQLite never holds a dangling text.
    sqlite3_finalize(m_statement);
    m_statement = nullptr;
}

void PreparedStatement::addBindValue(const QString &value)
{
    if (value.isNull()) {
        bindNull();
        return;
    }
    // Qt's UTF-8 encoder is faster than SQLite's from UTF-16, and SQLITE_STATIC spares
    // SQLite a copy: m_boundTexts keeps the bytes alive until they are bound again.
    addBindUtf8(value.toUtf8());
}

void PreparedStatement::addBindUtf8(const QByteArray &utf8)
{
    const int parameter = takeParameter(); // first: it may clear m_boundTexts
    m_boundTexts.append(utf8);
    const QByteArray &kept = m_boundTexts.last();
    sqlite3_bind_text(m_statement, parameter, kept.constData(), int(kept.size()), SQLITE_STATIC);
}

void PreparedStatement::addBindValue(qint64 value)
{
    sqlite3_bind_int64(m_statement, takeParameter(), value);
}

void PreparedStatement::addBindValue(const QVariant &value)
{
    if (value.isNull()) {
        bindNull();
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::Long:
    case QMetaType::Short:
    case QMetaType::Bool:
        addBindValue(value.toLongLong());
        return;
    case QMetaType::Double:
    case QMetaType::Float:
        sqlite3_bind_double(m_statement, takeParameter(), value.toDouble());
        return;
    case QMetaType::QString:
        addBindValue(*static_cast<const QString *>(value.constData()));
        return;
    default:
        addBindValue(value.toString());
        return;
    }
}

void PreparedStatement::bindNull()
{
    sqlite3_bind_null(m_statement, takeParameter());
}

int PreparedStatement::takeParameter()
{
    if (m_nextParameter == 1) {
        // The first value of a new run. SQLite refuses to bind while the last run is
        // still stepping, and once it is reset nothing reads the old texts any more
        // (every parameter is bound again before the next step).
        if (m_active)
            sqlite3_reset(m_statement);
        m_active = false;
        m_rowPending = false;
        m_boundTexts.clear();
    }
    return m_nextParameter++;
}

qint64 PreparedStatement::takeFullScanSteps()
{
    return m_statement ? sqlite3_stmt_status(m_statement, SQLITE_STMTSTATUS_FULLSCAN_STEP, 1) : 0;
}

bool PreparedStatement::exec()
{
    m_nextParameter = 1;
    m_rowPending = false;
    m_changes = 0;
    m_lastInsertId = 0;
    if (!m_statement)
        return false;
    if (m_active)
        sqlite3_reset(m_statement);
    m_active = false;
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW) {
        m_active = true;
        m_rowPending = true;
        return true;
    }
    if (code == SQLITE_DONE) {
        m_changes = sqlite3_changes(m_connection);
        m_lastInsertId = sqlite3_last_insert_rowid(m_connection);
        sqlite3_reset(m_statement);
        return true;
    }
    recordError(code);
    sqlite3_reset(m_statement);
    return false;
}

bool PreparedStatement::next()
{
    if (m_rowPending) {
        m_rowPending = false;
        return true;
    }
    if (!m_active)
        return false;
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    if (code != SQLITE_DONE)
        recordError(code);
    sqlite3_reset(m_statement);
    m_active = false;
    return false;
}

void PreparedStatement::finish()
{
    if (m_active)
        sqlite3_reset(m_statement);
    m_active = false;
    m_rowPending = false;
    m_nextParameter = 1;
}

bool PreparedStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QString PreparedStatement::text(int column) const
{
    // UTF-8 straight from the page, decoded by Qt: cheaper than SQLite's own UTF-16
    // conversion, which allocates a copy inside SQLite first.
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    if (!bytes)
        return {};
    return QString::fromUtf8(bytes, sqlite3_column_bytes(m_statement, column));
}

QByteArrayView PreparedStatement::utf8(int column) const
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    if (!bytes)
        return {};
    return QByteArrayView(bytes, sqlite3_column_bytes(m_statement, column));
}

qint64 PreparedStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

std::optional<qint64> PreparedStatement::optionalInteger(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return integer(column);
}

QVariant PreparedStatement::value(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return QVariant(qlonglong(integer(column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_statement, column));
    case SQLITE_TEXT:
        return QVariant(text(column));
    case SQLITE_BLOB: {
        const auto *bytes = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
        return QVariant(QByteArray(bytes, sqlite3_column_bytes(m_statement, column)));
    }
    default:
        return {};
    }
}

void PreparedStatement::recordError(int code)
{
    // With sqlite3_prepare_v3 the step's own code is the extended one; the message
    // is read before a reset can replace it.
    m_errorCode = sqlite3_extended_errcode(m_connection);
    if ((m_errorCode & 0xff) != (code & 0xff))
        m_errorCode = code;
    m_errorText = QString::fromUtf8(sqlite3_errmsg(m_connection));
}
