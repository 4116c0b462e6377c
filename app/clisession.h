#pragma once

#include "boardhome.h"
#include "cliarguments.h"
#include "result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <memory>

class Database;
class TaskStore;
struct Task;

// One call of qanbanctl as a verb's handler sees it: the parsed arguments, where the board
// lives, the board itself (opened on first use, so that a usage error found by the handler
// never creates a database) and the contract's output forms: one JSON value with --json,
// text otherwise, and exactly one `qanbanctl: error:` line on stderr when refused.
class CliSession final
{
public:
    enum ExitStatus : int { Done = 0, Failed = 1, UsageError = 2 };

    explicit CliSession(const CliArguments &arguments);
    ~CliSession();
    Q_DISABLE_COPY_MOVE(CliSession)

    const CliArguments &arguments() const { return m_arguments; }
    bool isJson() const { return m_arguments.isJson(); }
    const BoardHome &home() const { return m_home; }
    // --db, else QANBAN_DB, else <home>/qanban.db.
    QString databasePath() const { return m_databasePath; }

    // Opens (and creates or migrates) the board on first call.
    Result<TaskStore *> board();
    Database *database() const { return m_database.get(); }

    // Prints the JSON value with --json, else the text; returns Done.
    int reply(const QJsonValue &json, const QString &text);
    int replyTask(const Task &task);
    // The error line on stderr; returns Failed.
    int fail(const Error &error);
    int fail(const QString &message);
    // The usage line (and the verb's synopsis) on stderr; returns UsageError.
    int usage(const QString &message);

    // One line on stdout, flushed at once: a follower may be reading it live.
    static void writeLine(const QByteArray &line);
    static QByteArray toJson(const QJsonValue &value);

private:
    static void writeError(const QByteArray &text);

    const CliArguments &m_arguments;
    BoardHome m_home;
    QString m_databasePath;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TaskStore> m_store;
};
