#include "profilecommand.h"

#include "boardhome.h"
#include "secretstore.h"

#include <QEventLoop>

using namespace Qt::StringLiterals;

namespace {

// qanbanctl has no event loop running while a verb runs: wait here for the keychain's
// answer. (Not nested: nothing else is running.)
Result<void> waitFor(const std::function<void(SecretStore &, SecretStore::DoneCallback)> &call)
{
    SecretStore store;
    QEventLoop loop;
    Result<void> outcome = makeError(ErrorCode::Io, u"the keychain did not answer"_s);
    bool answered = false;
    call(store, [&](const Result<void> &result) {
        outcome = result;
        answered = true;
        loop.quit();
    });
    if (!answered)
        loop.exec();
    return outcome;
}

} // namespace

ProfileCommand::ProfileCommand(const QString &home) : m_catalog(BoardHome(home).profilesDir()) {}

Result<QPair<QString, QString>> ProfileCommand::parseEnvironment(const QString &text)
{
    const qsizetype equals = text.indexOf(u'=');
    const QString key = equals < 0 ? text : text.left(equals);
    if (equals < 0 || !Profile::isValidVariable(key))
        return makeError(ErrorCode::Invalid, u"--env takes NAME=VALUE, not '%1'"_s.arg(text));
    return QPair<QString, QString>{key, text.mid(equals + 1)};
}

Result<Profile> ProfileCommand::add(const Profile &profile)
{
    if (!Profile::isValidName(profile.name)) {
        return makeError(ErrorCode::Invalid,
                         u"not a valid profile name: %1 (letters, digits, '.', '_' and '-')"_s.arg(
                             profile.name));
    }
    if (profile.program.trimmed().isEmpty())
        return makeError(ErrorCode::Invalid, u"a profile needs --program"_s);
    for (const QString &secret : profile.secrets) {
        if (!Profile::isValidVariable(secret))
            return makeError(ErrorCode::Invalid, u"not a valid variable name: %1"_s.arg(secret));
    }
    if (Result<void> saved = m_catalog.save(profile); !saved)
        return saved.error();
    return m_catalog.load(profile.name);
}

QList<Profile> ProfileCommand::list()
{
    m_catalog.refresh();
    QList<Profile> profiles;
    for (const QString &name : m_catalog.names())
        profiles << *m_catalog.profile(name);
    return profiles;
}

Result<Profile> ProfileCommand::show(const QString &name)
{
    return m_catalog.load(name);
}

Result<Profile> ProfileCommand::remove(const QString &name, QString *warning)
{
    Result<Profile> profile = m_catalog.load(name);
    if (!profile)
        return profile;
    if (Result<void> removed = m_catalog.remove(name); !removed)
        return removed.error();
    QStringList problems;
    for (const QString &variable : std::as_const(profile->secrets)) {
        Result<void> deleted = waitFor([&](SecretStore &store, SecretStore::DoneCallback done) {
            store.remove(name, variable, std::move(done));
        });
        if (!deleted)
            problems << deleted.error().message;
    }
    if (warning)
        *warning = problems.join(u"; "_s);
    return profile;
}

Result<Profile> ProfileCommand::setSecret(const QString &name, const QString &variable,
                                          const QString &value)
{
    if (!Profile::isValidVariable(variable))
        return makeError(ErrorCode::Invalid, u"not a valid variable name: %1"_s.arg(variable));
    if (value.isEmpty())
        return makeError(ErrorCode::Invalid, u"no secret value on standard input"_s);
    Result<Profile> profile = m_catalog.load(name);
    if (!profile)
        return profile;
    Result<void> written = waitFor([&](SecretStore &store, SecretStore::DoneCallback done) {
        store.write(name, variable, value, std::move(done));
    });
    if (!written)
        return written.error();
    if (!profile->secrets.contains(variable)) {
        Profile updated = *profile;
        updated.secrets << variable;
        if (Result<void> saved = m_catalog.save(updated); !saved)
            return saved.error();
        return updated;
    }
    return profile;
}

Result<Profile> ProfileCommand::removeSecret(const QString &name, const QString &variable)
{
    Result<Profile> profile = m_catalog.load(name);
    if (!profile)
        return profile;
    Result<void> deleted = waitFor([&](SecretStore &store, SecretStore::DoneCallback done) {
        store.remove(name, variable, std::move(done));
    });
    if (!deleted)
        return deleted.error();
    if (profile->secrets.contains(variable)) {
        Profile updated = *profile;
        updated.secrets.removeAll(variable);
        if (Result<void> saved = m_catalog.save(updated); !saved)
            return saved.error();
        return updated;
    }
    return profile;
}
