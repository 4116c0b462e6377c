#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// What one qanbanctl call left behind.
struct CtlResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject object() const;
    QJsonArray array() const;
    QList<QByteArray> errLines() const;
    // For QVERIFY2: the call and what it printed.
    QByteArray describe() const;
};

// Runs the real qanbanctl against a board in its own temporary home. The environment is
// the test's, without any QANBAN_* variable, with QANBAN_HOME set to the home and HOME and
// the XDG folders pointing into a second, separate folder, so a test can check that
// nothing was written outside the home.
class CtlRunner final
{
public:
    // A value that is a null QString removes the variable.
    using Environment = QHash<QString, QString>;

    CtlRunner();
    bool isValid() const { return m_home.isValid() && m_outside.isValid(); }
    QString home() const { return m_home.path(); }
    QString outside() const { return m_outside.path(); }
    QString databasePath() const;

    CtlResult run(const QStringList &arguments, const QByteArray &input = {},
                  const Environment &environment = {}, const QString &workingDirectory = {});
    QProcessEnvironment environment(const Environment &overrides = {}) const;

    // Creates a task with --json and returns its id (empty when that failed).
    QString create(const QString &title, const QStringList &options = {});
    // `list --json --archived` plus `show --json` of every task: the whole board as the
    // contract shows it, to compare before and after a refused command.
    QByteArray boardState();

    static QString program();

private:
    QTemporaryDir m_home;
    QTemporaryDir m_outside;
    QStringList m_lastArguments;
};
