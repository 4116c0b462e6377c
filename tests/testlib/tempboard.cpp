#include "tempboard.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

TempBoard::TempBoard()
{
    reopen();
}

QString TempBoard::databasePath() const
{
    return QDir(m_dir.path()).absoluteFilePath(u"qanban.db"_s);
}

void TempBoard::close()
{
    m_store.reset();
    m_database.reset();
}

void TempBoard::reopen()
{
    close();
    Result<std::unique_ptr<Database>> opened = Database::open(databasePath());
    if (!opened) {
        qWarning("TempBoard: %s", qUtf8Printable(opened.error().message));
        return;
    }
    m_database = std::move(opened).value();
    m_store = std::make_unique<TaskStore>(*m_database);
    m_store->setClock([this] { return m_now; });
}

QByteArray TempBoard::snapshot()
{
    // SQLite must not have the file open while we read it: closing our descriptor would
    // drop SQLite's locks for the whole process.
    close();
    QByteArray bytes;
    for (const QString &suffix : {u""_s, u"-wal"_s}) {
        QFile file(databasePath() + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    reopen();
    return bytes;
}

QString TempBoard::dump()
{
    if (!m_database)
        return u"<no database>"_s;
    const QSqlDatabase db = m_database->connection();
    QStringList tables;
    {
        QSqlQuery query(db);
        if (!query.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s))
            return u"<cannot list tables: %1>"_s.arg(query.lastError().text());
        while (query.next())
            tables << query.value(0).toString();
    }
    QString text;
    for (const QString &table : std::as_const(tables)) {
        QStringList columns;
        {
            QSqlQuery info(db);
            if (!info.exec(u"PRAGMA table_info(\"%1\")"_s.arg(table)))
                return u"<cannot read columns of %1>"_s.arg(table);
            while (info.next())
                columns << info.value(1).toString();
        }
        text += u"== %1 (%2)\n"_s.arg(table, columns.join(u", "_s));
        QStringList order;
        for (qsizetype i = 1; i <= columns.size(); ++i)
            order << QString::number(i);
        QSqlQuery rows(db);
        if (!rows.exec(u"SELECT * FROM \"%1\" ORDER BY %2"_s.arg(table, order.join(u", "_s))))
            return u"<cannot read %1: %2>"_s.arg(table, rows.lastError().text());
        while (rows.next()) {
            QStringList values;
            for (qsizetype i = 0; i < columns.size(); ++i) {
                const QVariant value = rows.value(int(i));
                values << (value.isNull() ? u"NULL"_s : u"'%1'"_s.arg(value.toString()));
            }
            text += values.join(u" | "_s) + u'\n';
        }
    }
    return text;
}
