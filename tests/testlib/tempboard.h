#pragma once

#include "database.h"
#include "taskstore.h"

#include <QByteArray>
#include <QTemporaryDir>

#include <memory>

// A real SQLite board in a fresh temporary folder, opened and migrated, with a
// TaskStore on it and a clock the test can move.
class TempBoard final
{
public:
    TempBoard();
    bool isValid() const { return m_database != nullptr; }
    QString home() const { return m_dir.path(); }
    QString databasePath() const;
    Database &database() { return *m_database; }
    TaskStore &store() { return *m_store; }
    TaskQueries &queries() { return m_store->queries(); }

    qint64 now() const { return m_now; }
    void advance(qint64 seconds) { m_now += seconds; }

    // The file's bytes, read with no SQLite connection open on it.
    QByteArray snapshot();
    // Every table of the board (tasks, links, runs, comments, events, qanban_meta and
    // SQLite's own bookkeeping), rows in a canonical order, read through the board's own
    // connection: two dumps are equal exactly when the stored data is.
    QString dump();
    void reopen();
    void close();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<TaskStore> m_store;
    qint64 m_now = 1'700'000'000;
};
