#include "profilecatalog.h"

#include "dispatcherlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {

const QString suffix = u".ini"_s;

std::optional<int> positiveNumber(const QSettings &settings, const QString &key)
{
    const QVariant value = settings.value(key);
    if (!value.isValid())
        return std::nullopt;
    bool ok = false;
    const int number = value.toString().trimmed().toInt(&ok);
    if (!ok || number < 0) {
        qCWarning(lcDispatcher, "profile %s: ignoring %s=%s (not a whole number of 0 or more)",
                  qUtf8Printable(settings.fileName()), qUtf8Printable(key),
                  qUtf8Printable(value.toString()));
        return std::nullopt;
    }
    if (number == 0)
        return std::nullopt; // 0 means no limit
    return number;
}

Profile readProfile(const QString &path, const QString &name)
{
    QSettings settings(path, QSettings::IniFormat);
    Profile profile;
    profile.name = name;
    settings.beginGroup(u"worker"_s);
    profile.program = settings.value(u"program"_s).toString();
    profile.arguments = settings.value(u"arguments"_s).toStringList();
    const QStringList environment = settings.value(u"environment"_s).toStringList();
    for (const QString &pair : environment) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals <= 0) {
            qCWarning(lcDispatcher, "profile %s: ignoring environment entry without '='",
                      qUtf8Printable(name));
            continue;
        }
        profile.environment.append({pair.left(equals), pair.mid(equals + 1)});
    }
    profile.secrets = settings.value(u"secrets"_s).toStringList();
    profile.secrets.removeAll(QString());
    profile.maxInProgress = positiveNumber(settings, u"max_in_progress"_s);
    profile.maxRuntime = positiveNumber(settings, u"max_runtime"_s);
    settings.endGroup();
    return profile;
}

} // namespace

ProfileCatalog::ProfileCatalog(const QString &directory) : m_directory(directory) {}

QString ProfileCatalog::pathOf(const QString &name) const
{
    return QDir(m_directory).absoluteFilePath(name + suffix);
}

void ProfileCatalog::refresh()
{
    const QFileInfo folder(m_directory);
    if (!folder.isDir()) {
        m_entries.clear();
        m_listed = false;
        return;
    }
    const QDateTime folderModified = folder.lastModified();
    if (!m_listed || folderModified != m_directoryModified) {
        // Files came or went: list again, keeping what is still there.
        QHash<QString, Entry> listed;
        const QStringList files = QDir(m_directory).entryList({u"*"_s + suffix}, QDir::Files);
        for (const QString &file : files) {
            const QString name = file.chopped(suffix.size());
            if (!Profile::isValidName(name))
                continue;
            listed.insert(name, m_entries.value(name));
        }
        m_entries = std::move(listed);
        m_directoryModified = folderModified;
        m_listed = true;
    }
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        const QFileInfo info(pathOf(it.key())); // one stat per profile per refresh
        // The folder's time has millisecond steps: a file removed in the same step as the
        // last listing leaves the folder's time unchanged, so a missing file is checked here.
        if (!info.exists()) {
            it = m_entries.erase(it);
            continue;
        }
        if (info.lastModified() != it->modified || info.size() != it->size) {
            it->profile = readProfile(info.absoluteFilePath(), it.key());
            it->modified = info.lastModified();
            it->size = info.size();
        }
        ++it;
    }
}

std::optional<Profile> ProfileCatalog::profile(const QString &name) const
{
    const auto it = m_entries.constFind(name);
    if (it == m_entries.constEnd())
        return std::nullopt;
    return it->profile;
}

QStringList ProfileCatalog::names() const
{
    QStringList names = m_entries.keys();
    names.sort();
    return names;
}

Result<Profile> ProfileCatalog::load(const QString &name) const
{
    if (!Profile::isValidName(name))
        return makeError(ErrorCode::Invalid, u"not a valid profile name: %1"_s.arg(name));
    const QString path = pathOf(name);
    if (!QFileInfo(path).isFile())
        return makeError(ErrorCode::NotFound, u"no profile %1"_s.arg(name));
    return readProfile(path, name);
}

Result<void> ProfileCatalog::save(const Profile &profile)
{
    if (!Profile::isValidName(profile.name))
        return makeError(ErrorCode::Invalid, u"not a valid profile name: %1"_s.arg(profile.name));
    if (!QDir().mkpath(m_directory))
        return makeError(ErrorCode::Io, u"cannot create %1"_s.arg(m_directory));
    const QString path = pathOf(profile.name);
    {
        QSettings settings(path, QSettings::IniFormat);
        settings.clear();
        settings.beginGroup(u"worker"_s);
        settings.setValue(u"program"_s, profile.program);
        if (!profile.arguments.isEmpty())
            settings.setValue(u"arguments"_s, profile.arguments);
        QStringList environment;
        for (const auto &[key, value] : profile.environment)
            environment << key + u'=' + value;
        if (!environment.isEmpty())
            settings.setValue(u"environment"_s, environment);
        if (!profile.secrets.isEmpty())
            settings.setValue(u"secrets"_s, profile.secrets);
        if (profile.maxInProgress)
            settings.setValue(u"max_in_progress"_s, *profile.maxInProgress);
        if (profile.maxRuntime)
            settings.setValue(u"max_runtime"_s, *profile.maxRuntime);
        settings.endGroup();
        settings.sync();
        if (settings.status() != QSettings::NoError)
            return makeError(ErrorCode::Io, u"cannot write %1"_s.arg(path));
    }
    // A profile names programs to run: only its owner may change it.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {};
}

Result<void> ProfileCatalog::remove(const QString &name)
{
    if (!Profile::isValidName(name))
        return makeError(ErrorCode::Invalid, u"not a valid profile name: %1"_s.arg(name));
    const QString path = pathOf(name);
    if (!QFileInfo(path).isFile())
        return makeError(ErrorCode::NotFound, u"no profile %1"_s.arg(name));
    if (!QFile::remove(path))
        return makeError(ErrorCode::Io, u"cannot remove %1"_s.arg(path));
    m_entries.remove(name);
    return {};
}
