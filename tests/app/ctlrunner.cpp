#include "ctlrunner.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>

using namespace Qt::StringLiterals;

QJsonObject CtlResult::object() const
{
    return QJsonDocument::fromJson(out).object();
}

QJsonArray CtlResult::array() const
{
    return QJsonDocument::fromJson(out).array();
}

QList<QByteArray> CtlResult::errLines() const
{
    QList<QByteArray> lines = err.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

QByteArray CtlResult::describe() const
{
    return "exit " + QByteArray::number(exitCode) + "\nstdout: " + out + "\nstderr: " + err;
}

CtlRunner::CtlRunner() = default;

QString CtlRunner::program()
{
    return QStringLiteral(QANBAN_CTL_PATH);
}

QString CtlRunner::databasePath() const
{
    return QDir(home()).absoluteFilePath(u"qanban.db"_s);
}

QProcessEnvironment CtlRunner::environment(const Environment &overrides) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QStringList keys = environment.keys();
    for (const QString &key : keys) {
        if (key.startsWith("QANBAN_"_L1))
            environment.remove(key);
    }
    environment.insert(u"QANBAN_HOME"_s, home());
    environment.insert(u"HOME"_s, outside());
    for (const char *xdg : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                            "XDG_STATE_HOME", "XDG_RUNTIME_DIR"}) {
        environment.insert(QString::fromLatin1(xdg), outside());
    }
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        if (it.value().isNull())
            environment.remove(it.key());
        else
            environment.insert(it.key(), it.value());
    }
    return environment;
}

CtlResult CtlRunner::run(const QStringList &arguments, const QByteArray &input,
                         const Environment &environment, const QString &workingDirectory)
{
    QProcess process;
    process.setProcessEnvironment(this->environment(environment));
    process.setWorkingDirectory(workingDirectory.isEmpty() ? home() : workingDirectory);
    process.start(program(), arguments);
    CtlResult result;
    if (!process.waitForStarted(30'000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out: " + arguments.join(u' ').toUtf8();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString CtlRunner::create(const QString &title, const QStringList &options)
{
    const CtlResult result = run(QStringList{u"--json"_s, u"create"_s, u"--title"_s, title}
                                 + options);
    if (result.exitCode != 0)
        return {};
    return result.object().value(u"id"_s).toString();
}

QByteArray CtlRunner::boardState()
{
    const CtlResult listed = run({u"--json"_s, u"list"_s, u"--archived"_s});
    QByteArray state = listed.out;
    const QJsonArray tasks = listed.array();
    for (const QJsonValue &task : tasks)
        state += run({u"--json"_s, u"show"_s, task[u"id"_s].toString()}).out;
    return state;
}
