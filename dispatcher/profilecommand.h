#pragma once

#include "profile.h"
#include "profilecatalog.h"
#include "result.h"

#include <QList>
#include <QPair>
#include <QString>

// `qanbanctl profile ...`: add, list, show and remove profiles, and set or remove their
// secrets in the keychain. Parsing and printing stay in qanbanctl; this class does the
// work and returns values. Only the secret calls touch the keychain (and D-Bus).
class ProfileCommand final
{
public:
    explicit ProfileCommand(const QString &home);

    // "K=V" to a pair; the key must be a valid variable name.
    static Result<QPair<QString, QString>> parseEnvironment(const QString &text);

    // Writes the profile, replacing one of the same name.
    Result<Profile> add(const Profile &profile);
    QList<Profile> list();
    Result<Profile> show(const QString &name);
    // Removes the file, then (best effort) the profile's secrets; warning says what could
    // not be removed from the keychain.
    Result<Profile> remove(const QString &name, QString *warning = nullptr);

    // The value comes from the caller (stdin in qanbanctl) and is never echoed. Adds the
    // variable to the profile's secrets when it is not listed yet.
    Result<Profile> setSecret(const QString &name, const QString &variable, const QString &value);
    Result<Profile> removeSecret(const QString &name, const QString &variable);

private:
    ProfileCatalog m_catalog;
};
