#pragma once

#include "profiledirectory.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

// Add, edit and remove the profiles workers run as, and set their secrets. A secret's
// value goes straight to the keychain and is never shown back.
class ProfilesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesDialog)

public:
    // Asks for a secret's value (hidden input); nullopt when cancelled. Tests answer it.
    using SecretRequest = std::function<std::optional<QString>(const QString &profile,
                                                               const QString &variable)>;

    ProfilesDialog(ProfileDirectory *directory, QWidget *parent = nullptr);

    void setSecretRequest(SecretRequest request) { m_secretRequest = std::move(request); }
    void selectProfile(const QString &name);
    QString message() const;

Q_SIGNALS:
    void secretStored(const QString &profile, const QString &variable);

private:
    void reloadList(const QString &select = {});
    void showProfile(const QString &name);
    void newProfile();
    void saveProfile();
    void removeProfile();
    void setSecret();
    void say(const QString &message, bool error = false);

    ProfileDirectory *m_directory;
    SecretRequest m_secretRequest;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_program;
    QPlainTextEdit *m_arguments;
    QPlainTextEdit *m_environment;
    QPlainTextEdit *m_secrets;
    QSpinBox *m_maxInProgress;
    QSpinBox *m_maxRuntime;
    QLabel *m_message;
};
