#include "boardsettings.h"
#include "dispatcherconfig.h"
#include "settingsdialog.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The settings dialog writes what the dispatcher then reads from qanban.conf.
class SettingsDialogTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldWriteTheDispatcherSectionTheDispatcherReads()
    {
        QTemporaryDir home;
        const QString path = home.filePath(u"qanban.conf"_s);
        BoardSettings settings(path);
        {
            SettingsDialog dialog(&settings);
            dialog.findChild<QSpinBox *>(u"settings-dispatcher-max_in_progress"_s)->setValue(4);
            dialog.findChild<QSpinBox *>(u"settings-dispatcher-max_in_progress_per_profile"_s)
                ->setValue(2);
            dialog.findChild<QSpinBox *>(u"settings-dispatcher-failure_limit"_s)->setValue(3);
            dialog.findChild<QSpinBox *>(u"settings-dispatcher-retry_backoff"_s)->setValue(0);
            dialog.findChild<QLineEdit *>(u"settings-dispatcher-default_assignee"_s)
                ->setText(u"coder"_s);
            dialog.findChild<QCheckBox *>(u"settings-close-to-tray"_s)->setChecked(true);
            dialog.accept();
        }
        QStringList warnings;
        const DispatcherConfig config = DispatcherConfig::load(path, &warnings);
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u"; "_s)));
        QCOMPARE(config.maxInProgress, 4);
        QCOMPARE(config.maxInProgressPerProfile, 2);
        QCOMPARE(config.failureLimit, std::optional<int>(3));
        QCOMPARE(config.retryBackoff, 0);
        QCOMPARE(config.defaultAssignee, u"coder"_s);
        QVERIFY(BoardSettings(path).closeToTray());

        // A dialog opened again shows what is stored; "default" leaves the key out.
        SettingsDialog again(&settings);
        QCOMPARE(again.findChild<QSpinBox *>(u"settings-dispatcher-max_in_progress"_s)->value(), 4);
        again.findChild<QSpinBox *>(u"settings-dispatcher-failure_limit"_s)->setValue(0);
        again.accept();
        QVERIFY(!DispatcherConfig::load(path).failureLimit.has_value());
    }
};

QTEST_MAIN(SettingsDialogTest)
#include "tst_settingsdialog.moc"
