#include "ctlrunner.h"
#include "qanbantest.h"

#include "database.h"
#include "taskstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// A board with one task in every state, made through the kernel (faster than a dozen
// processes); the placeholders {R} {C} {X} {B} {D} {A} in test data name them.
struct Fixture {
    QHash<QString, QString> ids;
    qint64 runningRun = 0;

    QStringList expand(const QStringList &arguments) const
    {
        QStringList expanded;
        for (QString argument : arguments) {
            for (auto it = ids.cbegin(); it != ids.cend(); ++it)
                argument.replace(u'{' + it.key() + u'}', it.value());
            expanded << argument;
        }
        return expanded;
    }
};

bool buildFixture(const QString &databasePath, Fixture &fixture)
{
    Result<std::unique_ptr<Database>> database = Database::open(databasePath);
    if (!database)
        return false;
    TaskStore store(**database);
    auto make = [&](const QString &key, NewTask spec) {
        Result<Task> task = store.create(spec);
        if (task)
            fixture.ids.insert(key, task->id);
        return task.ok();
    };
    bool ok = make(u"R"_s, {.title = u"ready one"_s, .assignee = u"coder"_s})
        && make(u"C"_s, {.title = u"child"_s, .parents = {fixture.ids.value(u"R"_s)}})
        && make(u"X"_s, {.title = u"running one"_s})
        && make(u"B"_s, {.title = u"blocked one"_s})
        && make(u"D"_s, {.title = u"done one"_s}) && make(u"A"_s, {.title = u"archived one"_s});
    if (!ok)
        return false;
    Result<Task> claimed = store.claim(fixture.ids[u"X"_s], u"w1"_s);
    if (!claimed)
        return false;
    fixture.runningRun = claimed->currentRunId.value_or(0);
    return store.block(fixture.ids[u"B"_s], u"needs a human"_s)
        && store.move(fixture.ids[u"D"_s], TaskStatus::Done, u"finished"_s)
        && store.archive(fixture.ids[u"A"_s]);
}

QStringList titles(const QJsonArray &tasks)
{
    QStringList result;
    for (const QJsonValue &task : tasks)
        result << task[u"title"_s].toString();
    return result;
}

QStringList keys(const QJsonObject &object)
{
    QStringList result = object.keys();
    result.sort();
    return result;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

bool isEmptyFolder(const QString &path)
{
    return QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::System
                                | QDir::NoDotAndDotDot)
        .isEmpty();
}

const QStringList taskFields = {
    u"id"_s, u"title"_s, u"body"_s, u"status"_s, u"archived"_s, u"assignee"_s, u"tenant"_s,
    u"priority"_s, u"workspace_kind"_s, u"workspace_path"_s, u"skills"_s, u"result"_s,
    u"summary"_s, u"metadata"_s, u"consecutive_failures"_s, u"max_retries"_s,
    u"max_runtime"_s, u"current_run_id"_s, u"claim_lock"_s, u"claim_expires"_s,
    u"idempotency_key"_s, u"created_at"_s, u"started_at"_s, u"completed_at"_s, u"parents"_s,
    u"children"_s};
const QStringList runFields = {u"id"_s, u"task_id"_s, u"profile"_s, u"claimer"_s,
                               u"outcome"_s, u"started_at"_s, u"ended_at"_s, u"pid"_s,
                               u"exit_code"_s, u"error"_s, u"log_path"_s};
const QStringList eventFields = {u"id"_s, u"task_id"_s, u"kind"_s, u"payload"_s,
                                 u"created_at"_s};
const QStringList commentFields = {u"id"_s, u"task_id"_s, u"author"_s, u"body"_s,
                                   u"created_at"_s};

bool hasFields(const QJsonObject &object, const QStringList &fields)
{
    for (const QString &field : fields) {
        if (!object.contains(field)) {
            qWarning("missing field %s", qPrintable(field));
            return false;
        }
    }
    return true;
}

} // namespace

class QanbanctlTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_ctl = std::make_unique<CtlRunner>();
        QVERIFY(m_ctl->isValid());
    }

    void cleanup() { m_ctl.reset(); }

    // ------------------------------------------------------------ board location

    void shouldInitIdempotently()
    {
        // WHEN
        const CtlResult first = m_ctl->run({u"init"_s, u"--json"_s});
        const CtlResult second = m_ctl->run({u"--json"_s, u"init"_s});
        const CtlResult text = m_ctl->run({u"init"_s});

        // THEN
        QVERIFY2(first.exitCode == 0, first.describe().constData());
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(first.object().value(u"db"_s).toString(), m_ctl->databasePath());
        QVERIFY(first.object().value(u"schema_version"_s).toInt() >= 1);
        QCOMPARE(second.out, first.out);
        QCOMPARE(keys(first.object()), (QStringList{u"db"_s, u"schema_version"_s}));
        QVERIFY(QFile::exists(m_ctl->databasePath()));
        QVERIFY(text.out.contains(m_ctl->databasePath().toUtf8()));
        QVERIFY(first.err.isEmpty());
    }

    void shouldLocateTheBoard_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("environmentDb");
        QTest::addColumn<QString>("expected"); // relative to the outside folder; "" = home

        QTest::newRow("QANBAN_HOME") << QStringList{} << QString() << QString();
        QTest::newRow("--home") << QStringList{u"--home"_s, u"{OUT}/other"_s} << QString()
                                << u"other/qanban.db"_s;
        QTest::newRow("--home after the verb")
            << QStringList{u"init"_s, u"--home={OUT}/other"_s} << QString()
            << u"other/qanban.db"_s;
        QTest::newRow("QANBAN_DB") << QStringList{} << u"{OUT}/env.db"_s << u"env.db"_s;
        QTest::newRow("--db wins over QANBAN_DB")
            << QStringList{u"--db"_s, u"{OUT}/option.db"_s} << u"{OUT}/env.db"_s
            << u"option.db"_s;
    }

    void shouldLocateTheBoard()
    {
        // GIVEN
        QFETCH(QStringList, arguments);
        QFETCH(QString, environmentDb);
        QFETCH(QString, expected);
        const QString outside = m_ctl->outside();
        arguments.replaceInStrings(u"{OUT}"_s, outside);
        CtlRunner::Environment environment;
        if (!environmentDb.isEmpty())
            environment.insert(u"QANBAN_DB"_s, environmentDb.replace(u"{OUT}"_s, outside));
        if (!arguments.contains(u"init"_s))
            arguments << u"init"_s;

        // WHEN
        const CtlResult result = m_ctl->run(arguments << u"--json"_s, {}, environment);

        // THEN
        QVERIFY2(result.exitCode == 0, result.describe().constData());
        const QString path = expected.isEmpty() ? m_ctl->databasePath()
                                                : QDir(outside).absoluteFilePath(expected);
        QCOMPARE(result.object().value(u"db"_s).toString(), path);
        QVERIFY(QFile::exists(path));
    }

    void shouldWriteNothingOutsideTheHome()
    {
        // GIVEN a home, and HOME and the XDG folders pointing elsewhere
        const QString id = m_ctl->create(u"contained"_s);
        QVERIFY(!id.isEmpty());

        // WHEN the usual verbs run
        for (const QStringList &arguments :
             {QStringList{u"claim"_s, id}, {u"comment"_s, id, u"note"_s},
              {u"complete"_s, id, u"--summary"_s, u"ok"_s}, {u"archive"_s, id}, {u"gc"_s},
              {u"tail"_s}, {u"stats"_s}, {u"assignees"_s}, {u"context"_s, id}}) {
            const CtlResult result = m_ctl->run(arguments);
            QVERIFY2(result.exitCode == 0, result.describe().constData());
        }

        // THEN
        QVERIFY(isEmptyFolder(m_ctl->outside()));
    }

    void shouldLoadTheKeychainOnlyForSecrets()
    {
        // GIVEN a board with a task and a profile, and the dynamic loader asked to name
        // every library it loads (on stderr)
        const QString id = m_ctl->create(u"lean"_s);
        QVERIFY(!id.isEmpty());
        QCOMPARE(m_ctl->run({u"profile"_s, u"add"_s, u"bot"_s, u"--program"_s, u"/bin/true"_s})
                     .exitCode,
                 0);
        const CtlRunner::Environment loaderNamesFiles{{u"LD_DEBUG"_s, u"files"_s}};

        // WHEN a worker's verbs run
        for (const QStringList &arguments :
             {QStringList{u"claim"_s, id}, {u"heartbeat"_s, id}, {u"show"_s, id},
              {u"complete"_s, id, u"--summary"_s, u"ok"_s}}) {
            const CtlResult result = m_ctl->run(arguments, {}, loaderNamesFiles);

            // THEN none loads QtKeychain or QtDBus
            QVERIFY2(result.exitCode == 0, result.describe().constData());
            QVERIFY2(!result.err.contains("libqt6keychain"), result.describe().constData());
            QVERIFY2(!result.err.contains("libQt6DBus"), result.describe().constData());
        }

        // WHEN a secret verb runs (with or without a keychain to answer it)
        const CtlResult secret = m_ctl->run(
            {u"profile"_s, u"secret"_s, u"remove"_s, u"bot"_s, u"TOKEN"_s}, {}, loaderNamesFiles);

        // THEN it loads the keychain module, and QtKeychain with it
        QVERIFY2(secret.err.contains("qanban-keychain.so"), secret.describe().constData());
        QVERIFY2(secret.err.contains("libqt6keychain"), secret.describe().constData());
    }

    void shouldPrintHelp()
    {
        const CtlResult general = m_ctl->run({u"help"_s});
        QCOMPARE(general.exitCode, 0);
        for (const char *verb : {"create", "list", "claim", "complete", "tail", "gc"})
            QVERIFY2(general.out.contains(verb), verb);

        const CtlResult verb = m_ctl->run({u"claim"_s, u"--help"_s});
        QCOMPARE(verb.exitCode, 0);
        QVERIFY(verb.out.startsWith("usage: qanbanctl claim ID"));
        QVERIFY(!QFile::exists(m_ctl->databasePath()));
    }

    // ------------------------------------------------------------ exit status 2

    void shouldRejectUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("runEnvironment");

        const QString none;
        QTest::newRow("no verb") << QStringList{u"--json"_s} << none;
        QTest::newRow("unknown verb") << QStringList{u"frobnicate"_s} << none;
        QTest::newRow("unknown option") << QStringList{u"list"_s, u"--colour"_s} << none;
        QTest::newRow("short option") << QStringList{u"list"_s, u"-a"_s} << none;
        QTest::newRow("verb option before the verb")
            << QStringList{u"--status"_s, u"ready"_s, u"list"_s} << none;
        QTest::newRow("flag with a value") << QStringList{u"list"_s, u"--archived=yes"_s}
                                           << none;
        QTest::newRow("missing value") << QStringList{u"create"_s, u"--title"_s} << none;
        QTest::newRow("option as value")
            << QStringList{u"create"_s, u"--title"_s, u"--body"_s, u"b"_s} << none;
        QTest::newRow("missing --home value") << QStringList{u"list"_s, u"--home"_s} << none;
        QTest::newRow("no title") << QStringList{u"create"_s, u"--body"_s, u"b"_s} << none;
        QTest::newRow("title twice")
            << QStringList{u"create"_s, u"--title=a"_s, u"--title=b"_s} << none;
        QTest::newRow("non-integer priority")
            << QStringList{u"create"_s, u"--title"_s, u"t"_s, u"--priority"_s, u"high"_s} << none;
        QTest::newRow("fractional priority")
            << QStringList{u"create"_s, u"--title"_s, u"t"_s, u"--priority=1.5"_s} << none;
        QTest::newRow("non-integer max-runtime")
            << QStringList{u"create"_s, u"--title"_s, u"t"_s, u"--max-runtime"_s, u"5m"_s}
            << none;
        QTest::newRow("unknown workspace kind")
            << QStringList{u"create"_s, u"--title"_s, u"t"_s, u"--workspace"_s, u"cloud"_s}
            << none;
        QTest::newRow("body and body-file")
            << QStringList{u"create"_s, u"--title"_s, u"t"_s, u"--body"_s, u"b"_s,
                           u"--body-file"_s, u"-"_s}
            << none;
        QTest::newRow("invalid status filter")
            << QStringList{u"list"_s, u"--status"_s, u"doing"_s} << none;
        QTest::newRow("invalid move status")
            << QStringList{u"move"_s, u"{R}"_s, u"doing"_s} << none;
        QTest::newRow("move without status") << QStringList{u"move"_s, u"{R}"_s} << none;
        QTest::newRow("reason on a move to done")
            << QStringList{u"move"_s, u"{R}"_s, u"done"_s, u"--reason"_s, u"r"_s} << none;
        QTest::newRow("show without id") << QStringList{u"show"_s} << none;
        QTest::newRow("show with two ids") << QStringList{u"show"_s, u"{R}"_s, u"{C}"_s} << none;
        QTest::newRow("non-integer --run")
            << QStringList{u"complete"_s, u"{X}"_s, u"--run"_s, u"abc"_s} << none;
        QTest::newRow("non-integer QANBAN_RUN") << QStringList{u"complete"_s, u"{X}"_s}
                                                << u"run-7"_s;
        QTest::newRow("non-integer --run on block")
            << QStringList{u"block"_s, u"{X}"_s, u"--reason"_s, u"r"_s, u"--run=1x"_s} << none;
        QTest::newRow("block without reason") << QStringList{u"block"_s, u"{X}"_s} << none;
        QTest::newRow("non-integer ttl")
            << QStringList{u"claim"_s, u"{R}"_s, u"--ttl"_s, u"soon"_s} << none;
        QTest::newRow("negative since") << QStringList{u"tail"_s, u"--since=-1"_s} << none;
        QTest::newRow("assign without profile") << QStringList{u"assign"_s, u"{R}"_s} << none;
        QTest::newRow("assign profile and none")
            << QStringList{u"assign"_s, u"{R}"_s, u"coder"_s, u"--none"_s} << none;
        QTest::newRow("edit without change") << QStringList{u"edit"_s, u"{R}"_s} << none;
        QTest::newRow("comment without body") << QStringList{u"comment"_s, u"{R}"_s} << none;
    }

    void shouldRejectUsageErrors()
    {
        // GIVEN
        QFETCH(QStringList, arguments);
        QFETCH(QString, runEnvironment);
        Fixture fixture;
        QVERIFY(buildFixture(m_ctl->databasePath(), fixture));
        const QByteArray before = m_ctl->boardState();
        CtlRunner::Environment environment;
        if (!runEnvironment.isEmpty())
            environment.insert(u"QANBAN_RUN"_s, runEnvironment);

        // WHEN
        const CtlResult result = m_ctl->run(fixture.expand(arguments), {}, environment);

        // THEN
        QVERIFY2(result.exitCode == 2, result.describe().constData());
        QVERIFY(result.out.isEmpty());
        QVERIFY2(result.err.startsWith("qanbanctl: usage: "), result.err.constData());
        QVERIFY(result.errLines().size() <= 2);
        QCOMPARE(m_ctl->boardState(), before);
    }

    void shouldNotCreateABoardOnAUsageError()
    {
        const CtlResult result = m_ctl->run({u"list"_s, u"--status"_s, u"doing"_s});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(!QFile::exists(m_ctl->databasePath()));
    }

    // ------------------------------------------------------------ exit status 1

    void shouldRefuseAndLeaveTheBoardUnchanged_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("runEnvironment");

        const QString none;
        QTest::newRow("unknown id") << QStringList{u"show"_s, u"t_000000000000"_s} << none;
        QTest::newRow("move into running")
            << QStringList{u"move"_s, u"{R}"_s, u"running"_s} << none;
        QTest::newRow("move to blocked without reason")
            << QStringList{u"move"_s, u"{R}"_s, u"blocked"_s} << none;
        QTest::newRow("move an archived task")
            << QStringList{u"move"_s, u"{A}"_s, u"ready"_s} << none;
        QTest::newRow("claim a waiting task") << QStringList{u"claim"_s, u"{C}"_s} << none;
        QTest::newRow("claim a running task") << QStringList{u"claim"_s, u"{X}"_s} << none;
        QTest::newRow("claim an archived task") << QStringList{u"claim"_s, u"{A}"_s} << none;
        QTest::newRow("claim with zero ttl")
            << QStringList{u"claim"_s, u"{R}"_s, u"--ttl=0"_s} << none;
        QTest::newRow("heartbeat by another claimer")
            << QStringList{u"heartbeat"_s, u"{X}"_s, u"--claimer"_s, u"w2"_s} << none;
        QTest::newRow("complete with a stale --run")
            << QStringList{u"complete"_s, u"{X}"_s, u"--run"_s, u"999"_s} << none;
        QTest::newRow("complete with a stale QANBAN_RUN")
            << QStringList{u"complete"_s, u"{X}"_s} << u"999"_s;
        QTest::newRow("block with a stale --run")
            << QStringList{u"block"_s, u"{X}"_s, u"--reason=r"_s, u"--run=999"_s} << none;
        QTest::newRow("block with a stale QANBAN_RUN")
            << QStringList{u"block"_s, u"{X}"_s, u"--reason"_s, u"r"_s} << u"999"_s;
        QTest::newRow("complete a done task") << QStringList{u"complete"_s, u"{D}"_s} << none;
        QTest::newRow("complete with metadata that is no object")
            << QStringList{u"complete"_s, u"{R}"_s, u"--metadata"_s, u"[1]"_s} << none;
        QTest::newRow("block a done task")
            << QStringList{u"block"_s, u"{D}"_s, u"--reason"_s, u"r"_s} << none;
        QTest::newRow("block with an empty reason")
            << QStringList{u"block"_s, u"{R}"_s, u"--reason"_s, u" "_s} << none;
        QTest::newRow("unblock a ready task") << QStringList{u"unblock"_s, u"{R}"_s} << none;
        QTest::newRow("link a task to itself")
            << QStringList{u"link"_s, u"{R}"_s, u"{R}"_s} << none;
        QTest::newRow("link into a cycle") << QStringList{u"link"_s, u"{C}"_s, u"{R}"_s} << none;
        QTest::newRow("unlink what is not linked")
            << QStringList{u"unlink"_s, u"{C}"_s, u"{R}"_s} << none;
        QTest::newRow("assign a running task")
            << QStringList{u"assign"_s, u"{X}"_s, u"reviewer"_s} << none;
        QTest::newRow("archive a running task") << QStringList{u"archive"_s, u"{X}"_s} << none;
        QTest::newRow("edit to an empty title")
            << QStringList{u"edit"_s, u"{R}"_s, u"--title"_s, u"  "_s} << none;
        QTest::newRow("comment with an empty body")
            << QStringList{u"comment"_s, u"{R}"_s, u" "_s} << none;
        QTest::newRow("create with an unknown parent")
            << QStringList{u"create"_s, u"--title"_s, u"t"_s, u"--parent"_s, u"t_nope"_s} << none;
        QTest::newRow("create with zero retries")
            << QStringList{u"create"_s, u"--title"_s, u"t"_s, u"--max-retries=0"_s} << none;
        QTest::newRow("create a dir workspace without path")
            << QStringList{u"create"_s, u"--title"_s, u"t"_s, u"--workspace"_s, u"dir"_s} << none;
        QTest::newRow("create with an unreadable body file")
            << QStringList{u"create"_s, u"--title"_s, u"t"_s, u"--body-file"_s, u"missing.md"_s}
            << none;
        QTest::newRow("runs of an unknown task") << QStringList{u"runs"_s, u"t_nope"_s} << none;
        QTest::newRow("context of an unknown task")
            << QStringList{u"context"_s, u"t_nope"_s} << none;
        QTest::newRow("database is a folder")
            << QStringList{u"list"_s, u"--db"_s, u"workspaces"_s} << none;
    }

    void shouldRefuseAndLeaveTheBoardUnchanged()
    {
        // GIVEN
        QFETCH(QStringList, arguments);
        QFETCH(QString, runEnvironment);
        Fixture fixture;
        QVERIFY(buildFixture(m_ctl->databasePath(), fixture));
        QVERIFY(QDir(m_ctl->home()).mkpath(u"workspaces"_s));
        const QByteArray before = m_ctl->boardState();
        CtlRunner::Environment environment;
        if (!runEnvironment.isEmpty())
            environment.insert(u"QANBAN_RUN"_s, runEnvironment);

        // WHEN
        const CtlResult result = m_ctl->run(fixture.expand(arguments << u"--json"_s), {},
                                            environment);

        // THEN exactly one error line, nothing on stdout, nothing changed
        QVERIFY2(result.exitCode == 1, result.describe().constData());
        QVERIFY(result.out.isEmpty());
        QCOMPARE(result.errLines().size(), 1);
        QVERIFY2(result.err.startsWith("qanbanctl: error: "), result.err.constData());
        QVERIFY(result.err.size() > qsizetype(sizeof("qanbanctl: error: ")));
        QCOMPARE(m_ctl->boardState(), before);
    }

    // ------------------------------------------------------------ create, list, show, edit

    void shouldCreateWithEveryOption()
    {
        // GIVEN
        const QString parent = m_ctl->create(u"parent"_s);
        QVERIFY(!parent.isEmpty());

        // WHEN
        const CtlResult result = m_ctl->run(
            {u"create"_s, u"--json"_s, u"--title"_s, u"Write the spec"_s, u"--body"_s,
             u"in detail"_s, u"--assignee"_s, u"coder"_s, u"--parent"_s, parent,
             u"--tenant"_s, u"acme"_s, u"--priority"_s, u"-3"_s, u"--skill"_s, u"rust"_s,
             u"--skill=review"_s, u"--idempotency-key"_s, u"k-1"_s, u"--max-retries"_s, u"4"_s,
             u"--max-runtime"_s, u"600"_s, u"--workspace"_s, u"worktree"_s,
             u"--workspace-path"_s, u"/srv/repo"_s});

        // THEN
        QVERIFY2(result.exitCode == 0, result.describe().constData());
        const QJsonObject task = result.object();
        QVERIFY(hasFields(task, taskFields));
        QVERIFY(task[u"id"_s].isString());
        QCOMPARE(task[u"title"_s].toString(), u"Write the spec"_s);
        QCOMPARE(task[u"body"_s].toString(), u"in detail"_s);
        QCOMPARE(task[u"status"_s].toString(), u"todo"_s); // its parent is open
        QCOMPARE(task[u"archived"_s].toBool(true), false);
        QCOMPARE(task[u"assignee"_s].toString(), u"coder"_s);
        QCOMPARE(task[u"tenant"_s].toString(), u"acme"_s);
        QCOMPARE(task[u"priority"_s].toInt(), -3);
        QCOMPARE(task[u"skills"_s].toArray(), (QJsonArray{u"rust"_s, u"review"_s}));
        QCOMPARE(task[u"idempotency_key"_s].toString(), u"k-1"_s);
        QCOMPARE(task[u"max_retries"_s].toInt(), 4);
        QCOMPARE(task[u"max_runtime"_s].toInt(), 600);
        QCOMPARE(task[u"workspace_kind"_s].toString(), u"worktree"_s);
        QCOMPARE(task[u"workspace_path"_s].toString(), u"/srv/repo"_s);
        QCOMPARE(task[u"parents"_s].toArray(), QJsonArray{parent});
        QCOMPARE(task[u"children"_s].toArray(), QJsonArray{});
        QVERIFY(task[u"result"_s].isNull());
        QVERIFY(task[u"current_run_id"_s].isNull());
        QVERIFY(task[u"created_at"_s].toInteger() > 1'600'000'000);
        QVERIFY(task[u"started_at"_s].isNull());
    }

    void shouldCreateWithDefaults()
    {
        const CtlResult triage = m_ctl->run({u"create"_s, u"A title"_s, u"--triage"_s,
                                             u"--json"_s});
        QVERIFY2(triage.exitCode == 0, triage.describe().constData());
        QCOMPARE(triage.object()[u"title"_s].toString(), u"A title"_s);
        QCOMPARE(triage.object()[u"status"_s].toString(), u"triage"_s);
        QCOMPARE(triage.object()[u"workspace_kind"_s].toString(), u"scratch"_s);
        QVERIFY(triage.object()[u"workspace_path"_s].isNull());
        QVERIFY(triage.object()[u"assignee"_s].isNull());
        QVERIFY(triage.object()[u"max_retries"_s].isNull());

        const CtlResult text = m_ctl->run({u"create"_s, u"--title"_s, u"Plain"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(QRegularExpression(u"^t_\\S+\\s+ready\\s+-\\s+Plain\\n$"_s)
                    .match(QString::fromUtf8(text.out))
                    .hasMatch());
    }

    void shouldReturnTheSameTaskForAnIdempotencyKey()
    {
        const QStringList arguments{u"create"_s, u"--json"_s, u"--title"_s, u"once"_s,
                                    u"--idempotency-key"_s, u"job-42"_s};
        const CtlResult first = m_ctl->run(arguments);
        const CtlResult second = m_ctl->run(arguments);
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.object()[u"id"_s], first.object()[u"id"_s]);
        QCOMPARE(m_ctl->run({u"list"_s, u"--json"_s}).array().size(), 1);
    }

    void shouldAcceptTheEqualsForm_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");

        QTest::newRow("title beginning with a dash")
            << QStringList{u"--title=-c"_s} << u"title"_s << u"-c"_s;
        QTest::newRow("value with an equals sign")
            << QStringList{u"--title=a=b"_s} << u"title"_s << u"a=b"_s;
        QTest::newRow("body beginning with two dashes")
            << QStringList{u"--title"_s, u"t"_s, u"--body=--verbose"_s} << u"body"_s
            << u"--verbose"_s;
        QTest::newRow("empty body") << QStringList{u"--title=t"_s, u"--body="_s} << u"body"_s
                                    << QString();
        QTest::newRow("tenant") << QStringList{u"--title=t"_s, u"--tenant=acme"_s}
                                << u"tenant"_s << u"acme"_s;
        QTest::newRow("title after --")
            << QStringList{u"--"_s, u"--not-an-option"_s} << u"title"_s << u"--not-an-option"_s;
    }

    void shouldAcceptTheEqualsForm()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, field);
        QFETCH(QString, expected);

        const CtlResult result = m_ctl->run(QStringList{u"--json"_s, u"create"_s} + arguments);

        QVERIFY2(result.exitCode == 0, result.describe().constData());
        QCOMPARE(result.object()[field].toString(), expected);
    }

    void shouldReadTheBodyFromStdinAndFiles()
    {
        // GIVEN a body too long and too awkward for an argument
        QByteArray body = "first line\n\"quoted\" and $dollar\n";
        body += QByteArray(100'000, 'x') + "\nÜnïcödé\n";
        QFile file(QDir(m_ctl->outside()).absoluteFilePath(u"body.md"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("from a file\n");
        file.close();

        // WHEN
        const CtlResult fromStdin = m_ctl->run(
            {u"create"_s, u"--json"_s, u"--title"_s, u"t"_s, u"--body-file"_s, u"-"_s}, body);
        const CtlResult fromFile = m_ctl->run(
            {u"create"_s, u"--json"_s, u"--title"_s, u"t"_s, u"--body-file"_s, u"body.md"_s}, {},
            {}, m_ctl->outside());
        const QString id = fromFile.object()[u"id"_s].toString();
        const CtlResult edited = m_ctl->run(
            {u"edit"_s, id, u"--json"_s, u"--body-file=-"_s}, "edited\n");

        // THEN
        QVERIFY2(fromStdin.exitCode == 0, fromStdin.describe().constData());
        QCOMPARE(fromStdin.object()[u"body"_s].toString(), QString::fromUtf8(body));
        QVERIFY2(fromFile.exitCode == 0, fromFile.describe().constData());
        QCOMPARE(fromFile.object()[u"body"_s].toString(), u"from a file\n"_s);
        QCOMPARE(edited.object()[u"body"_s].toString(), u"edited\n"_s);
    }

    void shouldMakeWorkspacePathsAbsolute()
    {
        // GIVEN a caller in a folder of its own
        const QString caller = QDir(m_ctl->outside()).absoluteFilePath(u"caller"_s);
        QVERIFY(QDir().mkpath(caller));

        // WHEN
        const CtlResult result = m_ctl->run(
            {u"create"_s, u"--json"_s, u"--title"_s, u"t"_s, u"--workspace=dir"_s,
             u"--workspace-path"_s, u"../project/./src"_s},
            {}, {}, caller);
        const CtlResult implied = m_ctl->run(
            {u"create"_s, u"--json"_s, u"--title"_s, u"t"_s, u"--workspace-path"_s, u"here"_s},
            {}, {}, caller);

        // THEN
        QVERIFY2(result.exitCode == 0, result.describe().constData());
        QCOMPARE(result.object()[u"workspace_path"_s].toString(),
                 QDir(m_ctl->outside()).absoluteFilePath(u"project/src"_s));
        QCOMPARE(implied.object()[u"workspace_kind"_s].toString(), u"dir"_s);
        QCOMPARE(implied.object()[u"workspace_path"_s].toString(),
                 QDir(caller).absoluteFilePath(u"here"_s));
    }

    void shouldListWithFilters_data()
    {
        QTest::addColumn<QStringList>("filter");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("all open tasks")
            << QStringList{}
            << QStringList{u"ready one"_s, u"child"_s, u"running one"_s, u"blocked one"_s,
                           u"done one"_s, u"tenant task"_s};
        QTest::newRow("archived too")
            << QStringList{u"--archived"_s}
            << QStringList{u"ready one"_s, u"child"_s, u"running one"_s, u"blocked one"_s,
                           u"done one"_s, u"archived one"_s, u"tenant task"_s};
        QTest::newRow("by status") << QStringList{u"--status"_s, u"todo"_s}
                                   << QStringList{u"child"_s};
        QTest::newRow("by status, = form") << QStringList{u"--status=blocked"_s}
                                           << QStringList{u"blocked one"_s};
        QTest::newRow("by assignee") << QStringList{u"--assignee"_s, u"coder"_s}
                                     << QStringList{u"ready one"_s, u"tenant task"_s};
        QTest::newRow("by tenant") << QStringList{u"--tenant"_s, u"acme"_s}
                                   << QStringList{u"tenant task"_s};
        QTest::newRow("combined")
            << QStringList{u"--assignee"_s, u"coder"_s, u"--status"_s, u"ready"_s,
                           u"--tenant"_s, u"acme"_s}
            << QStringList{u"tenant task"_s};
        QTest::newRow("nothing") << QStringList{u"--status"_s, u"triage"_s} << QStringList{};
    }

    void shouldListWithFilters()
    {
        // GIVEN
        QFETCH(QStringList, filter);
        QFETCH(QStringList, expected);
        Fixture fixture;
        QVERIFY(buildFixture(m_ctl->databasePath(), fixture));
        QVERIFY(!m_ctl->create(u"tenant task"_s, {u"--tenant"_s, u"acme"_s, u"--assignee"_s,
                                                  u"coder"_s})
                     .isEmpty());

        // WHEN
        const CtlResult json = m_ctl->run(QStringList{u"list"_s, u"--json"_s} + filter);
        const CtlResult text = m_ctl->run(QStringList{u"list"_s} + filter);

        // THEN
        QVERIFY2(json.exitCode == 0, json.describe().constData());
        QVERIFY(json.out.startsWith('['));
        QCOMPARE(titles(json.array()), expected);
        for (const QJsonValue &task : json.array())
            QVERIFY(hasFields(task.toObject(), taskFields));
        // one line per task: id, status, assignee, title
        const QStringList lines = QString::fromUtf8(text.out).trimmed().split(u'\n');
        if (expected.isEmpty()) {
            QCOMPARE(lines, QStringList{u"(no tasks)"_s});
            return;
        }
        QCOMPARE(lines.size(), expected.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QJsonObject task = json.array().at(i).toObject();
            const QStringList columns = lines.at(i).split(u' ', Qt::SkipEmptyParts);
            QCOMPARE(columns.value(0), task[u"id"_s].toString());
            QCOMPARE(columns.value(1), task[u"status"_s].toString());
            QVERIFY(lines.at(i).contains(expected.at(i)));
        }
    }

    void shouldShowATaskWithItsCommentsRunsAndEvents()
    {
        // GIVEN a task that was claimed, commented on and completed
        const QString parent = m_ctl->create(u"parent"_s);
        const QString id = m_ctl->create(u"shown"_s, {u"--body"_s, u"the body"_s});
        QCOMPARE(m_ctl->run({u"link"_s, parent, id}).exitCode, 0);
        QCOMPARE(m_ctl->run({u"complete"_s, parent}).exitCode, 0);
        QCOMPARE(m_ctl->run({u"comment"_s, id, u"first note"_s, u"--author"_s, u"ann"_s})
                     .exitCode,
                 0);
        QCOMPARE(m_ctl->run({u"claim"_s, id}).exitCode, 0);
        QCOMPARE(m_ctl->run({u"complete"_s, id, u"--result"_s, u"42"_s}).exitCode, 0);

        // WHEN
        const CtlResult json = m_ctl->run({u"show"_s, id, u"--json"_s});
        const CtlResult text = m_ctl->run({u"show"_s, id});

        // THEN
        QVERIFY2(json.exitCode == 0, json.describe().constData());
        const QJsonObject task = json.object();
        QVERIFY(hasFields(task, taskFields + QStringList{u"comments"_s, u"runs"_s, u"events"_s}));
        QCOMPARE(task[u"parents"_s].toArray(), QJsonArray{parent});
        QCOMPARE(task[u"comments"_s].toArray().size(), 1);
        QVERIFY(hasFields(task[u"comments"_s][0].toObject(), commentFields));
        QCOMPARE(task[u"comments"_s][0][u"body"_s].toString(), u"first note"_s);
        QCOMPARE(task[u"runs"_s].toArray().size(), 1);
        QVERIFY(hasFields(task[u"runs"_s][0].toObject(), runFields));
        QCOMPARE(task[u"runs"_s][0][u"outcome"_s].toString(), u"completed"_s);
        QVERIFY(task[u"runs"_s][0][u"id"_s].isString());
        QStringList kinds;
        for (const QJsonValue &event : task[u"events"_s].toArray()) {
            QVERIFY(hasFields(event.toObject(), eventFields));
            QVERIFY(event[u"payload"_s].isObject());
            kinds << event[u"kind"_s].toString();
        }
        QCOMPARE(kinds, (QStringList{u"created"_s, u"linked"_s, u"promoted"_s, u"commented"_s,
                                     u"claimed"_s, u"completed"_s}));

        QVERIFY2(text.exitCode == 0, text.describe().constData());
        for (const char *expected : {"shown", "the body", "first note", "ann", "Runs",
                                     "completed", "Events", "claimed"}) {
            QVERIFY2(text.out.contains(expected), expected);
        }
        QVERIFY(text.out.contains(parent.toUtf8()));
    }

    void shouldEditFields()
    {
        const QString id = m_ctl->create(u"before"_s, {u"--tenant"_s, u"old"_s});
        const CtlResult result = m_ctl->run(
            {u"edit"_s, id, u"--json"_s, u"--title"_s, u"after"_s, u"--body=new body"_s,
             u"--priority"_s, u"7"_s, u"--tenant"_s, u"new"_s, u"--skill"_s, u"go"_s});

        QVERIFY2(result.exitCode == 0, result.describe().constData());
        const QJsonObject task = result.object();
        QCOMPARE(task[u"title"_s].toString(), u"after"_s);
        QCOMPARE(task[u"body"_s].toString(), u"new body"_s);
        QCOMPARE(task[u"priority"_s].toInt(), 7);
        QCOMPARE(task[u"tenant"_s].toString(), u"new"_s);
        QCOMPARE(task[u"skills"_s].toArray(), QJsonArray{u"go"_s});
        const QJsonArray events = m_ctl->run({u"events"_s, id, u"--json"_s}).array();
        QCOMPARE(events.last()[u"kind"_s].toString(), u"edited"_s);
    }

    // ------------------------------------------------------------ moves and links

    void shouldMoveBetweenColumns()
    {
        const QString id = m_ctl->create(u"moved"_s);

        CtlResult result = m_ctl->run({u"move"_s, id, u"blocked"_s, u"--reason"_s,
                                       u"waiting for keys"_s, u"--json"_s});
        QVERIFY2(result.exitCode == 0, result.describe().constData());
        QCOMPARE(result.object()[u"status"_s].toString(), u"blocked"_s);
        QCOMPARE(result.object()[u"block_reason"_s].toString(), u"waiting for keys"_s);

        result = m_ctl->run({u"move"_s, id, u"ready"_s, u"--json"_s});
        QCOMPARE(result.object()[u"status"_s].toString(), u"ready"_s);

        result = m_ctl->run({u"move"_s, id, u"done"_s, u"--summary=by hand"_s, u"--json"_s});
        QCOMPARE(result.object()[u"status"_s].toString(), u"done"_s);
        QCOMPARE(result.object()[u"summary"_s].toString(), u"by hand"_s);

        result = m_ctl->run({u"move"_s, id, u"triage"_s});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(" triage "));
    }

    void shouldAssignAndUnassign()
    {
        const QString id = m_ctl->create(u"assigned"_s);

        CtlResult result = m_ctl->run({u"assign"_s, id, u"coder"_s, u"--json"_s});
        QVERIFY2(result.exitCode == 0, result.describe().constData());
        QCOMPARE(result.object()[u"assignee"_s].toString(), u"coder"_s);

        result = m_ctl->run({u"assign"_s, id, u"--none"_s, u"--json"_s});
        QVERIFY2(result.exitCode == 0, result.describe().constData());
        QVERIFY(result.object()[u"assignee"_s].isNull());
    }

    void shouldLinkAndUnlink()
    {
        const QString parent = m_ctl->create(u"parent"_s);
        const QString child = m_ctl->create(u"child"_s);

        CtlResult result = m_ctl->run({u"link"_s, parent, child, u"--json"_s});
        QVERIFY2(result.exitCode == 0, result.describe().constData());
        QCOMPARE(result.object()[u"id"_s].toString(), child);
        QCOMPARE(result.object()[u"status"_s].toString(), u"todo"_s);
        QCOMPARE(result.object()[u"parents"_s].toArray(), QJsonArray{parent});

        result = m_ctl->run({u"unlink"_s, parent, child, u"--json"_s});
        QVERIFY2(result.exitCode == 0, result.describe().constData());
        QCOMPARE(result.object()[u"id"_s].toString(), child);
        QCOMPARE(result.object()[u"status"_s].toString(), u"ready"_s);
        QCOMPARE(result.object()[u"parents"_s].toArray(), QJsonArray{});
    }

    // ------------------------------------------------------------ the worker protocol

    void shouldRunTheWorkerProtocol()
    {
        // GIVEN
        const QString id = m_ctl->create(u"work"_s, {u"--assignee"_s, u"coder"_s});

        // WHEN a worker claims, beats and completes
        const CtlResult claimed = m_ctl->run(
            {u"claim"_s, id, u"--claimer"_s, u"host:1"_s, u"--ttl"_s, u"60"_s, u"--json"_s});
        const CtlResult beat = m_ctl->run(
            {u"heartbeat"_s, id, u"--claimer=host:1"_s, u"--ttl=120"_s, u"--json"_s});
        const QString run = claimed.object()[u"current_run_id"_s].toString();
        const CtlResult completed = m_ctl->run(
            {u"complete"_s, id, u"--json"_s, u"--result"_s, u"shipped"_s, u"--summary"_s,
             u"all tests pass"_s, u"--metadata"_s, uR"({"pr": 12})"_s, u"--run"_s, run});

        // THEN
        QVERIFY2(claimed.exitCode == 0, claimed.describe().constData());
        const QJsonObject task = claimed.object();
        QCOMPARE(task[u"status"_s].toString(), u"running"_s);
        QCOMPARE(task[u"claim_lock"_s].toString(), u"host:1"_s);
        QVERIFY(!run.isEmpty());
        QCOMPARE(task[u"claim_expires"_s].toInteger() - task[u"started_at"_s].toInteger(), 60);
        const QString workspace = QDir(m_ctl->home()).absoluteFilePath(u"workspaces/"_s + id);
        QCOMPARE(task[u"workspace_path"_s].toString(), workspace);
        QVERIFY(QFileInfo(workspace).isDir());

        QVERIFY2(beat.exitCode == 0, beat.describe().constData());
        QVERIFY(beat.object()[u"claim_expires"_s].toInteger()
                >= task[u"claim_expires"_s].toInteger());

        QVERIFY2(completed.exitCode == 0, completed.describe().constData());
        QCOMPARE(completed.object()[u"status"_s].toString(), u"done"_s);
        QCOMPARE(completed.object()[u"result"_s].toString(), u"shipped"_s);
        QCOMPARE(completed.object()[u"summary"_s].toString(), u"all tests pass"_s);
        QCOMPARE(completed.object()[u"metadata"_s].toObject(), (QJsonObject{{u"pr"_s, 12}}));
        QVERIFY(completed.object()[u"current_run_id"_s].isNull());

        const CtlResult runs = m_ctl->run({u"runs"_s, id, u"--json"_s});
        QCOMPARE(runs.array().size(), 1);
        QCOMPARE(runs.array()[0][u"id"_s].toString(), run);
        QCOMPARE(runs.array()[0][u"outcome"_s].toString(), u"completed"_s);
        QCOMPARE(runs.array()[0][u"claimer"_s].toString(), u"host:1"_s);
        QCOMPARE(runs.array()[0][u"profile"_s].toString(), u"coder"_s);
    }

    void shouldChooseTheClaimer_data()
    {
        QTest::addColumn<QString>("environmentClaimer");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("expected"); // a prefix

        QTest::newRow("default") << QString() << QStringList{} << u"qanbanctl@"_s;
        QTest::newRow("QANBAN_CLAIMER") << u"box:77"_s << QStringList{} << u"box:77"_s;
        QTest::newRow("--claimer wins")
            << u"box:77"_s << QStringList{u"--claimer"_s, u"me"_s} << u"me"_s;
    }

    void shouldChooseTheClaimer()
    {
        QFETCH(QString, environmentClaimer);
        QFETCH(QStringList, options);
        QFETCH(QString, expected);
        const QString id = m_ctl->create(u"claimed"_s);
        CtlRunner::Environment environment;
        if (!environmentClaimer.isEmpty())
            environment.insert(u"QANBAN_CLAIMER"_s, environmentClaimer);

        const CtlResult claimed = m_ctl->run(QStringList{u"claim"_s, id, u"--json"_s} + options,
                                             {}, environment);
        const CtlResult beat = m_ctl->run(QStringList{u"heartbeat"_s, id} + options, {},
                                          environment);

        QVERIFY2(claimed.exitCode == 0, claimed.describe().constData());
        QVERIFY(claimed.object()[u"claim_lock"_s].toString().startsWith(expected));
        QVERIFY2(beat.exitCode == 0, beat.describe().constData());
    }

    void shouldHonourQanbanRun()
    {
        // GIVEN a task claimed twice: the first attempt's worker is stale
        const QString id = m_ctl->create(u"retried"_s);
        const QString staleRun =
            m_ctl->run({u"claim"_s, id, u"--json"_s}).object()[u"current_run_id"_s].toString();
        QCOMPARE(m_ctl->run({u"move"_s, id, u"ready"_s}).exitCode, 0);
        const QString currentRun =
            m_ctl->run({u"claim"_s, id, u"--json"_s}).object()[u"current_run_id"_s].toString();
        QVERIFY(!staleRun.isEmpty());
        QVERIFY(currentRun != staleRun);
        const QByteArray before = m_ctl->boardState();

        // WHEN the stale worker reports, then the current one
        const CtlResult stale = m_ctl->run({u"complete"_s, id}, {},
                                           {{u"QANBAN_RUN"_s, staleRun}});
        const QByteArray afterStale = m_ctl->boardState();
        const CtlResult overridden = m_ctl->run({u"block"_s, id, u"--reason=x"_s, u"--run"_s,
                                                 staleRun},
                                                {}, {{u"QANBAN_RUN"_s, currentRun}});
        const CtlResult current = m_ctl->run({u"complete"_s, id, u"--json"_s}, {},
                                             {{u"QANBAN_RUN"_s, currentRun}});

        // THEN
        QCOMPARE(stale.exitCode, 1);
        QVERIFY(stale.err.startsWith("qanbanctl: error: "));
        QCOMPARE(afterStale, before);
        QCOMPARE(overridden.exitCode, 1); // --run wins over QANBAN_RUN
        QVERIFY2(current.exitCode == 0, current.describe().constData());
        QCOMPARE(current.object()[u"status"_s].toString(), u"done"_s);
        const QJsonArray runs = m_ctl->run({u"runs"_s, id, u"--json"_s}).array();
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs[0][u"outcome"_s].toString(), u"cancelled"_s);
        QCOMPARE(runs[1][u"outcome"_s].toString(), u"completed"_s);
    }

    void shouldBlockAndUnblock()
    {
        const QString id = m_ctl->create(u"stuck"_s);
        const QString run =
            m_ctl->run({u"claim"_s, id, u"--json"_s}).object()[u"current_run_id"_s].toString();

        const CtlResult blocked = m_ctl->run(
            {u"block"_s, id, u"--reason"_s, u"need the API key"_s, u"--json"_s}, {},
            {{u"QANBAN_RUN"_s, run}});
        QVERIFY2(blocked.exitCode == 0, blocked.describe().constData());
        QCOMPARE(blocked.object()[u"status"_s].toString(), u"blocked"_s);
        QCOMPARE(blocked.object()[u"block_reason"_s].toString(), u"need the API key"_s);
        const QJsonArray runs = m_ctl->run({u"runs"_s, id, u"--json"_s}).array();
        QCOMPARE(runs[0][u"outcome"_s].toString(), u"blocked"_s);

        const CtlResult unblocked = m_ctl->run({u"unblock"_s, id, u"--json"_s});
        QVERIFY2(unblocked.exitCode == 0, unblocked.describe().constData());
        QCOMPARE(unblocked.object()[u"status"_s].toString(), u"ready"_s);
    }

    void shouldPrintTheWorkerContext()
    {
        const QString parent = m_ctl->create(u"research"_s);
        QCOMPARE(m_ctl->run({u"complete"_s, parent, u"--summary"_s, u"found three papers"_s})
                     .exitCode,
                 0);
        const QString id = m_ctl->create(u"write up"_s, {u"--parent"_s, parent, u"--body"_s,
                                                         u"two pages"_s});
        QCOMPARE(m_ctl->run({u"comment"_s, id, u"keep it short"_s}).exitCode, 0);

        const CtlResult text = m_ctl->run({u"context"_s, id});
        const CtlResult json = m_ctl->run({u"context"_s, id, u"--json"_s});

        QVERIFY2(text.exitCode == 0, text.describe().constData());
        for (const char *expected : {"write up", "two pages", "found three papers",
                                     "keep it short"}) {
            QVERIFY2(text.out.contains(expected), expected);
        }
        QCOMPARE(keys(json.object()), QStringList{u"context"_s});
        QCOMPARE(json.object()[u"context"_s].toString().trimmed(),
                 QString::fromUtf8(text.out).trimmed());
    }

    // ------------------------------------------------------------ comments

    void shouldChooseTheCommentAuthor_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("expected");

        QTest::newRow("QANBAN_PROFILE") << u"coder"_s << u"ann"_s << QStringList{} << u"coder"_s;
        QTest::newRow("USER") << QString() << u"ann"_s << QStringList{} << u"ann"_s;
        QTest::newRow("neither") << QString() << QString() << QStringList{} << u"operator"_s;
        QTest::newRow("--author wins")
            << u"coder"_s << u"ann"_s << QStringList{u"--author"_s, u"bob"_s} << u"bob"_s;
    }

    void shouldChooseTheCommentAuthor()
    {
        QFETCH(QString, profile);
        QFETCH(QString, user);
        QFETCH(QStringList, options);
        QFETCH(QString, expected);
        const QString id = m_ctl->create(u"discussed"_s);

        const CtlResult result = m_ctl->run(
            QStringList{u"comment"_s, id, u"looks good"_s, u"--json"_s} + options, {},
            {{u"QANBAN_PROFILE"_s, profile.isEmpty() ? QString() : profile},
             {u"USER"_s, user.isEmpty() ? QString() : user}});

        QVERIFY2(result.exitCode == 0, result.describe().constData());
        const QJsonObject comment = result.object();
        QVERIFY(hasFields(comment, commentFields));
        QCOMPARE(comment[u"author"_s].toString(), expected);
        QCOMPARE(comment[u"body"_s].toString(), u"looks good"_s);
        QCOMPARE(comment[u"task_id"_s].toString(), id);
        QVERIFY(comment[u"id"_s].isString());
    }

    void shouldTakeALongCommentFromStdin()
    {
        const QString id = m_ctl->create(u"discussed"_s);
        const CtlResult result = m_ctl->run(
            {u"comment"_s, id, u"--body-file"_s, u"-"_s, u"--json"_s}, "line one\nline two\n");
        QVERIFY2(result.exitCode == 0, result.describe().constData());
        QCOMPARE(result.object()[u"body"_s].toString(), u"line one\nline two\n"_s);
    }

    // ------------------------------------------------------------ events

    void shouldListRunsAndEvents()
    {
        const QString id = m_ctl->create(u"observed"_s);
        QCOMPARE(m_ctl->run({u"claim"_s, id}).exitCode, 0);

        const CtlResult runs = m_ctl->run({u"runs"_s, id, u"--json"_s});
        const CtlResult events = m_ctl->run({u"events"_s, id, u"--json"_s});
        const CtlResult runsText = m_ctl->run({u"runs"_s, id});
        const CtlResult eventsText = m_ctl->run({u"events"_s, id});

        QCOMPARE(runs.array().size(), 1);
        QVERIFY(hasFields(runs.array()[0].toObject(), runFields));
        QVERIFY(runs.array()[0][u"outcome"_s].isNull());
        QCOMPARE(events.array().size(), 2);
        QVERIFY(hasFields(events.array()[1].toObject(), eventFields));
        QCOMPARE(events.array()[1][u"kind"_s].toString(), u"claimed"_s);
        QCOMPARE(events.array()[1][u"task_id"_s].toString(), id);
        QCOMPARE(runsText.out.count('\n'), 1);
        QVERIFY(runsText.out.contains("open"));
        QCOMPARE(eventsText.out.count('\n'), 2);
        QVERIFY(eventsText.out.contains("claimed"));
    }

    void shouldTailFromTheStartOrSinceAnEvent()
    {
        // GIVEN
        const QString first = m_ctl->create(u"first"_s);
        const QString second = m_ctl->create(u"second"_s);

        // WHEN
        const CtlResult all = m_ctl->run({u"tail"_s});
        const QList<QByteArray> lines = all.out.trimmed().split('\n');
        const QString firstEvent = QJsonDocument::fromJson(lines.value(0)).object()[u"id"_s]
                                       .toString();
        const CtlResult since = m_ctl->run({u"tail"_s, u"--json"_s, u"--since"_s, firstEvent});
        const CtlResult ofTask = m_ctl->run({u"tail"_s, u"--task"_s, second});

        // THEN one JSON object per line, oldest first
        QVERIFY2(all.exitCode == 0, all.describe().constData());
        QCOMPARE(lines.size(), 2);
        for (const QByteArray &line : lines) {
            const QJsonObject event = QJsonDocument::fromJson(line).object();
            QVERIFY(hasFields(event, eventFields));
            QCOMPARE(event[u"kind"_s].toString(), u"created"_s);
        }
        QCOMPARE(QJsonDocument::fromJson(lines[0]).object()[u"task_id"_s].toString(), first);
        QCOMPARE(since.out.trimmed(), lines[1]);
        QCOMPARE(ofTask.out.trimmed(), lines[1]);
    }

    void shouldFollowEventsAppendedByAnotherProcess()
    {
        // GIVEN a follower that has printed the board's history
        const QString earlier = m_ctl->create(u"earlier"_s);
        QProcess follower;
        follower.setProcessEnvironment(m_ctl->environment());
        follower.start(CtlRunner::program(), {u"tail"_s, u"--follow"_s, u"--json"_s});
        QVERIFY(follower.waitForStarted());
        QByteArray seen;
        auto hasSeen = [&](const QString &text) {
            seen += follower.readAllStandardOutput();
            return seen.contains(text.toUtf8());
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasSeen(earlier), 10'000);

        // WHEN another process adds a task
        const QString later = m_ctl->create(u"later"_s);
        QVERIFY(!later.isEmpty());

        // THEN the follower prints its event as one JSON line
        QTRY_VERIFY_WITH_TIMEOUT(hasSeen(later) && seen.endsWith('\n'), 10'000);
        follower.kill();
        follower.waitForFinished();
        const QList<QByteArray> lines = seen.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject event = QJsonDocument::fromJson(lines.last()).object();
        QCOMPARE(event[u"task_id"_s].toString(), later);
        QCOMPARE(event[u"kind"_s].toString(), u"created"_s);
    }

    // ------------------------------------------------------------ board-wide verbs

    void shouldCountTasks()
    {
        Fixture fixture;
        QVERIFY(buildFixture(m_ctl->databasePath(), fixture));

        const CtlResult json = m_ctl->run({u"stats"_s, u"--json"_s});
        const CtlResult text = m_ctl->run({u"stats"_s});

        QVERIFY2(json.exitCode == 0, json.describe().constData());
        const QJsonObject byStatus = json.object()[u"by_status"_s].toObject();
        QCOMPARE(keys(byStatus), sorted({u"triage"_s, u"todo"_s, u"ready"_s, u"running"_s,
                                         u"blocked"_s, u"done"_s}));
        QCOMPARE(byStatus[u"ready"_s].toInt(), 1);
        QCOMPARE(byStatus[u"todo"_s].toInt(), 1);
        QCOMPARE(byStatus[u"running"_s].toInt(), 1);
        QCOMPARE(byStatus[u"blocked"_s].toInt(), 1);
        QCOMPARE(byStatus[u"done"_s].toInt(), 1);
        QCOMPARE(byStatus[u"triage"_s].toInt(), 0);
        const QJsonObject byAssignee = json.object()[u"by_assignee"_s].toObject();
        QCOMPARE(byAssignee[u"coder"_s][u"ready"_s].toInt(), 1);
        QCOMPARE(json.object()[u"total"_s].toInt(), 5);
        QCOMPARE(json.object()[u"archived"_s].toInt(), 1);
        QVERIFY(text.out.contains("ready 1"));
        QVERIFY(text.out.contains("coder"));
    }

    void shouldListAssigneesAndTheirProfiles()
    {
        // GIVEN two assignees, one of them with a profile on disk
        QVERIFY(!m_ctl->create(u"a"_s, {u"--assignee"_s, u"coder"_s}).isEmpty());
        QVERIFY(!m_ctl->create(u"b"_s, {u"--assignee"_s, u"coder"_s, u"--triage"_s}).isEmpty());
        QVERIFY(!m_ctl->create(u"c"_s, {u"--assignee"_s, u"ghost"_s}).isEmpty());
        QVERIFY(!m_ctl->create(u"d"_s).isEmpty());
        QVERIFY(QDir(m_ctl->home()).mkpath(u"profiles"_s));
        QFile profile(QDir(m_ctl->home()).absoluteFilePath(u"profiles/coder.ini"_s));
        QVERIFY(profile.open(QIODevice::WriteOnly));
        profile.close();

        // WHEN
        const CtlResult json = m_ctl->run({u"assignees"_s, u"--json"_s});
        const CtlResult text = m_ctl->run({u"assignees"_s});

        // THEN
        QVERIFY2(json.exitCode == 0, json.describe().constData());
        const QJsonArray assignees = json.array();
        QCOMPARE(assignees.size(), 2);
        QCOMPARE(assignees[0][u"name"_s].toString(), u"coder"_s);
        QCOMPARE(assignees[0][u"profile"_s].toBool(), true);
        QCOMPARE(assignees[0][u"counts"_s][u"ready"_s].toInt(), 1);
        QCOMPARE(assignees[0][u"counts"_s][u"triage"_s].toInt(), 1);
        QCOMPARE(assignees[1][u"name"_s].toString(), u"ghost"_s);
        QCOMPARE(assignees[1][u"profile"_s].toBool(true), false);
        QCOMPARE(text.out.count('\n'), 2);
        QVERIFY(text.out.contains("no profile"));
    }

    void shouldCollectWhatArchivedTasksLeftBehind()
    {
        // GIVEN an archived scratch task with a workspace and logs, an open one, an archived
        // task working in the user's own folder, and a link planted in the workspaces folder
        const QDir home(m_ctl->home());
        const QString archived = m_ctl->create(u"archived"_s);
        const QString open = m_ctl->create(u"open"_s);
        const QString userFolder = QDir(m_ctl->outside()).absoluteFilePath(u"project"_s);
        QVERIFY(QDir().mkpath(userFolder + u"/keep"_s));
        const QString own = m_ctl->create(u"own folder"_s, {u"--workspace=dir"_s,
                                                            u"--workspace-path"_s, userFolder});
        const QString linked = m_ctl->create(u"linked"_s);
        for (const QString &id : {archived, open})
            QCOMPARE(m_ctl->run({u"claim"_s, id}).exitCode, 0);
        QVERIFY(QFile(home.absoluteFilePath(u"workspaces/"_s + archived + u"/out.txt"_s))
                    .open(QIODevice::WriteOnly));
        QVERIFY(home.mkpath(u"logs/"_s + archived));
        QVERIFY(QFile(home.absoluteFilePath(u"logs/%1/1.log"_s.arg(archived)))
                    .open(QIODevice::WriteOnly));
        QVERIFY(QFile::link(userFolder, home.absoluteFilePath(u"workspaces/"_s + linked)));
        QCOMPARE(m_ctl->run({u"complete"_s, archived}).exitCode, 0);
        for (const QString &id : {archived, own, linked})
            QCOMPARE(m_ctl->run({u"archive"_s, id}).exitCode, 0);

        // WHEN
        const CtlResult json = m_ctl->run({u"gc"_s, u"--json"_s});
        const CtlResult again = m_ctl->run({u"gc"_s});

        // THEN only the board's own folders of archived tasks are gone
        QVERIFY2(json.exitCode == 0, json.describe().constData());
        QCOMPARE(keys(json.object()), (QStringList{u"logs"_s, u"workspaces"_s}));
        QCOMPARE(json.object()[u"workspaces"_s].toArray(),
                 QJsonArray{home.absoluteFilePath(u"workspaces/"_s + archived)});
        QCOMPARE(json.object()[u"logs"_s].toArray(),
                 QJsonArray{home.absoluteFilePath(u"logs/"_s + archived)});
        QVERIFY(!home.exists(u"workspaces/"_s + archived));
        QVERIFY(!home.exists(u"logs/"_s + archived));
        QVERIFY(home.exists(u"workspaces/"_s + open));
        QVERIFY(QFileInfo::exists(userFolder + u"/keep"_s));
        QVERIFY(QFileInfo(home.absoluteFilePath(u"workspaces/"_s + linked)).isSymLink());
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out, QByteArray("nothing to remove\n"));
    }

private:
    std::unique_ptr<CtlRunner> m_ctl;
};

QANBAN_TEST_MAIN(QanbanctlTest)
#include "tst_qanbanctl.moc"
