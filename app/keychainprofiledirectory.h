#pragma once

#include "profilecatalog.h"
#include "profiledirectory.h"

class SecretStore;

// The profiles dialog's directory on the real things: the dispatcher's profile files and
// the OS keychain (through SecretStore, asynchronously; nothing waits on the GUI thread).
class KeychainProfileDirectory final : public ProfileDirectory
{
public:
    KeychainProfileDirectory(const QString &profilesDir, SecretStore *secrets);

    QStringList names() override;
    std::optional<Entry> entry(const QString &name) override;
    QString save(const Entry &entry) override;
    QString remove(const QString &name) override;
    void setSecret(const QString &profile, const QString &variable, const QString &value,
                   Done done) override;

private:
    ProfileCatalog m_catalog;
    SecretStore *m_secrets;
};
