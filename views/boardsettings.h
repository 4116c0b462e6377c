#pragma once

#include <QSettings>
#include <QString>

// The desktop board's own settings, typed, with their defaults in one place. They live in
// the [desktop] section of the board's qanban.conf, next to the dispatcher's, so a board
// home carries everything about it (and QANBAN_HOME keeps everything inside it).
class BoardSettings final
{
public:
    explicit BoardSettings(const QString &configPath);

    // Closing the window leaves Qanban in the tray.
    bool closeToTray() const;
    void setCloseToTray(bool enabled);
    // Notify every crash and timeout too, not only blocks and give-ups.
    bool notifyEveryCrash() const;
    void setNotifyEveryCrash(bool enabled);
    // The newest event this board has shown; what came after was missed. -1: never run.
    qint64 lastSeenEventId() const;
    void setLastSeenEventId(qint64 id);

    // A value of the [dispatcher] section, as written in the file ("" when unset). The
    // dispatcher reads and checks them itself; an empty value removes the key.
    QString dispatcherValue(const QString &key) const;
    void setDispatcherValue(const QString &key, const QString &value);

    void sync();

private:
    mutable QSettings m_settings;
};
