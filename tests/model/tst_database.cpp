#include "database.h"
#include "qanbantest.h"
#include "schemamigrator.h"
#include "taskstore.h"
#include "tempboard.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSemaphore>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// A plain QSqlDatabase connection, not the kernel's: builds files by hand and looks at
// them from the outside. Gone (closed and removed) when it leaves scope.
class RawConnection final
{
public:
    explicit RawConnection(const QString &path, int busyTimeoutMs = 0)
        : m_name(u"raw-%1"_s.arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs));
        m_open = db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(RawConnection)

    bool isOpen() const { return m_open; }
    // Runs one statement; returns the error text, empty on success.
    QString exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(sql) ? QString() : query.lastError().text();
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_open = false;
};

QVariant pragma(Database &database, const QString &name)
{
    QSqlQuery query(database.connection());
    if (!query.exec(u"PRAGMA %1"_s.arg(name)) || !query.next())
        return {};
    return query.value(0);
}

QVariant scalar(Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

QStringList tableNames(Database &database)
{
    QSqlQuery query(database.connection());
    QStringList names;
    if (!query.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                    "'sqlite_%' ORDER BY name"_s))
        return {u"<error>"_s};
    while (query.next())
        names << query.value(0).toString();
    return names;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

QStringList folderEntries(const QString &path)
{
    return QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

const QStringList boardTables = {u"comments"_s, u"events"_s,      u"links"_s, u"qanban_meta"_s,
                                 u"runs"_s,     u"task_bodies"_s, u"tasks"_s};

// How each kind of file the kernel must refuse is made. All of them are written by
// hand, with every connection closed before the test looks at the bytes.
enum class Refusable { TextFile, BinaryNoise, ForeignSqlite, NewerBoard, Folder };

bool makeRefusable(Refusable kind, const QString &path)
{
    switch (kind) {
    case Refusable::TextFile: {
        QFile file(path);
        return file.open(QIODevice::WriteOnly)
            && file.write("# my notes\nnot a database at all\n") > 0;
    }
    case Refusable::BinaryNoise: {
        QFile file(path);
        QByteArray noise(8192, '\0');
        for (int i = 0; i < noise.size(); ++i)
            noise[i] = char((i * 131 + 7) % 251);
        return file.open(QIODevice::WriteOnly) && file.write(noise) == noise.size();
    }
    case Refusable::ForeignSqlite: {
        RawConnection raw(path);
        return raw.isOpen()
            && raw.exec(u"CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)"_s).isEmpty()
            && raw.exec(u"INSERT INTO photos (name) VALUES ('cat.jpg'), ('dog.jpg')"_s).isEmpty();
    }
    case Refusable::NewerBoard: {
        {
            Result<std::unique_ptr<Database>> made = Database::open(path);
            if (!made)
                return false;
        }
        RawConnection raw(path);
        return raw
            .exec(u"UPDATE qanban_meta SET value = '%1' WHERE key = 'schema_version'"_s.arg(
                Database::currentSchemaVersion() + 1))
            .isEmpty();
    }
    case Refusable::Folder:
        return QDir().mkpath(path);
    }
    return false;
}

// Runs the statements in a helper process that then dies without closing its
// connection: what it committed is left in the -wal file, as after a crash.
QString crashAfter(const QString &path, const QStringList &statements)
{
    QProcess process;
    process.start(QString::fromUtf8(RACEWORKER_PATH),
                  QStringList{u"crash"_s, path, u"crasher"_s} + statements);
    if (!process.waitForFinished(60000))
        return u"the helper did not finish"_s;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QString::fromUtf8(process.readAllStandardError());
    return {};
}

} // namespace

Q_DECLARE_METATYPE(Refusable)
Q_DECLARE_METATYPE(ErrorCode)

// Database: opening, validating, migrating and the write transaction.
class DatabaseTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldConfigureEveryConnection()
    {
        // GIVEN a new board
        TempBoard board;
        QVERIFY(board.isValid());

        // WHEN its connection is asked for its settings
        Database &database = board.database();

        // THEN WAL, synchronous=FULL, foreign keys and a busy timeout are in force, and
        // the new board has the small pages of a new board
        QCOMPARE(pragma(database, u"journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(pragma(database, u"synchronous"_s).toInt(), 2);
        QCOMPARE(pragma(database, u"foreign_keys"_s).toInt(), 1);
        QVERIFY(pragma(database, u"busy_timeout"_s).toInt() > 0);
        QCOMPARE(pragma(database, u"page_size"_s).toInt(), Database::newBoardPageSize);
    }

    void shouldConfigureAReopenedBoardToo()
    {
        // GIVEN a board that was closed
        TempBoard board;
        board.close();

        // WHEN it is opened again (pragmas like foreign_keys are per connection)
        board.reopen();
        QVERIFY(board.isValid());

        // THEN the new connection has the same settings
        QCOMPARE(pragma(board.database(), u"journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(pragma(board.database(), u"synchronous"_s).toInt(), 2);
        QCOMPARE(pragma(board.database(), u"foreign_keys"_s).toInt(), 1);
        QVERIFY(pragma(board.database(), u"busy_timeout"_s).toInt() > 0);
    }

    void shouldEnforceForeignKeys()
    {
        // GIVEN a board
        TempBoard board;

        // WHEN a link to tasks that do not exist is inserted behind the kernel's back
        QSqlQuery query(board.database().connection());
        const bool inserted =
            query.exec(u"INSERT INTO links (parent_id, child_id) VALUES ('t_nope', 't_nada')"_s);

        // THEN SQLite refuses it
        QVERIFY(!inserted);
        QVERIFY2(query.lastError().databaseText().contains(u"FOREIGN KEY"_s),
                 qPrintable(query.lastError().text()));
    }

    void shouldCreateAMissingBoard_data()
    {
        QTest::addColumn<QString>("relativePath");
        QTest::newRow("file in an existing folder") << u"board.db"_s;
        QTest::newRow("file in folders that do not exist") << u"a/b/c/board.db"_s;
    }

    void shouldCreateAMissingBoard()
    {
        // GIVEN a path where nothing exists
        QFETCH(QString, relativePath);
        QTemporaryDir dir;
        const QString path = dir.filePath(relativePath);
        QVERIFY(!QFile::exists(path));

        // WHEN it is opened with the default mode
        Result<std::unique_ptr<Database>> opened = Database::open(path);

        // THEN the board is created there, at the newest schema
        QVERIFY2(opened, qPrintable(opened.error().message));
        QVERIFY(QFile::exists(path));
        Database &database = **opened;
        QCOMPARE(database.path(), QFileInfo(path).absoluteFilePath());
        QCOMPARE(database.schemaVersion(), Database::currentSchemaVersion());
        QCOMPARE(scalar(database, u"SELECT value FROM qanban_meta WHERE key = 'schema_version'"_s)
                     .toInt(),
                 Database::currentSchemaVersion());
        QCOMPARE(tableNames(database), boardTables);
    }

    void shouldRefuseAMissingBoardThatMustExist()
    {
        // GIVEN a path where nothing exists, in a folder that does not exist either
        QTemporaryDir dir;
        const QString path = dir.filePath(u"missing/board.db"_s);

        // WHEN it is opened with MustExist
        Result<std::unique_ptr<Database>> opened =
            Database::open(path, Database::OpenMode::MustExist);

        // THEN it is refused and nothing is made
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::NotFound);
        QVERIFY2(opened.error().message.contains(path), qPrintable(opened.error().message));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(dir.filePath(u"missing"_s)));
    }

    void shouldRefuseAnEmptyFileThatMustExist()
    {
        // GIVEN an empty file where a board should be
        QTemporaryDir dir;
        const QString path = dir.filePath(u"board.db"_s);
        QFile empty(path);
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();

        // WHEN it is opened with MustExist
        Result<std::unique_ptr<Database>> opened =
            Database::open(path, Database::OpenMode::MustExist);

        // THEN it is refused, saying why, and left empty
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::NotFound);
        QVERIFY2(opened.error().message.contains(u"empty"_s), qPrintable(opened.error().message));
        QCOMPARE(QFileInfo(path).size(), 0);

        // AND a caller that may create a board makes one in it
        Result<std::unique_ptr<Database>> created = Database::open(path);
        QVERIFY2(created, qPrintable(created.error().message));
        QCOMPARE((*created)->schemaVersion(), Database::currentSchemaVersion());
    }

    void shouldOpenAnExistingBoardThatMustExist()
    {
        // GIVEN a board with a task, closed
        TempBoard board;
        Result<Task> task = board.store().create(NewTask{.title = u"keep me"_s});
        QVERIFY(task);
        board.close();

        // WHEN it is opened with MustExist
        Result<std::unique_ptr<Database>> opened =
            Database::open(board.databasePath(), Database::OpenMode::MustExist);

        // THEN it opens with its data and its version untouched
        QVERIFY2(opened, qPrintable(opened.error().message));
        QCOMPARE((*opened)->schemaVersion(), Database::currentSchemaVersion());
        QCOMPARE(scalar(**opened, u"SELECT title FROM tasks"_s).toString(), u"keep me"_s);
    }

    void shouldRefuseAPathlessOpen()
    {
        // GIVEN no path WHEN opened THEN refused as invalid
        Result<std::unique_ptr<Database>> opened = Database::open(QString());
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::Invalid);
    }

    void shouldRefuseWithoutTouching_data()
    {
        QTest::addColumn<Refusable>("kind");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("text file")
            << Refusable::TextFile << ErrorCode::Database << u"not a Qanban database"_s;
        QTest::newRow("binary noise")
            << Refusable::BinaryNoise << ErrorCode::Database << u"not a Qanban database"_s;
        QTest::newRow("someone else's SQLite database")
            << Refusable::ForeignSqlite << ErrorCode::Database << u"not a Qanban board"_s;
        QTest::newRow("board from a newer Qanban")
            << Refusable::NewerBoard << ErrorCode::Database << u"newer Qanban"_s;
        QTest::newRow("folder") << Refusable::Folder << ErrorCode::Database << u"folder"_s;
    }

    void shouldRefuseWithoutTouching()
    {
        // GIVEN a file the kernel must not take, with its bytes and its folder noted
        QFETCH(Refusable, kind);
        QFETCH(ErrorCode, code);
        QFETCH(QString, messagePart);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"board.db"_s);
        QVERIFY(makeRefusable(kind, path));
        const QByteArray before = fileBytes(path);
        const QStringList entriesBefore = folderEntries(dir.path());

        // WHEN it is opened, in either mode
        for (Database::OpenMode mode :
             {Database::OpenMode::CreateIfMissing, Database::OpenMode::MustExist}) {
            Result<std::unique_ptr<Database>> opened = Database::open(path, mode);

            // THEN it is refused with a clear error
            QVERIFY(!opened);
            QCOMPARE(opened.error().code, code);
            QVERIFY2(opened.error().message.contains(messagePart),
                     qPrintable(opened.error().message));
        }

        // AND the file is byte for byte what it was, with no journal left beside it
        QCOMPARE(fileBytes(path), before);
        QCOMPARE(folderEntries(dir.path()), entriesBefore);
    }

    void shouldRefuseAWalLeftByACrashWithoutTouching_data()
    {
        QTest::addColumn<bool>("ourBoard");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("newer board") << true << u"newer Qanban"_s;
        QTest::newRow("someone else's database") << false << u"not a Qanban board"_s;
    }

    void shouldRefuseAWalLeftByACrashWithoutTouching()
    {
        // GIVEN a file the kernel must refuse, whose last writer died with its commits
        // still in the -wal file (the last connection to close would checkpoint them)
        QFETCH(bool, ourBoard);
        QFETCH(QString, messagePart);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"board.db"_s);
        QStringList statements;
        if (ourBoard) {
            QVERIFY(Database::open(path));
            statements << u"UPDATE qanban_meta SET value = '%1' WHERE key = 'schema_version'"_s.arg(
                Database::currentSchemaVersion() + 1);
        } else {
            statements << u"PRAGMA journal_mode=WAL"_s
                       << u"CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)"_s;
        }
        statements << u"CREATE TABLE notes (body TEXT)"_s << u"INSERT INTO notes VALUES ('x')"_s;
        QCOMPARE(crashAfter(path, statements), QString());
        const QByteArray database = fileBytes(path);
        const QByteArray wal = fileBytes(path + u"-wal"_s);
        QVERIFY(wal.size() > 32);

        // WHEN it is opened
        Result<std::unique_ptr<Database>> opened = Database::open(path);

        // THEN it is refused, and neither the file nor its -wal was written
        QVERIFY(!opened);
        QVERIFY2(opened.error().message.contains(messagePart), qPrintable(opened.error().message));
        QCOMPARE(fileBytes(path), database);
        QCOMPARE(fileBytes(path + u"-wal"_s), wal);
    }

    void shouldOpenOurBoardWhoseWriterCrashed()
    {
        // GIVEN a current board whose last writer died with a commit still in the -wal
        QTemporaryDir dir;
        const QString path = dir.filePath(u"board.db"_s);
        QVERIFY(Database::open(path));
        QCOMPARE(crashAfter(path, {u"INSERT INTO qanban_meta VALUES ('last_words', 'ouch')"_s}),
                 QString());
        QVERIFY(QFileInfo(path + u"-wal"_s).size() > 32);

        // WHEN it is opened
        Result<std::unique_ptr<Database>> opened =
            Database::open(path, Database::OpenMode::MustExist);

        // THEN it opens read-write with the dead writer's commit in it
        QVERIFY2(opened, qPrintable(opened.error().message));
        QCOMPARE(scalar(**opened, u"SELECT value FROM qanban_meta WHERE key = 'last_words'"_s)
                     .toString(),
                 u"ouch"_s);
        TaskStore store(**opened);
        QVERIFY(store.create(NewTask{.title = u"carry on"_s}));
        QCOMPARE(scalar(**opened, u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    }

    void shouldKeepAForeignDatabaseReadable()
    {
        // GIVEN someone else's SQLite database that was refused
        QTemporaryDir dir;
        const QString path = dir.filePath(u"photos.db"_s);
        QVERIFY(makeRefusable(Refusable::ForeignSqlite, path));
        QVERIFY(!Database::open(path));

        // WHEN its owner reads it
        RawConnection raw(path);

        // THEN it is still theirs: same tables, same rows, old journal mode
        QCOMPARE(raw.value(u"SELECT COUNT(*) FROM photos"_s).toInt(), 2);
        QCOMPARE(
            raw.value(u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'qanban_meta'"_s).toInt(),
            0);
        QCOMPARE(raw.value(u"PRAGMA journal_mode"_s).toString(), u"delete"_s);
    }

    void shouldMigrateAnOlderBoard_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::newRow("schema version 0") << QStringList{
            u"CREATE TABLE qanban_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
            u"INSERT INTO qanban_meta (key, value) VALUES ('schema_version', '0')"_s};
        QTest::newRow("meta table without a version row") << QStringList{
            u"CREATE TABLE qanban_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s};
        QTest::newRow("version 0 with other settings kept") << QStringList{
            u"CREATE TABLE qanban_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
            u"INSERT INTO qanban_meta (key, value) VALUES ('schema_version', '0'), "
            "('board_name', 'fleet')"_s};
    }

    void shouldMigrateAnOlderBoard()
    {
        // GIVEN a board file from before the current schema, made by hand
        QFETCH(QStringList, statements);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"old.db"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        {
            RawConnection raw(path);
            QVERIFY(raw.isOpen());
            for (const QString &statement : std::as_const(statements))
                QCOMPARE(raw.exec(statement), QString());
        }
        const bool hadBoardName = statements.join(u' ').contains(u"board_name"_s);

        // WHEN it is opened
        Result<std::unique_ptr<Database>> opened =
            Database::open(path, Database::OpenMode::MustExist);

        // THEN it is migrated to the current version, keeping what it had
        QVERIFY2(opened, qPrintable(opened.error().message));
        Database &database = **opened;
        QCOMPARE(database.schemaVersion(), Database::currentSchemaVersion());
        QCOMPARE(scalar(database, u"SELECT value FROM qanban_meta WHERE key = 'schema_version'"_s)
                     .toInt(),
                 Database::currentSchemaVersion());
        QCOMPARE(tableNames(database), boardTables);
        if (hadBoardName) {
            QCOMPARE(scalar(database, u"SELECT value FROM qanban_meta WHERE key = 'board_name'"_s)
                         .toString(),
                     u"fleet"_s);
        }

        // AND it works as a board
        TaskStore store(database);
        Result<Task> task = store.create(NewTask{.title = u"after the migration"_s});
        QVERIFY2(task, qPrintable(task.error().message));
    }

    void shouldMigrateAVersion1BoardKeepingEveryRowAndId()
    {
        // GIVEN a version 1 board, built with version 1's own statements, holding a task
        // with a parent, a run, comments and events whose ids have gaps
        QTemporaryDir dir;
        const QString path = dir.filePath(u"v1.db"_s);
        {
            RawConnection raw(path);
            QVERIFY(raw.isOpen());
            QCOMPARE(raw.exec(u"CREATE TABLE qanban_meta (key TEXT PRIMARY KEY, "
                              "value TEXT NOT NULL)"_s),
                     QString());
            for (const QString &statement : SchemaMigrator::statementsOf(1, SqlDialect()))
                QCOMPARE(raw.exec(statement), QString());
            const QStringList rows = {
                u"INSERT INTO qanban_meta VALUES ('schema_version', '1')"_s,
                u"INSERT INTO tasks (id, title, status, sort_rank, created_at, updated_at) "
                "VALUES ('t_parent', 'parent', 'done', 10, 1, 1), "
                "('t_child', 'child', 'running', 20, 2, 2)"_s,
                u"UPDATE tasks SET current_run_id = 7, claim_lock = 'w1', claim_expires = 99 "
                "WHERE id = 't_child'"_s,
                u"UPDATE tasks SET body = printf('%.600c', 'x') WHERE id = 't_parent'"_s,
                u"INSERT INTO links VALUES ('t_parent', 't_child')"_s,
                u"INSERT INTO runs (id, task_id, claimer, started_at) "
                "VALUES (3, 't_parent', 'w0', 1)"_s,
                u"UPDATE runs SET outcome = 'completed', ended_at = 2 WHERE id = 3"_s,
                u"INSERT INTO runs (id, task_id, claimer, started_at) "
                "VALUES (7, 't_child', 'w1', 3)"_s,
                u"INSERT INTO comments (id, task_id, author, body, created_at) "
                "VALUES (4, 't_child', 'ops', 'first', 3), (9, 't_child', 'ops', 'second', 4)"_s,
                u"INSERT INTO events (id, task_id, kind, payload, created_at) "
                "VALUES (1, 't_parent', 'created', '{}', 1), (5, 't_child', 'created', '{}', 2), "
                "(41, 't_child', 'claimed', '{\"run\":\"7\"}', 3)"_s,
            };
            for (const QString &statement : rows)
                QCOMPARE(raw.exec(statement), QString());
        }

        // WHEN the current build opens it
        Result<std::unique_ptr<Database>> opened =
            Database::open(path, Database::OpenMode::MustExist);

        // THEN every row is there with its id, and the running task's open run is found
        QVERIFY2(opened, qPrintable(opened.error().message));
        Database &database = **opened;
        QCOMPARE(database.schemaVersion(), Database::currentSchemaVersion());
        QCOMPARE(tableNames(database), boardTables);
        QCOMPARE(scalar(database, u"SELECT group_concat(id) FROM (SELECT id FROM runs "
                                  "ORDER BY id)"_s).toString(),
                 u"3,7"_s);
        QCOMPARE(scalar(database, u"SELECT group_concat(id || body) FROM (SELECT id, body "
                                  "FROM comments ORDER BY id)"_s).toString(),
                 u"4first,9second"_s);
        QCOMPARE(scalar(database, u"SELECT group_concat(id || kind) FROM (SELECT id, kind "
                                  "FROM events ORDER BY id)"_s).toString(),
                 u"1created,5created,41claimed"_s);
        TaskStore store(database);
        Result<QList<Run>> open = store.queries().openRuns();
        QVERIFY2(open, qPrintable(open.error().message));
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->constFirst().id, 7);
        Result<Task> child = store.queries().task(u"t_child"_s);
        QVERIFY2(child, qPrintable(child.error().message));
        QCOMPARE(child->parents, QStringList{u"t_parent"_s});

        // AND version 4 moved the long body out of its row, and it reads back whole
        Result<Task> parent = store.queries().task(u"t_parent"_s);
        QVERIFY2(parent, qPrintable(parent.error().message));
        QCOMPARE(parent->body, QString(600, u'x'));
        QCOMPARE(scalar(database, u"SELECT body_apart || '/' || body FROM tasks "
                                  "WHERE id = 't_parent'"_s).toString(),
                 u"1/"_s);
        QCOMPARE(scalar(database, u"SELECT length(body) FROM task_bodies "
                                  "WHERE task_id = 't_parent'"_s).toInt(),
                 600);
        QCOMPARE(child->body, QString());

        // AND the board keeps the page size it was made with
        QCOMPARE(scalar(database, u"PRAGMA page_size"_s).toInt(), 4096);

        // AND version 2's indexes replaced version 1's, with no AUTOINCREMENT left
        QCOMPARE(scalar(database, u"SELECT group_concat(name) FROM (SELECT name FROM "
                                  "sqlite_master WHERE type = 'index' AND name LIKE 'idx_%' "
                                  "ORDER BY name)"_s).toString(),
                 u"idx_comments_task,idx_links_child,idx_tasks_idempotency,idx_tasks_unfinished"_s);
        QCOMPARE(scalar(database, u"SELECT COUNT(*) FROM sqlite_master "
                                  "WHERE sql LIKE '%AUTOINCREMENT%'"_s).toInt(),
                 0);

        // AND new rows number on from the largest old id: the change feed's order holds
        QVERIFY(store.comment(u"t_child"_s, u"ops"_s, u"third"_s));
        QCOMPARE(scalar(database, u"SELECT MAX(id) FROM events"_s).toLongLong(), 42);
        QCOMPARE(scalar(database, u"SELECT MAX(id) FROM comments"_s).toLongLong(), 10);

        // AND version 3 gave the board an id prefix: a new task is numbered after it
        const QString prefix =
            scalar(database, u"SELECT value FROM qanban_meta WHERE key = 'task_id_prefix'"_s)
                .toString();
        QCOMPARE(prefix.size(), 4);
        Result<Task> added = store.create(NewTask{.title = u"after the migration"_s});
        QVERIFY2(added, qPrintable(added.error().message));
        QCOMPARE(added->id, u"t_"_s + prefix + u"000002b"_s);

        // AND each task's history is its own events, old and new, in order
        const auto eventIds = [&store](const QString &taskId) {
            QList<qint64> ids;
            const Result<QList<Event>> events = store.queries().events(taskId);
            for (const Event &event : events ? *events : QList<Event>())
                ids << event.id;
            return ids;
        };
        QCOMPARE(eventIds(u"t_child"_s), (QList<qint64>{5, 41, 42}));
        QCOMPARE(eventIds(u"t_parent"_s), QList<qint64>{1});
        Result<QList<Run>> childRuns = store.queries().runs(u"t_child"_s);
        QVERIFY2(childRuns, qPrintable(childRuns.error().message));
        QCOMPARE(childRuns->size(), 1);
        QCOMPARE(childRuns->constFirst().id, 7);
        Result<QList<Run>> parentRuns = store.queries().runs(u"t_parent"_s);
        QVERIFY2(parentRuns, qPrintable(parentRuns.error().message));
        QCOMPARE(parentRuns->size(), 1);
        QCOMPARE(parentRuns->constFirst().id, 3);
    }

    void shouldLeaveTheOldVersionWhenAMigrationFails()
    {
        // GIVEN a version 0 board that already has a table the migration wants to create
        QTemporaryDir dir;
        const QString path = dir.filePath(u"half.db"_s);
        {
            RawConnection raw(path);
            QCOMPARE(
                raw.exec(u"CREATE TABLE qanban_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s),
                QString());
            QCOMPARE(raw.exec(u"INSERT INTO qanban_meta VALUES ('schema_version', '0')"_s),
                     QString());
            QCOMPARE(raw.exec(u"CREATE TABLE runs (whatever TEXT)"_s), QString());
        }

        // WHEN it is opened
        Result<std::unique_ptr<Database>> opened = Database::open(path);

        // THEN the open fails, and the migration's work is rolled back as a whole
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, ErrorCode::Database);
        RawConnection raw(path);
        QCOMPARE(
            raw.value(u"SELECT value FROM qanban_meta WHERE key = 'schema_version'"_s).toString(),
            u"0"_s);
        QCOMPARE(raw.value(u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'tasks'"_s).toInt(),
                 0);
    }

    void shouldNotMigrateACurrentBoardAgain()
    {
        // GIVEN a current board with a task
        TempBoard board;
        QVERIFY(board.store().create(NewTask{.title = u"one"_s}));
        const QString before = board.dump();

        // WHEN it is closed and opened again
        board.close();
        board.reopen();

        // THEN nothing changed
        QVERIFY(board.isValid());
        QCOMPARE(board.database().schemaVersion(), Database::currentSchemaVersion());
        QCOMPARE(board.dump(), before);
    }

    void shouldTakeTheWriteLockBeforeTheBodyRuns()
    {
        // GIVEN a board and a second connection that will not wait for locks
        TempBoard board;
        RawConnection other(board.databasePath(), 0);
        QVERIFY(other.isOpen());
        QCOMPARE(other.exec(u"SELECT COUNT(*) FROM tasks"_s), QString());

        // WHEN a write transaction starts but has not written anything yet
        QString otherBeginError;
        Result<void> written = board.database().write([&]() -> Result<void> {
            otherBeginError = other.exec(u"BEGIN IMMEDIATE"_s);
            if (otherBeginError.isEmpty())
                other.exec(u"ROLLBACK"_s);
            return {};
        });

        // THEN it already holds the write lock: the other writer cannot begin
        QVERIFY(written);
        QVERIFY2(otherBeginError.contains(u"locked"_s), qPrintable(otherBeginError));

        // AND once it has committed the other writer can
        QCOMPARE(other.exec(u"BEGIN IMMEDIATE"_s), QString());
        QCOMPARE(other.exec(u"ROLLBACK"_s), QString());
    }

    void shouldWaitForAWriterThatHoldsTheLockBriefly()
    {
        // GIVEN another connection, in a thread of its own, holding the write lock for
        // a moment
        TempBoard board;
        const QString path = board.databasePath();
        QSemaphore locked;
        QString holderError;
        std::unique_ptr<QThread> holder(QThread::create([&] {
            RawConnection other(path, 0);
            holderError = other.exec(u"BEGIN IMMEDIATE"_s);
            locked.release();
            QThread::msleep(150);
            if (holderError.isEmpty())
                holderError = other.exec(u"ROLLBACK"_s);
        }));
        holder->start();
        locked.acquire();

        // WHEN the board writes meanwhile
        int attempts = 0;
        Result<void> written = board.database().write([&]() -> Result<void> {
            ++attempts;
            return board.database().execDirect(
                u"INSERT INTO qanban_meta (key, value) VALUES ('waited', 'yes')"_s, "insert");
        });
        holder->wait();

        // THEN its BEGIN waited for the lock: the body ran once, after the other let go
        QCOMPARE(holderError, QString());
        QVERIFY2(written, qPrintable(written.error().message));
        QCOMPARE(attempts, 1);
        QCOMPARE(scalar(board.database(),
                        u"SELECT value FROM qanban_meta WHERE key = 'waited'"_s).toString(),
                 u"yes"_s);
    }

    void shouldRetryTheWholeBodyWhenBusy()
    {
        // GIVEN a body that writes and then meets a busy database on its first attempt
        TempBoard board;
        Database &database = board.database();
        int attempts = 0;

        // WHEN it runs as a write
        Result<int> written = database.write([&]() -> Result<int> {
            ++attempts;
            if (Result<void> done = database.execDirect(
                    u"INSERT INTO qanban_meta (key, value) VALUES ('attempt-%1', 'x')"_s.arg(
                        attempts),
                    "insert");
                !done)
                return done.error();
            if (attempts == 1)
                return makeError(ErrorCode::Busy, u"database is locked"_s);
            return attempts;
        });

        // THEN it ran again and succeeded, and only the successful attempt's work is kept
        QVERIFY2(written, qPrintable(written.error().message));
        QCOMPARE(*written, 2);
        QCOMPARE(scalar(database, u"SELECT COUNT(*) FROM qanban_meta WHERE key LIKE 'attempt-%'"_s)
                     .toInt(),
                 1);
        QCOMPARE(scalar(database, u"SELECT key FROM qanban_meta WHERE key LIKE 'attempt-%'"_s)
                     .toString(),
                 u"attempt-2"_s);
    }

    void shouldGiveUpWhenBusyNeverEnds()
    {
        // GIVEN a body that always finds the database busy
        TempBoard board;
        int attempts = 0;

        // WHEN it runs as a write
        Result<void> written = board.database().write([&]() -> Result<void> {
            ++attempts;
            return makeError(ErrorCode::Busy, u"database is locked"_s);
        });

        // THEN it is retried a bounded number of times and the busy error comes back
        QVERIFY(!written);
        QCOMPARE(written.error().code, ErrorCode::Busy);
        QVERIFY(attempts > 1);
    }

    void shouldRollBackAndReturnARefusedBody()
    {
        // GIVEN a body that writes and then refuses
        TempBoard board;
        Database &database = board.database();
        const QString before = board.dump();
        int attempts = 0;

        // WHEN it runs as a write
        Result<void> written = database.write([&]() -> Result<void> {
            ++attempts;
            if (Result<void> done = database.execDirect(
                    u"INSERT INTO qanban_meta (key, value) VALUES ('half', 'done')"_s, "insert");
                !done)
                return done;
            return makeError(ErrorCode::Refused, u"changed my mind"_s);
        });

        // THEN the refusal comes back as it was, once, and nothing is kept
        QVERIFY(!written);
        QCOMPARE(written.error().code, ErrorCode::Refused);
        QCOMPARE(written.error().message, u"changed my mind"_s);
        QCOMPARE(attempts, 1);
        QCOMPARE(board.dump(), before);
    }

    void shouldReportARealBusyErrorAsBusy()
    {
        // GIVEN another connection holding the write lock
        TempBoard board;
        RawConnection other(board.databasePath(), 0);
        QCOMPARE(other.exec(u"BEGIN IMMEDIATE"_s), QString());

        // WHEN the board's connection tries to write without waiting (a raw statement)
        QSqlQuery insert(board.database().connection());
        QVERIFY(insert.exec(u"PRAGMA busy_timeout = 0"_s));
        const bool ran = insert.exec(u"INSERT INTO qanban_meta (key, value) VALUES ('k', 'v')"_s);
        const Error error = board.database().errorFrom(insert.lastError(), "insert");
        QVERIFY(insert.exec(u"PRAGMA busy_timeout = 5000"_s));
        QCOMPARE(other.exec(u"ROLLBACK"_s), QString());

        // THEN the kernel classifies SQLite's answer as Busy, which write() retries
        QVERIFY(!ran);
        QCOMPARE(error.code, ErrorCode::Busy);
    }

    void shouldGiveEachThreadItsOwnConnection()
    {
        // GIVEN one board file and two threads that each open it and add tasks at once
        TempBoard board;
        const QString path = board.databasePath();
        constexpr int perThread = 20;
        QSemaphore opened;
        QSemaphore go;
        struct Outcome {
            QString connectionName;
            QString error;
            int seen = 0;
        };
        Outcome outcomes[2];
        auto work = [&](Outcome &outcome, const QString &prefix) {
            Result<std::unique_ptr<Database>> database = Database::open(path);
            if (!database) {
                outcome.error = database.error().message;
                opened.release();
                return;
            }
            outcome.connectionName = (*database)->connectionName();
            opened.release();
            go.acquire();
            TaskStore store(**database);
            for (int i = 0; i < perThread && outcome.error.isEmpty(); ++i) {
                Result<Task> task = store.create(NewTask{.title = u"%1 %2"_s.arg(prefix).arg(i)});
                if (!task)
                    outcome.error = task.error().message;
            }
            outcome.seen = scalar(**database, u"SELECT COUNT(*) FROM tasks"_s).toInt();
        };
        std::unique_ptr<QThread> first(QThread::create(work, std::ref(outcomes[0]), u"first"_s));
        std::unique_ptr<QThread> second(QThread::create(work, std::ref(outcomes[1]), u"second"_s));

        // WHEN both run
        first->start();
        second->start();
        opened.acquire(2);
        go.release(2);
        QVERIFY(first->wait(60000));
        QVERIFY(second->wait(60000));

        // THEN each had its own named connection, neither failed, and every task is there
        for (const Outcome &outcome : outcomes) {
            QCOMPARE(outcome.error, QString());
            QVERIFY(!outcome.connectionName.isEmpty());
        }
        QVERIFY(outcomes[0].connectionName != outcomes[1].connectionName);
        QVERIFY(outcomes[0].connectionName != board.database().connectionName());
        QCOMPARE(qMax(outcomes[0].seen, outcomes[1].seen), 2 * perThread);
        QCOMPARE(scalar(board.database(), u"SELECT COUNT(*) FROM tasks"_s).toInt(), 2 * perThread);
        QCOMPARE(scalar(board.database(), u"SELECT COUNT(*) FROM events WHERE kind = 'created'"_s)
                     .toInt(),
                 2 * perThread);
    }

    void shouldRemoveTheConnectionWhenClosed()
    {
        // GIVEN an open board
        QTemporaryDir dir;
        QString name;
        {
            Result<std::unique_ptr<Database>> opened = Database::open(dir.filePath(u"b.db"_s));
            QVERIFY(opened);
            name = (*opened)->connectionName();
            QVERIFY(QSqlDatabase::contains(name));
        }
        // WHEN it is destroyed THEN its named connection is gone too
        QVERIFY(!QSqlDatabase::contains(name));
    }

    void shouldPassEverythingThroughTheSnapshotWithSqliteClosed()
    {
        // GIVEN a board with a task
        TempBoard board;
        QVERIFY(board.store().create(NewTask{.title = u"snap"_s}));
        const QString before = board.dump();

        // WHEN a snapshot of the bytes is taken twice
        const QByteArray first = board.snapshot();
        const QByteArray second = board.snapshot();

        // THEN the board is usable afterwards, unchanged, and the bytes are stable
        QVERIFY(board.isValid());
        QVERIFY(!first.isEmpty());
        QCOMPARE(second, first);
        QCOMPARE(board.dump(), before);
        QCOMPARE(scalar(board.database(), u"PRAGMA integrity_check"_s).toString(), u"ok"_s);
    }

    void shouldDumpEveryBoardTable()
    {
        // GIVEN a board WHEN dumped THEN every table of the schema is in the dump
        TempBoard board;
        const QString dump = board.dump();
        for (const QString &table : boardTables)
            QVERIFY2(dump.contains(u"== %1 ("_s.arg(table)), qPrintable(table));
    }
};

QANBAN_TEST_MAIN(DatabaseTest)
#include "tst_database.moc"
