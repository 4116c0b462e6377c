#include "boardmodel.h"
#include "taskservice.h"
#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The catalogues the desktop board loads at start-up: German for a German locale, English
// plural forms otherwise, Qt's own German texts when the system ships them.
class TranslationLoaderTest : public QObject
{
    Q_OBJECT

private:
    static QString columnName(TaskStatus status)
    {
        QTemporaryDir dir;
        TaskService service(dir.filePath(u"board.db"_s));
        BoardModel model(&service);
        return model.headerData(int(status), Qt::Horizontal).toString();
    }

    static QString comments(int count)
    {
        return QCoreApplication::translate("CardDelegate", "%n comment(s)", nullptr, count);
    }

private Q_SLOTS:
    void shouldShowTheBoardInGermanForAGermanLocale()
    {
        // GIVEN a loader asked for German as spoken in Austria
        TranslationLoader loader;
        // WHEN it loads
        QVERIFY(loader.load(QLocale(QLocale::German, QLocale::Austria)));
        // THEN Qanban's German catalogue is installed and the model speaks German
        QCOMPARE(loader.qanbanFile(), u":/i18n/qanban_de.qm"_s);
        QCOMPARE(columnName(TaskStatus::Ready), u"Bereit"_s);
        QCOMPARE(columnName(TaskStatus::Todo), u"Zu erledigen"_s);
        QCOMPARE(columnName(TaskStatus::Running), u"Läuft"_s);
        QCOMPARE(comments(1), u"1 Kommentar"_s);
        QCOMPARE(comments(3), u"3 Kommentare"_s);
    }

    void shouldUseQtsOwnGermanTextsWhenInstalled()
    {
        const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (!QFile::exists(dir + u"/qtbase_de.qm"_s))
            QSKIP("qtbase_de.qm is not installed (Debian: qt6-translations-l10n)");
        TranslationLoader loader;
        loader.load(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(loader.qtBaseFile().endsWith(u"qtbase_de.qm"_s));
        QCOMPARE(QCoreApplication::translate("QUndoStack", "Undo %1").arg(u"X"_s),
                 u"X rückgängig machen"_s);
    }

    void shouldGiveEnglishPluralsToOtherLocales_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<bool>("ownCatalogue");
        QTest::newRow("en_GB") << QLocale(QLocale::English, QLocale::UnitedKingdom) << true;
        QTest::newRow("fr_FR (no French yet)") << QLocale(QLocale::French, QLocale::France)
                                               << false;
        QTest::newRow("C") << QLocale::c() << false;
    }

    void shouldGiveEnglishPluralsToOtherLocales()
    {
        QFETCH(QLocale, locale);
        QFETCH(bool, ownCatalogue);
        TranslationLoader loader;
        QCOMPARE(loader.load(locale), ownCatalogue);
        QCOMPARE(loader.qanbanFile(), u":/i18n/qanban_en.qm"_s);
        QCOMPARE(columnName(TaskStatus::Ready), u"Ready"_s);
        QCOMPARE(comments(1), u"1 comment"_s);
        QCOMPARE(comments(2), u"2 comments"_s);
    }

    void shouldReplaceAnEarlierLanguage()
    {
        TranslationLoader loader;
        loader.load(QLocale(QLocale::German));
        QCOMPARE(columnName(TaskStatus::Done), u"Erledigt"_s);
        loader.load(QLocale(QLocale::English));
        QCOMPARE(columnName(TaskStatus::Done), u"Done"_s);
    }

    void shouldUninstallWhenDestroyed()
    {
        {
            TranslationLoader loader;
            loader.load(QLocale(QLocale::German));
            QCOMPARE(columnName(TaskStatus::Blocked), u"Blockiert"_s);
        }
        QCOMPARE(columnName(TaskStatus::Blocked), u"Blocked"_s);
    }

    // Run by ctest a second time with LANG/LANGUAGE set to German (see CMakeLists.txt):
    // the system locale, as the desktop app uses it, must pick the German catalogue.
    void shouldFollowTheSystemLocale()
    {
        if (qEnvironmentVariable("QANBAN_EXPECT_LANGUAGE") != "de"_L1)
            QSKIP("only run with QANBAN_EXPECT_LANGUAGE=de and a German LANG");
        TranslationLoader loader;
        QVERIFY(loader.load());
        QCOMPARE(loader.qanbanFile(), u":/i18n/qanban_de.qm"_s);
        QCOMPARE(columnName(TaskStatus::Ready), u"Bereit"_s);
    }
};

QTEST_GUILESS_MAIN(TranslationLoaderTest)
#include "tst_translationloader.moc"
