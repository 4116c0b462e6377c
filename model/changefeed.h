#pragma once

#include "event.h"
#include "result.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class Database;
class QFileSystemWatcher;
class QTimer;

// Notices commits made by any connection, in this process or another, and reports the
// events they appended, oldest first.
//
// SQLite's PRAGMA data_version changes on this feed's own connection whenever another
// connection commits, so polling it costs a few microseconds. An inotify watch on the
// WAL file (which opens no descriptor on the database, so SQLite's locks are safe)
// wakes the feed within milliseconds of a write; the timer is the safety net for file
// systems without notifications.
//
// Lives in the thread that calls start(); it opens its own connection there.
class ChangeFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeFeed)

public:
    explicit ChangeFeed(const QString &databasePath, QObject *parent = nullptr);
    ~ChangeFeed() override;

    // Opens the connection and starts from the newest event (or from `cursor` when set
    // with setCursor() first). intervalMs is the safety-net polling period.
    Result<void> start(int intervalMs = 200);
    void stop();
    bool isRunning() const;

    qint64 cursor() const { return m_cursor; }
    void setCursor(qint64 eventId);

public Q_SLOTS:
    // Looks for new events now.
    void poll();

Q_SIGNALS:
    void eventsAppended(const QList<Event> &events);
    // The distinct task ids of one batch of events, in the order first seen.
    void tasksChanged(const QStringList &taskIds);
    void failed(const QString &message);

private:
    void schedulePoll();
    void watchFiles();

    QString m_databasePath;
    std::unique_ptr<Database> m_database;
    QTimer *m_timer;
    QTimer *m_settleTimer;
    QFileSystemWatcher *m_watcher;
    qint64 m_cursor = -1;
    qint64 m_dataVersion = -1;
    bool m_pollScheduled = false;
    int m_settleStep = 0;
};
