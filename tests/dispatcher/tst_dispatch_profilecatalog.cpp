#include "boardhome.h"
#include "profilecatalog.h"
#include "qanbantest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

// Profiles as files: one INI per profile, existence is the file's, the cache follows
// changes made by other processes.
class TestProfileCatalog final : public QObject
{
    Q_OBJECT

private:
    static Profile sample(const QString &name)
    {
        Profile profile;
        profile.name = name;
        profile.program = u"/usr/bin/agent"_s;
        profile.arguments = {u"--task"_s, u"{task}"_s, u"--note=a, b"_s, u"-c"_s};
        profile.environment = {{u"MODEL"_s, u"large"_s}, {u"EMPTY"_s, QString()}};
        profile.secrets = {u"API_KEY"_s};
        profile.maxInProgress = 2;
        profile.maxRuntime = 600;
        return profile;
    }

private Q_SLOTS:
    void shouldRoundTripProfile()
    {
        QTemporaryDir dir;
        ProfileCatalog catalog(dir.filePath(u"profiles"_s));
        QVERIFY(catalog.save(sample(u"coder"_s)).ok());
        Result<Profile> loaded = catalog.load(u"coder"_s);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->program, u"/usr/bin/agent"_s);
        QCOMPARE(loaded->arguments, sample(u"coder"_s).arguments);
        QCOMPARE(loaded->environment, sample(u"coder"_s).environment);
        QCOMPARE(loaded->secrets, QStringList{u"API_KEY"_s});
        QCOMPARE(loaded->maxInProgress, std::optional<int>(2));
        QCOMPARE(loaded->maxRuntime, std::optional<int>(600));
        // The file sits where the board home says, readable by its owner only.
        const QString path = BoardHome(dir.path()).profilePath(u"coder"_s);
        QCOMPARE(catalog.pathOf(u"coder"_s), path);
        QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions());
    }

    void shouldExpandPlaceholders()
    {
        Profile profile = sample(u"coder"_s);
        profile.arguments = {u"{task}"_s, u"run={run}"_s, u"{profile}@{workspace}"_s};
        QCOMPARE(profile.expandedArguments(u"t_1"_s, 7, u"/w"_s),
                 (QStringList{u"t_1"_s, u"run=7"_s, u"coder@/w"_s}));
    }

    void shouldExistExactlyWhenFileExists()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"profiles"_s);
        ProfileCatalog catalog(folder);
        catalog.refresh();
        QVERIFY(!catalog.contains(u"coder"_s));
        // An empty file is a profile (with no program yet).
        QDir().mkpath(folder);
        QFile file(catalog.pathOf(u"coder"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        catalog.refresh();
        QVERIFY(catalog.contains(u"coder"_s));
        QVERIFY(catalog.profile(u"coder"_s)->program.isEmpty());
        QVERIFY(BoardHome(dir.path()).hasProfile(u"coder"_s));
        QVERIFY(QFile::remove(catalog.pathOf(u"coder"_s)));
        catalog.refresh();
        QVERIFY(!catalog.contains(u"coder"_s));
    }

    void shouldFollowChangesByOthers()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"profiles"_s);
        ProfileCatalog mine(folder);
        ProfileCatalog theirs(folder);
        QVERIFY(theirs.save(sample(u"coder"_s)).ok());
        mine.refresh();
        QCOMPARE(mine.profile(u"coder"_s)->maxInProgress, std::optional<int>(2));
        // WHEN another writer changes the file
        Profile changed = sample(u"coder"_s);
        changed.maxInProgress = 5;
        changed.program = u"/usr/bin/other-agent"_s;
        QVERIFY(theirs.save(changed).ok());
        mine.refresh();
        // THEN the cache picks it up (size or time differ)
        QCOMPARE(mine.profile(u"coder"_s)->program, u"/usr/bin/other-agent"_s);
        QCOMPARE(mine.profile(u"coder"_s)->maxInProgress, std::optional<int>(5));
        QVERIFY(theirs.remove(u"coder"_s).ok());
        mine.refresh();
        QVERIFY(!mine.contains(u"coder"_s));
    }

    void shouldRefuseUnsafeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("slash") << u"a/b"_s;
        QTest::newRow("dot") << u".hidden"_s;
        QTest::newRow("dash") << u"-x"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("space") << u"a b"_s;
    }

    void shouldRefuseUnsafeNames()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        ProfileCatalog catalog(dir.filePath(u"profiles"_s));
        QVERIFY(!catalog.save(sample(name)).ok());
        QVERIFY(!Profile::isValidName(name));
    }

    void shouldIgnoreInvalidLimitsInFile()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"profiles"_s);
        QDir().mkpath(folder);
        QFile file(QDir(folder).filePath(u"x.ini"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[worker]\nprogram=/bin/true\nmax_in_progress=-3\nmax_runtime=soon\n");
        file.close();
        ProfileCatalog catalog(folder);
        Result<Profile> loaded = catalog.load(u"x"_s);
        QVERIFY(loaded.ok());
        QVERIFY(!loaded->maxInProgress);
        QVERIFY(!loaded->maxRuntime);
    }
};

QANBAN_TEST_MAIN(TestProfileCatalog)
#include "tst_dispatch_profilecatalog.moc"
