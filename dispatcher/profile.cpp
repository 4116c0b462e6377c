#include "profile.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

QStringList Profile::expandedArguments(const QString &taskId, qint64 runId,
                                       const QString &workspace) const
{
    QStringList expanded;
    expanded.reserve(arguments.size());
    const QString run = QString::number(runId);
    for (const QString &argument : arguments) {
        QString value = argument;
        value.replace(u"{task}"_s, taskId);
        value.replace(u"{run}"_s, run);
        value.replace(u"{profile}"_s, name);
        value.replace(u"{workspace}"_s, workspace);
        expanded << value;
    }
    return expanded;
}

QJsonObject Profile::toJson() const
{
    QJsonObject environmentJson;
    for (const auto &[key, value] : environment)
        environmentJson.insert(key, value);
    return {
        {u"name"_s, name},
        {u"program"_s, program},
        {u"arguments"_s, QJsonArray::fromStringList(arguments)},
        {u"environment"_s, environmentJson},
        {u"secrets"_s, QJsonArray::fromStringList(secrets)},
        {u"max_in_progress"_s, maxInProgress ? QJsonValue(*maxInProgress) : QJsonValue()},
        {u"max_runtime"_s, maxRuntime ? QJsonValue(*maxRuntime) : QJsonValue()},
    };
}

bool Profile::isValidName(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$"_s);
    return pattern.match(name).hasMatch();
}

bool Profile::isValidVariable(const QString &name)
{
    static const QRegularExpression pattern(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    return pattern.match(name).hasMatch();
}
