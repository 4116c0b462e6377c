#include "database.h"
#include "preparedstatement.h"
#include "qanbantest.h"
#include "tempboard.h"

#include <QRegularExpression>

#include <limits>

using namespace Qt::StringLiterals;

// PreparedStatement: the kernel's statements through SQLite's own API, on a real board
// file. Each case checks what SQLite stored or returned, read back through SQL.
class PreparedStatementTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<TempBoard> m_board;

    Database &database() { return m_board->database(); }

    // typeof() and the value of column v of row id, as SQL sees them.
    QString stored(qint64 id)
    {
        PreparedStatement &read =
            database().prepare(u"SELECT typeof(v) || ':' || COALESCE(v, '') FROM scratch "
                               "WHERE id = ?"_s);
        read.addBindValue(id);
        if (!read.exec() || !read.next())
            return u"<no row: %1>"_s.arg(read.errorText());
        const QString value = read.text(0);
        read.finish();
        return value;
    }

private Q_SLOTS:
    void init()
    {
        m_board = std::make_unique<TempBoard>();
        QVERIFY(m_board->isValid());
        QVERIFY(database().execDirect(u"CREATE TABLE scratch (id INTEGER PRIMARY KEY, v)"_s,
                                      "make a scratch table"));
    }

    void cleanup() { m_board.reset(); }

    void shouldBindLikeQtSql_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("null QString is NULL") << QVariant(QString()) << u"null:"_s;
        QTest::newRow("empty QString is ''") << QVariant(u""_s) << u"text:"_s;
        QTest::newRow("non-ASCII text") << QVariant(u"Größe 東京 🚀"_s) << u"text:Größe 東京 🚀"_s;
        QTest::newRow("null QVariant") << QVariant() << u"null:"_s;
        QTest::newRow("int") << QVariant(-7) << u"integer:-7"_s;
        QTest::newRow("largest qint64")
            << QVariant(std::numeric_limits<qint64>::max())
            << u"integer:9223372036854775807"_s;
        QTest::newRow("double") << QVariant(2.5) << u"real:2.5"_s;
    }

    void shouldBindLikeQtSql()
    {
        // GIVEN a value
        QFETCH(QVariant, value);
        QFETCH(QString, expected);

        // WHEN it is inserted through a prepared statement
        PreparedStatement &insert = database().prepare(
            u"INSERT INTO scratch (id, v) VALUES (?, ?)"_s);
        insert.addBindValue(1);
        if (value.typeId() == QMetaType::QString)
            insert.addBindValue(value.toString()); // the QString overload
        else
            insert.addBindValue(value);
        QVERIFY2(insert.exec(), qPrintable(insert.errorText()));

        // THEN SQLite stored it with the type and value QtSql would have given it
        QCOMPARE(insert.numRowsAffected(), 1);
        QCOMPARE(stored(1), expected);
    }

    void shouldBindAbsentNumbersAsNull()
    {
        PreparedStatement &insert = database().prepare(
            u"INSERT INTO scratch (id, v) VALUES (?, ?)"_s);
        insert.addBindValue(1);
        insert.addBindValue(std::optional<int>());
        QVERIFY(insert.exec());
        insert.addBindValue(2);
        insert.addBindValue(std::optional<qint64>(5));
        QVERIFY(insert.exec());
        QCOMPARE(insert.lastInsertId(), 2);
        QCOMPARE(stored(1), u"null:"_s);
        QCOMPARE(stored(2), u"integer:5"_s);
    }

    void shouldKeepManyBoundTextsUntilTheStep()
    {
        // GIVEN more text parameters than the statement keeps inline
        QStringList placeholders;
        QStringList expected;
        for (int i = 0; i < 40; ++i) {
            placeholders << u"?"_s;
            expected << u"text %1 ✓"_s.arg(i);
        }
        PreparedStatement &select =
            database().prepare(u"SELECT %1"_s.arg(placeholders.join(u", "_s)));

        // WHEN each is bound from a temporary string, then run
        for (int i = 0; i < 40; ++i)
            select.addBindValue(QString(u"text %1 ✓"_s.arg(i)));
        QVERIFY2(select.exec(), qPrintable(select.errorText()));

        // THEN every value arrives intact
        QVERIFY(select.next());
        QStringList read;
        for (int i = 0; i < 40; ++i)
            read << select.text(i);
        QCOMPARE(read, expected);
        select.finish();
    }

    void shouldStepThroughRowsAndReadTypes()
    {
        // GIVEN three rows of mixed types
        QVERIFY(database().execDirect(
            u"INSERT INTO scratch (id, v) VALUES (1, 'one'), (2, NULL), (3, 33)"_s, "fill"));

        // WHEN they are read in order
        PreparedStatement &select =
            database().prepare(u"SELECT id, v FROM scratch ORDER BY id"_s);
        QVERIFY(select.exec());
        QVERIFY(select.isActive());

        // THEN each reader gives what the column holds, and NULL reads as absent
        QVERIFY(select.next());
        QCOMPARE(select.integer(0), 1);
        QCOMPARE(select.text(1), u"one"_s);
        QCOMPARE(select.value(1), QVariant(u"one"_s));
        QVERIFY(select.next());
        QVERIFY(select.isNull(1));
        QVERIFY(select.text(1).isNull());
        QCOMPARE(select.optionalInteger(1), std::nullopt);
        QVERIFY(!select.value(1).isValid());
        QVERIFY(select.next());
        QCOMPARE(select.optionalInteger(1), std::optional<qint64>(33));
        QCOMPARE(select.value(1), QVariant(qlonglong(33)));
        QVERIFY(!select.next());
        QVERIFY(!select.isActive());
    }

    void shouldRebindAStatementLeftHalfRead()
    {
        // GIVEN a query whose rows were not all read (and not finished)
        QVERIFY(database().execDirect(
            u"INSERT INTO scratch (id, v) VALUES (1, 'a'), (2, 'b'), (3, 'c')"_s, "fill"));
        PreparedStatement &select =
            database().prepare(u"SELECT v FROM scratch WHERE id >= ? ORDER BY id"_s);
        select.addBindValue(1);
        QVERIFY(select.exec());
        QVERIFY(select.next());

        // WHEN it is bound and run again
        select.addBindValue(3);
        QVERIFY2(select.exec(), qPrintable(select.errorText()));

        // THEN the new run starts from its own first row
        QVERIFY(select.next());
        QCOMPARE(select.text(0), u"c"_s);
        QVERIFY(!select.next());
    }

    void shouldReportAFailureWithSqlitesCodeAndLeaveNothing()
    {
        // GIVEN a row
        QVERIFY(database().execDirect(u"INSERT INTO scratch (id, v) VALUES (1, 'a')"_s, "fill"));

        // WHEN a second row with the same key is inserted
        PreparedStatement &insert = database().prepare(
            u"INSERT INTO scratch (id, v) VALUES (?, ?)"_s);
        insert.addBindValue(1);
        insert.addBindValue(u"b"_s);
        QVERIFY(!insert.exec());

        // THEN the failure carries SQLite's extended code and message
        QCOMPARE(insert.errorCode(), 1555); // SQLITE_CONSTRAINT_PRIMARYKEY
        QVERIFY2(insert.errorText().contains(u"UNIQUE constraint failed"_s),
                 qPrintable(insert.errorText()));
        const Error error = database().errorFrom(insert, "insert a row");
        QCOMPARE(error.code, ErrorCode::Database);
        QVERIFY2(error.message.startsWith(u"database error: cannot insert a row: "_s),
                 qPrintable(error.message));
        QCOMPARE(stored(1), u"text:a"_s);

        // AND the statement still works afterwards
        insert.addBindValue(2);
        insert.addBindValue(u"b"_s);
        QVERIFY2(insert.exec(), qPrintable(insert.errorText()));
        QCOMPARE(stored(2), u"text:b"_s);
    }

    void shouldRefuseAStatementThatDoesNotPrepare()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cannot prepare SELEKT 1"_s));
        PreparedStatement &broken = database().prepare(u"SELEKT 1"_s);
        QVERIFY(!broken.isPrepared());
        QVERIFY2(broken.errorText().contains(u"syntax error"_s), qPrintable(broken.errorText()));
        QVERIFY(!broken.exec());
        QVERIFY(!database().exec(broken, "run a broken statement"));
    }
};

QANBAN_TEST_MAIN(PreparedStatementTest)
#include "tst_preparedstatement.moc"
