#include "keychainprofiledirectory.h"

#include "secretstore.h"

using namespace Qt::StringLiterals;

KeychainProfileDirectory::KeychainProfileDirectory(const QString &profilesDir,
                                                   SecretStore *secrets)
    : m_catalog(profilesDir), m_secrets(secrets)
{
}

QStringList KeychainProfileDirectory::names()
{
    m_catalog.refresh();
    QStringList names = m_catalog.names();
    names.sort();
    return names;
}

std::optional<ProfileDirectory::Entry> KeychainProfileDirectory::entry(const QString &name)
{
    Result<Profile> loaded = m_catalog.load(name);
    if (!loaded)
        return std::nullopt;
    Entry entry{loaded->name, loaded->program, loaded->arguments, {}, loaded->secrets,
                loaded->maxInProgress, loaded->maxRuntime};
    for (const auto &[variable, value] : std::as_const(loaded->environment))
        entry.environment << variable + u'=' + value;
    return entry;
}

QString KeychainProfileDirectory::save(const Entry &entry)
{
    if (!Profile::isValidName(entry.name))
        return u"%1 is not a usable profile name (letters, digits, '.', '_', '-')"_s.arg(entry.name);
    if (entry.program.isEmpty())
        return u"a profile needs a program"_s;
    Profile profile;
    profile.name = entry.name;
    profile.program = entry.program;
    profile.arguments = entry.arguments;
    for (const QString &line : entry.environment) {
        const qsizetype equals = line.indexOf(u'=');
        const QString variable = line.left(equals).trimmed();
        if (equals <= 0 || !Profile::isValidVariable(variable))
            return u"environment lines are NAME=value, not: %1"_s.arg(line);
        profile.environment.append({variable, line.mid(equals + 1)});
    }
    for (const QString &secret : entry.secrets) {
        if (!Profile::isValidVariable(secret))
            return u"%1 is not a usable variable name"_s.arg(secret);
    }
    profile.secrets = entry.secrets;
    profile.maxInProgress = entry.maxInProgress;
    profile.maxRuntime = entry.maxRuntime;
    if (Result<void> saved = m_catalog.save(profile); !saved)
        return saved.error().message;
    return {};
}

QString KeychainProfileDirectory::remove(const QString &name)
{
    const std::optional<Entry> removed = entry(name);
    if (Result<void> done = m_catalog.remove(name); !done)
        return done.error().message;
    // The profile's secrets go with it; a keychain that does not answer keeps them, which
    // is harmless: nothing can read them without the profile.
    if (removed) {
        for (const QString &variable : removed->secrets)
            m_secrets->remove(name, variable, [](const Result<void> &) {});
    }
    return {};
}

void KeychainProfileDirectory::setSecret(const QString &profile, const QString &variable,
                                         const QString &value, Done done)
{
    m_secrets->write(profile, variable, value, [done](const Result<void> &written) {
        done(written ? QString() : written.error().message);
    });
}
