#pragma once

#include "boardhome.h"
#include "task.h"

#include <QList>
#include <QString>
#include <QStringList>

// Removes what archived tasks leave on disk: the scratch workspaces the board made under
// <home>/workspaces and the run logs under <home>/logs. A folder is removed only when it
// lies strictly inside one of those two, after resolving links, and a link itself is never
// followed: gc must not be a way to delete a user's own folder.
class BoardCleaner final
{
public:
    struct Report {
        QStringList workspaces;
        QStringList logs;
        QStringList failures; // folders that could not be removed (completely)
    };

    explicit BoardCleaner(const BoardHome &home);

    Report clean(const QList<Task> &archivedTasks) const;

private:
    // True when path is a real folder (not a link) strictly inside root.
    static bool isRemovable(const QString &path, const QString &root);

    BoardHome m_home;
};
