#include "settingsdialog.h"

#include "boardsettings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SettingsDialog::SettingsDialog(BoardSettings *settings, QWidget *parent)
    : QDialog(parent), m_settings(settings),
      m_closeToTray(new QCheckBox(tr("Closing the window keeps Qanban in the tray"), this)),
      m_notifyEveryCrash(new QCheckBox(tr("Notify every crash and timeout, not only blocks"), this))
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

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tray);
    layout->addStretch(1);
    layout->addWidget(buttons);
}

void SettingsDialog::accept()
{
    m_settings->setCloseToTray(m_closeToTray->isChecked());
    m_settings->setNotifyEveryCrash(m_notifyEveryCrash->isChecked());
    m_settings->sync();
    QDialog::accept();
}
