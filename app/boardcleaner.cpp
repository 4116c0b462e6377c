#include "boardcleaner.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

BoardCleaner::BoardCleaner(const BoardHome &home) : m_home(home) {}

bool BoardCleaner::isRemovable(const QString &path, const QString &root)
{
    const QFileInfo info(path);
    if (info.isSymLink() || !info.isDir())
        return false;
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    const QString canonicalPath = info.canonicalFilePath();
    if (canonicalRoot.isEmpty() || canonicalPath.isEmpty())
        return false;
    return canonicalPath.startsWith(canonicalRoot + u'/');
}

BoardCleaner::Report BoardCleaner::clean(const QList<Task> &archivedTasks) const
{
    Report report;
    const QString workspacesRoot = m_home.workspacesDir();
    const QString logsRoot = m_home.logsDir();
    auto remove = [&report](const QString &path, QStringList &removed) {
        if (QDir(path).removeRecursively())
            removed << path;
        else
            report.failures << path;
    };

    for (const Task &task : archivedTasks) {
        if (!task.archived)
            continue;
        // The folder named after the task is the one a claim makes (also when the claim
        // then lost its race); a scratch task's recorded path is the board's too. A dir or
        // worktree path is the user's, even when it points into the board's folder.
        QStringList workspaces{QDir(workspacesRoot).absoluteFilePath(task.id)};
        const QString recorded = task.workspacePath.isEmpty()
            ? QString() : QDir::cleanPath(task.workspacePath);
        if (task.workspaceKind == "scratch"_L1 && !recorded.isEmpty())
            workspaces << recorded;
        else if (!recorded.isEmpty())
            workspaces.removeAll(recorded);
        workspaces.removeDuplicates();
        for (const QString &path : std::as_const(workspaces)) {
            if (isRemovable(path, workspacesRoot))
                remove(path, report.workspaces);
        }
        const QString logs = QDir(logsRoot).absoluteFilePath(task.id);
        if (isRemovable(logs, logsRoot))
            remove(logs, report.logs);
    }
    return report;
}
