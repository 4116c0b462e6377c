#pragma once

#include "profile.h"
#include "result.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

// The profiles of one board: one INI file per profile in <home>/profiles, named
// <name>.ini. A profile exists exactly when its file does.
//
// Reads are cached: refresh() looks at the folder once and re-reads only the files whose
// modification time or size changed, so a tick over thousands of tasks costs one stat per
// profile, not one per task. Not thread-safe; each thread keeps its own catalog.
class ProfileCatalog final
{
public:
    explicit ProfileCatalog(const QString &directory);

    QString directory() const { return m_directory; }
    QString pathOf(const QString &name) const;

    // Brings the cache up to date with the folder.
    void refresh();
    // From the cache as of the last refresh().
    bool contains(const QString &name) const { return m_entries.contains(name); }
    std::optional<Profile> profile(const QString &name) const;
    QStringList names() const;

    // Straight from the file, bypassing the cache.
    Result<Profile> load(const QString &name) const;
    Result<void> save(const Profile &profile);
    Result<void> remove(const QString &name);

private:
    struct Entry {
        Profile profile;
        QDateTime modified;
        qint64 size = -1;
    };

    QString m_directory;
    QDateTime m_directoryModified;
    bool m_listed = false;
    QHash<QString, Entry> m_entries;
};
