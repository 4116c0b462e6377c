#pragma once

#include "result.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class SecretBackend;

// The profiles' secrets in the OS keychain (QtKeychain), one entry per profile and
// variable under the service "qanban". Every call is asynchronous: the answer comes to the
// callback, in this object's thread, once the keychain has replied. Values are never
// logged, and there is no insecure fallback: when the keychain cannot be reached the call
// fails and says why. QtKeychain is reached through the qanban-keychain module, loaded on
// the first call (see SecretBackend); without the module every call fails, naming where
// it was looked for.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    using Values = QList<QPair<QString, QString>>; // variable, value
    using ReadCallback = std::function<void(const Result<Values> &)>;
    using DoneCallback = std::function<void(const Result<void> &)>;

    static QString service();
    static QString entryKey(const QString &profile, const QString &variable);

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    // Reads every named variable of the profile; fails on the first one missing.
    void read(const QString &profile, const QStringList &variables, ReadCallback done);
    void write(const QString &profile, const QString &variable, const QString &value,
               DoneCallback done);
    // Removing a secret that is not there succeeds.
    void remove(const QString &profile, const QString &variable, DoneCallback done);

    // Where the module is looked for, in order: beside an installed program, then in
    // the build tree.
    static QStringList moduleCandidates();

private:
    // The backend, loaded on first use; null, with the reason in *error, when the
    // module cannot be loaded.
    SecretBackend *backend(QString *error);
    void readNext(const QString &profile, QStringList remaining, Values values,
                  ReadCallback done);

    std::unique_ptr<SecretBackend> m_backend;
};
