#include "dispatchtesthelpers.h"

#include "processtools.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace DispatchTest {

QString fakeWorker()
{
    return QStringLiteral(QANBAN_FAKEWORKER);
}

QString testSupervisor()
{
    return QStringLiteral(QANBAN_TESTSUPERVISOR);
}

QString testDispatcher()
{
    return QStringLiteral(QANBAN_TESTDISPATCHER);
}

Profile fakeProfile(const QString &name, const QStringList &arguments)
{
    Profile profile;
    profile.name = name;
    profile.program = fakeWorker();
    profile.arguments = arguments;
    return profile;
}

void writeProfile(const TempBoard &board, const Profile &profile)
{
    ProfileCatalog catalog(BoardHome(board.home()).profilesDir());
    if (Result<void> saved = catalog.save(profile); !saved)
        qWarning("writeProfile: %s", qUtf8Printable(saved.error().message));
}

Dispatcher::Options options(const TempBoard &board)
{
    Dispatcher::Options options;
    options.home = board.home();
    options.supervisorProgram = testSupervisor();
    options.supervisorArguments = {};
    options.config.retryBackoff = 0;
    options.config.killGrace = 0.3;
    return options;
}

QString readyTask(TempBoard &board, const QString &assignee, int priority,
                  std::optional<int> maxRetries, std::optional<int> maxRuntime)
{
    NewTask spec;
    spec.title = u"task for %1"_s.arg(assignee.isEmpty() ? u"nobody"_s : assignee);
    spec.assignee = assignee;
    spec.priority = priority;
    spec.maxRetries = maxRetries;
    spec.maxRuntime = maxRuntime;
    Result<Task> created = board.store().create(spec);
    if (!created) {
        qWarning("readyTask: %s", qUtf8Printable(created.error().message));
        return {};
    }
    return created->id;
}

Task task(TempBoard &board, const QString &id)
{
    Result<Task> loaded = board.queries().task(id);
    return loaded ? *loaded : Task{};
}

QList<Run> runs(TempBoard &board, const QString &id)
{
    Result<QList<Run>> loaded = board.queries().runs(id);
    return loaded ? *loaded : QList<Run>{};
}

QStringList eventKinds(TempBoard &board, const QString &id)
{
    QStringList kinds;
    if (Result<QList<Event>> events = board.queries().events(id); events) {
        for (const Event &event : std::as_const(*events))
            kinds << event.kind;
    }
    return kinds;
}

bool groupAlive(qint64 processGroup)
{
    return ProcessTools::groupIsAlive(processGroup);
}

bool processAlive(qint64 pid)
{
    return ProcessTools::isAlive(pid);
}

QList<qint64> processesMentioning(const QString &text)
{
    QList<qint64> found;
    const QByteArray needle = text.toUtf8();
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || pid == QCoreApplication::applicationPid() || !processAlive(pid))
            continue;
        const QByteArray seen = readAll(u"/proc/%1/cmdline"_s.arg(entry))
            + readAll(u"/proc/%1/environ"_s.arg(entry));
        if (seen.contains(needle))
            found << pid;
    }
    return found;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace DispatchTest
