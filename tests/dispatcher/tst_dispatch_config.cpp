#include "dispatcherconfig.h"
#include "qanbantest.h"

#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

// qanban.conf's [dispatcher] section: valid values apply, invalid ones are ignored with a
// warning, and the command line's check refuses them.
class TestDispatchConfig final : public QObject
{
    Q_OBJECT

private:
    QString write(const QByteArray &text)
    {
        const QString path = m_dir.filePath(u"qanban.conf"_s);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(text);
        return path;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void shouldUseDefaultsWithoutFile()
    {
        const DispatcherConfig config = DispatcherConfig::load(m_dir.filePath(u"none.conf"_s));
        QCOMPARE(config.maxInProgress, 0);
        QCOMPARE(config.maxInProgressPerProfile, 0);
        QVERIFY(config.defaultAssignee.isEmpty());
        QVERIFY(!config.failureLimit);
        QCOMPARE(config.claimTtl, 900);
    }

    void shouldReadValidValues()
    {
        const QString path = write("[dispatcher]\ninterval=0.5\nmax_in_progress=4\n"
                                   "max_in_progress_per_profile=2\ndefault_assignee=coder\n"
                                   "failure_limit=3\nclaim_ttl=60\nretry_backoff=0\n"
                                   "kill_grace=1.5\nstuck_ticks=2\n");
        QStringList warnings;
        const DispatcherConfig config = DispatcherConfig::load(path, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
        QCOMPARE(config.interval, 0.5);
        QCOMPARE(config.maxInProgress, 4);
        QCOMPARE(config.maxInProgressPerProfile, 2);
        QCOMPARE(config.defaultAssignee, u"coder"_s);
        QCOMPARE(config.failureLimit, std::optional<int>(3));
        QCOMPARE(config.claimTtl, 60);
        QCOMPARE(config.retryBackoff, 0);
        QCOMPARE(config.killGrace, 1.5);
        QCOMPARE(config.stuckTicks, 2);
    }

    void shouldIgnoreInvalidValuesWithWarning()
    {
        // GIVEN a file with one good value and several bad ones
        const QString path = write("[dispatcher]\nmax_in_progress=-1\n"
                                   "max_in_progress_per_profile=two\nfailure_limit=0\n"
                                   "interval=0\nclaim_ttl=7\nbogus=1\n");
        QStringList warnings;
        // WHEN loading
        const DispatcherConfig config = DispatcherConfig::load(path, &warnings);
        // THEN the bad ones keep their defaults, each with a warning, and the good one applies
        QCOMPARE(warnings.size(), 5);
        QCOMPARE(config.maxInProgress, 0);
        QCOMPARE(config.maxInProgressPerProfile, 0);
        QVERIFY(!config.failureLimit);
        QCOMPARE(config.interval, 5.0);
        QCOMPARE(config.claimTtl, 7);
    }

    void shouldCheckCommandLineValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("zero cap") << u"max_in_progress"_s << u"0"_s << true;
        QTest::newRow("negative cap") << u"max_in_progress"_s << u"-2"_s << false;
        QTest::newRow("text cap") << u"max_in_progress_per_profile"_s << u"x"_s << false;
        QTest::newRow("fraction cap") << u"max_in_progress"_s << u"1.5"_s << false;
        QTest::newRow("zero limit") << u"failure_limit"_s << u"0"_s << false;
        QTest::newRow("zero backoff") << u"retry_backoff"_s << u"0"_s << true;
        QTest::newRow("fraction interval") << u"interval"_s << u"0.25"_s << true;
        QTest::newRow("negative interval") << u"interval"_s << u"-1"_s << false;
        QTest::newRow("blank assignee") << u"default_assignee"_s << u" "_s << true;
    }

    void shouldCheckCommandLineValues()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(bool, valid);
        QCOMPARE(DispatcherConfig::checkValue(key, value).isEmpty(), valid);
    }
};

QANBAN_TEST_MAIN(TestDispatchConfig)
#include "tst_dispatch_config.moc"
