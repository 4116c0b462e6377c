#pragma once

#include "secretbackend.h"

#include <QObject>

// SecretBackend on QtKeychain, in the qanban-keychain module. Jobs never fall back to
// storing secrets in plain text when no keychain answers.
class KeychainSecretBackend final : public SecretBackend
{
public:
    KeychainSecretBackend() = default;
    ~KeychainSecretBackend() override = default;
    Q_DISABLE_COPY_MOVE(KeychainSecretBackend)

    void read(const QString &service, const QString &key, Callback done) override;
    void write(const QString &service, const QString &key, const QString &value,
               Callback done) override;
    void remove(const QString &service, const QString &key, Callback done) override;

private:
    // The jobs' parent and the context their replies are delivered in: this thread.
    QObject m_jobs;
};
