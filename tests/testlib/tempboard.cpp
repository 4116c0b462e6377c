#include "tempboard.h"

#include <QDir>
#include <QFile>

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
