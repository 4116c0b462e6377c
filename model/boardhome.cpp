#include "boardhome.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

QString BoardHome::defaultRoot()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .absoluteFilePath(u"qanban"_s);
}

BoardHome BoardHome::resolve(const QString &explicitRoot)
{
    if (!explicitRoot.isEmpty())
        return BoardHome(explicitRoot);
    const QString fromEnvironment = qEnvironmentVariable("QANBAN_HOME");
    if (!fromEnvironment.isEmpty())
        return BoardHome(fromEnvironment);
    return BoardHome(defaultRoot());
}

BoardHome::BoardHome(const QString &root) : m_root(QDir(root).absolutePath()) {}

QString BoardHome::databasePath() const
{
    return QDir(m_root).absoluteFilePath(u"qanban.db"_s);
}

QString BoardHome::configPath() const
{
    return QDir(m_root).absoluteFilePath(u"qanban.conf"_s);
}

QString BoardHome::profilesDir() const
{
    return QDir(m_root).absoluteFilePath(u"profiles"_s);
}

QString BoardHome::profilePath(const QString &profile) const
{
    return QDir(profilesDir()).absoluteFilePath(profile + u".ini"_s);
}

bool BoardHome::hasProfile(const QString &profile) const
{
    if (profile.isEmpty() || profile.contains(u'/') || profile.startsWith(u'.'))
        return false;
    return QFileInfo(profilePath(profile)).isFile();
}

QString BoardHome::workspacesDir() const
{
    return QDir(m_root).absoluteFilePath(u"workspaces"_s);
}

QString BoardHome::logsDir() const
{
    return QDir(m_root).absoluteFilePath(u"logs"_s);
}

QString BoardHome::runLogPath(const QString &taskId, qint64 runId) const
{
    return QDir(logsDir()).absoluteFilePath(u"%1/%2.log"_s.arg(taskId).arg(runId));
}
