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

    void sync();

private:
    mutable QSettings m_settings;
};
