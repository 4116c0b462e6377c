#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

// A named way to run a worker: the program, its argument list with {task}, {run},
// {profile} and {workspace} placeholders, extra environment, the names (never the values)
// of the secret variables read from the keychain, and the profile's own limits. A plain
// value: copy it across threads freely.
struct Profile {
    QString name;
    QString program;
    QStringList arguments;
    QList<QPair<QString, QString>> environment; // in the order given
    QStringList secrets;                        // variable names; values live in the keychain
    std::optional<int> maxInProgress;           // this profile's own cap; unset: none
    std::optional<int> maxRuntime;              // seconds; a task's own value wins

    // The arguments with the placeholders replaced. No shell ever sees them.
    QStringList expandedArguments(const QString &taskId, qint64 runId,
                                  const QString &workspace) const;
    QJsonObject toJson() const;

    // Names that are safe as a file name: letters, digits, '.', '_', '-', not starting
    // with '.' or '-'.
    static bool isValidName(const QString &name);
    // A portable environment variable name: [A-Za-z_][A-Za-z0-9_]*.
    static bool isValidVariable(const QString &name);
};
