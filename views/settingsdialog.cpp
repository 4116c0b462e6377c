#include "settingsdialog.h"

#include "boardsettings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QGroupBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SettingsDialog::SettingsDialog(BoardSettings *settings, QWidget *parent)
    : QDialog(parent), m_settings(settings),
      m_closeToTray(new QCheckBox(tr("Closing the window keeps Qanban in the tray"), this)),
      m_notifyEveryCrash(new QCheckBox(tr("Notify every crash and timeout, not only blocks"), this)),
      m_maxInProgress(new QSpinBox(this)), m_maxPerProfile(new QSpinBox(this)),
      m_defaultAssignee(new QLineEdit(this)), m_failureLimit(new QSpinBox(this)),
      m_retryBackoff(new QSpinBox(this)), m_interval(new QSpinBox(this))
{
    setObjectName(u"settings-dialog"_s);
    setWindowTitle(tr("Settings"));
    m_closeToTray->setObjectName(u"settings-close-to-tray"_s);
    m_notifyEveryCrash->setObjectName(u"settings-notify-every-crash"_s);
    m_closeToTray->setChecked(settings->closeToTray());
    m_notifyEveryCrash->setChecked(settings->notifyEveryCrash());

    auto *tray = new QGroupBox(tr("Tray and notifications"), this);
    auto *trayLayout = new QVBoxLayout(tray);
    trayLayout->addWidget(m_closeToTray);
    trayLayout->addWidget(m_notifyEveryCrash);

    // The dispatcher's [dispatcher] section of qanban.conf. Spin boxes only offer values
    // the dispatcher accepts; 0 is "no cap" (or "the default" for the failure limit).
    const struct {
        QSpinBox *box;
        const char *key;
        int maximum;
        int fallback;
    } numbers[] = {
        {m_maxInProgress, "max_in_progress", 10000, 0},
        {m_maxPerProfile, "max_in_progress_per_profile", 10000, 0},
        {m_failureLimit, "failure_limit", 1000, 0},
        {m_retryBackoff, "retry_backoff", 24 * 3600, 30},
        {m_interval, "interval", 3600, 5},
    };
    for (const auto &number : numbers) {
        number.box->setObjectName(u"settings-dispatcher-"_s + QLatin1StringView(number.key));
        number.box->setRange(number.box == m_interval ? 1 : 0, number.maximum);
        bool ok = false;
        const int value = settings->dispatcherValue(QLatin1StringView(number.key)).toInt(&ok);
        number.box->setValue(ok ? value : number.fallback);
    }
    m_maxInProgress->setSpecialValueText(tr("no cap"));
    m_maxPerProfile->setSpecialValueText(tr("no cap"));
    m_failureLimit->setSpecialValueText(tr("default (2)"));
    m_retryBackoff->setSuffix(tr(" s"));
    m_interval->setSuffix(tr(" s"));
    m_defaultAssignee->setObjectName(u"settings-dispatcher-default_assignee"_s);
    m_defaultAssignee->setPlaceholderText(tr("none"));
    m_defaultAssignee->setText(settings->dispatcherValue(u"default_assignee"_s));
    auto *dispatcher = new QGroupBox(tr("Dispatcher (applies when Qanban starts again)"), this);
    auto *form = new QFormLayout(dispatcher);
    form->addRow(tr("Workers at once"), m_maxInProgress);
    form->addRow(tr("Workers per profile"), m_maxPerProfile);
    form->addRow(tr("Default assignee"), m_defaultAssignee);
    form->addRow(tr("Failed attempts before giving up"), m_failureLimit);
    form->addRow(tr("Wait before the first retry"), m_retryBackoff);
    form->addRow(tr("Safety-net tick every"), m_interval);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tray);
    layout->addWidget(dispatcher);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

void SettingsDialog::accept()
{
    m_settings->setCloseToTray(m_closeToTray->isChecked());
    m_settings->setNotifyEveryCrash(m_notifyEveryCrash->isChecked());
    m_settings->setDispatcherValue(u"max_in_progress"_s, QString::number(m_maxInProgress->value()));
    m_settings->setDispatcherValue(u"max_in_progress_per_profile"_s,
                                   QString::number(m_maxPerProfile->value()));
    m_settings->setDispatcherValue(u"default_assignee"_s, m_defaultAssignee->text());
    m_settings->setDispatcherValue(u"failure_limit"_s, m_failureLimit->value() > 0
                                                           ? QString::number(m_failureLimit->value())
                                                           : QString());
    m_settings->setDispatcherValue(u"retry_backoff"_s, QString::number(m_retryBackoff->value()));
    m_settings->setDispatcherValue(u"interval"_s, QString::number(m_interval->value()));
    m_settings->sync();
    QDialog::accept();
}
