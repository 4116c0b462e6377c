#include "qanbantest.h"
#include "tempboard.h"
#include "walwritebatching.h"

#include <QProcess>
#include <QSet>
#include <QSqlQuery>

#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace {

// A plain SQLite connection through the process's default VFS, as QtSql opens them.
class Connection final
{
public:
    explicit Connection(const QString &path)
    {
        if (sqlite3_open(path.toUtf8().constData(), &m_handle) != SQLITE_OK) {
            sqlite3_close(m_handle);
            m_handle = nullptr;
        }
    }
    ~Connection() { sqlite3_close(m_handle); }
    Q_DISABLE_COPY_MOVE(Connection)

    bool isOpen() const { return m_handle != nullptr; }
    // Runs the statements; the error text, empty on success.
    QString exec(const QString &sql)
    {
        char *message = nullptr;
        if (sqlite3_exec(m_handle, sql.toUtf8().constData(), nullptr, nullptr, &message)
            == SQLITE_OK)
            return {};
        const QString error = QString::fromUtf8(message ? message : sqlite3_errmsg(m_handle));
        sqlite3_free(message);
        return error.isEmpty() ? u"failed"_s : error;
    }
    // The first column of the first row as text; "error: ..." when the query fails.
    QString value(const QString &sql)
    {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(m_handle, sql.toUtf8().constData(), -1, &statement, nullptr)
            != SQLITE_OK)
            return u"error: "_s + QString::fromUtf8(sqlite3_errmsg(m_handle));
        QString result;
        const int step = sqlite3_step(statement);
        if (step == SQLITE_ROW)
            result = QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        else if (step != SQLITE_DONE)
            result = u"error: "_s + QString::fromUtf8(sqlite3_errmsg(m_handle));
        sqlite3_finalize(statement);
        return result;
    }

private:
    sqlite3 *m_handle = nullptr;
};

} // namespace

// WalWriteBatching: the VFS that hands a commit's WAL frames to the file in one write.
// Real files, real connections and a real process killed while it writes.
class WalWriteBatchingTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldBeTheDefaultOnceABoardIsOpen()
    {
        // GIVEN a board opened in this process
        TempBoard board;
        QVERIFY(board.isValid());

        // THEN every SQLite connection the process opens goes through the batching VFS
        QVERIFY(WalWriteBatching::install());
        QVERIFY(WalWriteBatching::isInstalled());
    }

    void shouldHandEachCommitToTheFileInOneWrite()
    {
        // GIVEN a board
        TempBoard board;
        QVERIFY(board.isValid());
        QVERIFY(board.store().create(NewTask{.title = u"first"_s}));
        const WalWriteBatching::Counts before = WalWriteBatching::counts();

        // WHEN 20 tasks are created, each in its own transaction of several pages
        const int commits = 20;
        for (int i = 0; i < commits; ++i)
            QVERIFY(board.store().create(NewTask{.title = u"task %1"_s.arg(i)}));

        // THEN SQLite wrote a header and a page per frame, and the file got one write
        // a commit (one more when the log starts over after a checkpoint)
        const WalWriteBatching::Counts after = WalWriteBatching::counts();
        const qint64 requested = after.requested - before.requested;
        const qint64 issued = after.issued - before.issued;
        QVERIFY2(requested >= 6 * commits, qPrintable(u"requested %1"_s.arg(requested)));
        QVERIFY2(issued >= commits && issued <= commits + 2,
                 qPrintable(u"issued %1 for %2 commits"_s.arg(issued).arg(commits)));
    }

    void shouldShowACommitToAnotherConnectionWithoutASync()
    {
        // GIVEN a writer that never syncs (synchronous=OFF, so only the commit frame can
        // hand the gathered frames on) and a reader on another connection
        WalWriteBatching::install();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"nosync.db"_s);
        Connection writer(path);
        Connection reader(path);
        QVERIFY(writer.isOpen() && reader.isOpen());
        QCOMPARE(writer.exec(u"PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; "
                             "CREATE TABLE t (v BLOB NOT NULL)"_s),
                 QString());

        for (int i = 1; i <= 50; ++i) {
            // WHEN the writer commits a row bigger than a page
            QCOMPARE(writer.exec(u"INSERT INTO t VALUES (randomblob(1500))"_s), QString());

            // THEN the reader sees it at once, whole
            QCOMPARE(reader.value(u"SELECT count(*) FROM t"_s), QString::number(i));
            QCOMPARE(reader.value(u"SELECT sum(length(v)) FROM t"_s), QString::number(i * 1500));
        }
        QCOMPARE(reader.value(u"PRAGMA integrity_check"_s), u"ok"_s);
    }

    void shouldReadBackFramesWrittenBeforeTheCommit()
    {
        // GIVEN a writer with a cache of a few pages, so that a big transaction spills
        // pages into the log, reads them back and writes some of them again
        WalWriteBatching::install();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"spill.db"_s);
        Connection writer(path);
        QVERIFY(writer.isOpen());
        QCOMPARE(writer.exec(u"PRAGMA page_size=1024; PRAGMA journal_mode=WAL; "
                             "PRAGMA synchronous=FULL; PRAGMA cache_size=8; "
                             "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL); "
                             "CREATE INDEX t_v ON t(v)"_s),
                 QString());
        const WalWriteBatching::Counts before = WalWriteBatching::counts();

        // WHEN it writes 3,000 rows and updates them in one transaction (far more than
        // the 64 KiB gathered at most)
        QCOMPARE(writer.exec(u"BEGIN; "
                             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                             "WHERE i < 3000) INSERT INTO t SELECT i, hex(randomblob(60)) FROM n; "
                             "UPDATE t SET v = v || 'x' WHERE k % 3 = 0; COMMIT"_s),
                 QString());

        // THEN went through the batching VFS, and every row is there, on another
        // connection too, in a sound file
        QVERIFY(WalWriteBatching::counts().requested > before.requested);
        QCOMPARE(writer.value(u"SELECT count(*) FROM t"_s), u"3000"_s);
        Connection reader(path);
        QCOMPARE(reader.value(u"SELECT count(*) FROM t WHERE v LIKE '%x'"_s), u"1000"_s);
        QCOMPARE(reader.value(u"SELECT sum(length(v)) FROM t"_s),
                 QString::number(3000 * 120 + 1000));
        QCOMPARE(reader.value(u"PRAGMA integrity_check"_s), u"ok"_s);
    }

    void shouldKeepEveryCommitOfAWriterThatIsKilled()
    {
        // GIVEN a process creating tasks as fast as it can, saying each id once committed
        QTemporaryDir dir;
        const QString path = dir.filePath(u"board.db"_s);
        QProcess writer;
        writer.start(QString::fromUtf8(RACEWORKER_PATH), {u"create"_s, path, u"writer"_s});
        QVERIFY(writer.waitForStarted());
        QStringList committed;
        QByteArray pending;
        while (committed.size() < 300 && writer.state() == QProcess::Running) {
            writer.waitForReadyRead(10000);
            pending += writer.readAllStandardOutput();
            qsizetype end;
            while ((end = pending.indexOf('\n')) >= 0) {
                const QString line = QString::fromUtf8(pending.left(end));
                pending.remove(0, end + 1);
                if (line.startsWith(u"created "_s))
                    committed << line.mid(8);
            }
        }
        QVERIFY2(committed.size() >= 300, writer.readAllStandardError().constData());

        // WHEN it is killed in the middle of its work
        writer.kill();
        QVERIFY(writer.waitForFinished());
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        // THEN the board opens sound, with every task the writer said it committed
        Result<std::unique_ptr<Database>> opened =
            Database::open(path, Database::OpenMode::MustExist);
        QVERIFY2(opened, qPrintable(opened.error().message));
        Result<QList<Task>> tasks = TaskStore(**opened).queries().tasks();
        QVERIFY(tasks);
        QSet<QString> stored;
        for (const Task &task : *tasks)
            stored.insert(task.id);
        for (const QString &id : std::as_const(committed))
            QVERIFY2(stored.contains(id), qPrintable(id));
        QSqlQuery check((*opened)->connection());
        QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
        QCOMPARE(check.value(0).toString(), u"ok"_s);
    }
};

QANBAN_TEST_MAIN(WalWriteBatchingTest)
#include "tst_walwritebatching.moc"
