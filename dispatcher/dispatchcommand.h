#pragma once

#include "dispatchresult.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>

// `qanbanctl dispatch`: one tick, a dry run, or a headless dispatcher that runs until
// interrupted (--watch) or until there is nothing left to do (--until-idle). The command
// line is parsed by qanbanctl; this class takes the parsed request, so the dispatcher does
// not depend on the application's CLI code.
class DispatchCommand final
{
public:
    struct Request {
        QString home;
        QString databasePath; // empty: <home>/qanban.db
        bool dryRun = false;
        bool watch = false;
        bool untilIdle = false;
        // Settings from the command line, by qanban.conf key; they win over the file.
        QHash<QString, QString> overrides;
        QString supervisorProgram; // empty: qanbanctl next to this program
        QStringList supervisorArguments = {QStringLiteral("supervise")};
    };
    using Printer = std::function<void(const DispatchResult &)>;
    using ErrorPrinter = std::function<void(const QString &)>;

    // The option of `dispatch` for each setting, and the setting of each option.
    static QHash<QString, QString> optionKeys();
    // Why a command-line value is invalid, or an empty string.
    static QString checkOverride(const QString &key, const QString &value);

    // Runs the request. print gets the result of a one-shot or dry tick, and every tick
    // that did something in watch mode. Returns the exit status.
    static int run(const Request &request, const Printer &print, const ErrorPrinter &error);
};
