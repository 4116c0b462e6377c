#include "clisession.h"

#include "database.h"
#include "taskstore.h"
#include "textformatter.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QString resolveDatabasePath(const CliArguments &arguments, const BoardHome &home)
{
    QString path = arguments.database();
    if (path.isEmpty())
        path = qEnvironmentVariable("QANBAN_DB");
    if (path.isEmpty())
        return home.databasePath();
    return QDir::current().absoluteFilePath(path);
}

// The contract promises one line: a multi-line message from a lower layer is folded.
QByteArray oneLine(const QString &text)
{
    QString line = text.simplified();
    return line.toUtf8();
}

} // namespace

CliSession::CliSession(const CliArguments &arguments)
    : m_arguments(arguments), m_home(BoardHome::resolve(arguments.home())),
      m_databasePath(resolveDatabasePath(arguments, m_home))
{
}

CliSession::~CliSession()
{
    // The store holds prepared statements of the connection: it goes first.
    m_store.reset();
    m_database.reset();
}

Result<TaskStore *> CliSession::board()
{
    if (m_store)
        return m_store.get();
    Result<std::unique_ptr<Database>> opened = Database::open(m_databasePath);
    if (!opened)
        return opened.error();
    m_database = std::move(opened).value();
    m_store = std::make_unique<TaskStore>(*m_database);
    return m_store.get();
}

QByteArray CliSession::toJson(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // QJsonDocument holds only objects and arrays: wrap a scalar and cut the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

void CliSession::writeLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void CliSession::writeError(const QByteArray &text)
{
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::fflush(stderr);
}

int CliSession::reply(const QJsonValue &json, const QString &text)
{
    if (isJson()) {
        writeLine(toJson(json));
    } else if (!text.isEmpty()) {
        QByteArray bytes = text.toUtf8();
        if (bytes.endsWith('\n'))
            bytes.chop(1);
        writeLine(bytes);
    }
    return Done;
}

int CliSession::replyTask(const Task &task)
{
    return reply(task.toJson(), TextFormatter::taskLine(task));
}

int CliSession::fail(const Error &error)
{
    return fail(error.message);
}

int CliSession::fail(const QString &message)
{
    writeError("qanbanctl: error: " + oneLine(message) + '\n');
    return Failed;
}

int CliSession::usage(const QString &message)
{
    QByteArray text = "qanbanctl: usage: " + oneLine(message) + '\n';
    if (const CliVerb *verb = m_arguments.verb())
        text += "usage: qanbanctl " + verb->synopsis().toUtf8() + '\n';
    else
        text += "Run 'qanbanctl help' for the verbs and their options.\n";
    writeError(text);
    return UsageError;
}
