#pragma once

#include <QDialog>

class BoardSettings;
class QCheckBox;
class QLineEdit;
class QSpinBox;

// The desktop board's settings: what the tray does. Saved when accepted.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    SettingsDialog(BoardSettings *settings, QWidget *parent = nullptr);

    void accept() override;

private:
    BoardSettings *m_settings;
    QCheckBox *m_closeToTray;
    QCheckBox *m_notifyEveryCrash;
    QSpinBox *m_maxInProgress;
    QSpinBox *m_maxPerProfile;
    QLineEdit *m_defaultAssignee;
    QSpinBox *m_failureLimit;
    QSpinBox *m_retryBackoff;
    QSpinBox *m_interval;
};
