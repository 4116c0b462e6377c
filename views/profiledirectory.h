#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// Where the profiles dialog reads and writes profiles and their secrets. The desktop app
// backs it with the dispatcher's profile files and the OS keychain; views never see
// either directly.
class ProfileDirectory
{
public:
    // One profile as the dialog edits it. Secrets are names only: values go in, never out.
    struct Entry {
        QString name;
        QString program;
        QStringList arguments;
        QStringList environment; // "NAME=value"
        QStringList secrets;     // variable names
        std::optional<int> maxInProgress;
        std::optional<int> maxRuntime; // seconds
    };
    // Empty on success, else why it failed, in one line.
    using Done = std::function<void(const QString &error)>;

    virtual ~ProfileDirectory() = default;

    virtual QStringList names() = 0;
    virtual std::optional<Entry> entry(const QString &name) = 0;
    virtual QString save(const Entry &entry) = 0;
    virtual QString remove(const QString &name) = 0;
    // Stores the value in the keychain; `done` runs when the keychain has answered.
    virtual void setSecret(const QString &profile, const QString &variable, const QString &value,
                           Done done) = 0;
};
