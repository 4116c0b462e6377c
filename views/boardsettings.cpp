#include "boardsettings.h"

using namespace Qt::StringLiterals;

namespace {
const QString closeToTrayKey = u"desktop/close_to_tray"_s;
const QString notifyEveryCrashKey = u"desktop/notify_every_crash"_s;
const QString lastSeenEventKey = u"desktop/last_seen_event"_s;
}

BoardSettings::BoardSettings(const QString &configPath)
    : m_settings(configPath, QSettings::IniFormat)
{
}

bool BoardSettings::closeToTray() const
{
    return m_settings.value(closeToTrayKey, false).toBool();
}

void BoardSettings::setCloseToTray(bool enabled)
{
    m_settings.setValue(closeToTrayKey, enabled);
}

bool BoardSettings::notifyEveryCrash() const
{
    return m_settings.value(notifyEveryCrashKey, false).toBool();
}

void BoardSettings::setNotifyEveryCrash(bool enabled)
{
    m_settings.setValue(notifyEveryCrashKey, enabled);
}

qint64 BoardSettings::lastSeenEventId() const
{
    bool ok = false;
    const qint64 id = m_settings.value(lastSeenEventKey, -1).toLongLong(&ok);
    return ok ? id : -1;
}

void BoardSettings::setLastSeenEventId(qint64 id)
{
    m_settings.setValue(lastSeenEventKey, id);
}

QString BoardSettings::dispatcherValue(const QString &key) const
{
    return m_settings.value(u"dispatcher/"_s + key).toString();
}

void BoardSettings::setDispatcherValue(const QString &key, const QString &value)
{
    if (value.trimmed().isEmpty())
        m_settings.remove(u"dispatcher/"_s + key);
    else
        m_settings.setValue(u"dispatcher/"_s + key, value.trimmed());
}

void BoardSettings::sync()
{
    m_settings.sync();
}
