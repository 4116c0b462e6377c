#pragma once

#include <QString>

// Where a board lives: the home folder and everything under it. When QANBAN_HOME (or
// --home) is set, nothing is read or written outside it.
class BoardHome final
{
public:
    // The per-user data folder, e.g. ~/.local/share/qanban.
    static QString defaultRoot();
    // An explicit root wins, then QANBAN_HOME, then the default.
    static BoardHome resolve(const QString &explicitRoot = {});

    explicit BoardHome(const QString &root);

    QString root() const { return m_root; }
    QString databasePath() const;
    QString configPath() const;
    QString profilesDir() const;
    QString profilePath(const QString &profile) const;
    bool hasProfile(const QString &profile) const;
    QString workspacesDir() const;
    QString logsDir() const;
    QString runLogPath(const QString &taskId, qint64 runId) const;

private:
    QString m_root;
};
