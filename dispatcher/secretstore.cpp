#include "secretstore.h"

#include "dispatcherlog.h"
#include "secretbackend.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>

using namespace Qt::StringLiterals;

namespace {

Error keychainError(const SecretBackend::Reply &reply, const QString &profile,
                    const QString &variable)
{
    if (reply.failure == SecretBackend::Failure::NotFound) {
        return makeError(ErrorCode::NotFound,
                         u"the secret %1 of profile %2 is not set (qanbanctl profile secret set "
                         "%2 %1)"_s.arg(variable, profile));
    }
    return makeError(ErrorCode::Io, u"the keychain is unavailable (secret %1 of profile %2): %3"_s
                                        .arg(variable, profile, reply.errorText));
}

// The module's factory, resolved once per process; the module stays loaded for good, as
// the backends made from it run its code.
CreateSecretBackend loadFactory(QString *error)
{
    static QString loadError;
    static QLibrary module;
    static const CreateSecretBackend factory = [] {
        QStringList tried;
        for (const QString &candidate : SecretStore::moduleCandidates()) {
            if (!QFileInfo::exists(candidate)) {
                tried << candidate;
                continue;
            }
            module.setFileName(candidate);
            if (auto create = reinterpret_cast<CreateSecretBackend>(
                    module.resolve(createSecretBackendSymbol))) {
                return create;
            }
            tried << u"%1 (%2)"_s.arg(candidate, module.errorString());
        }
        loadError = u"the keychain module qanban-keychain cannot be loaded (looked for %1)"_s.arg(
            tried.join(u", "_s));
        return CreateSecretBackend(nullptr);
    }();
    if (!factory && error)
        *error = loadError;
    return factory;
}

} // namespace

QString SecretStore::service()
{
    return u"qanban"_s;
}

QString SecretStore::entryKey(const QString &profile, const QString &variable)
{
    return profile + u'/' + variable;
}

QStringList SecretStore::moduleCandidates()
{
    const QString fileName = QStringLiteral(QANBAN_KEYCHAIN_MODULE_NAME);
    return {QDir::cleanPath(QCoreApplication::applicationDirPath() + u'/'
                            + QStringLiteral(QANBAN_KEYCHAIN_MODULE_FROM_BINDIR) + u'/'
                            + fileName),
            QStringLiteral(QANBAN_KEYCHAIN_MODULE_BUILD_PATH)};
}

SecretStore::SecretStore(QObject *parent) : QObject(parent) {}

SecretStore::~SecretStore() = default;

SecretBackend *SecretStore::backend(QString *error)
{
    if (!m_backend) {
        if (CreateSecretBackend create = loadFactory(error))
            m_backend.reset(create());
    }
    return m_backend.get();
}

void SecretStore::read(const QString &profile, const QStringList &variables, ReadCallback done)
{
    readNext(profile, variables, {}, std::move(done));
}

void SecretStore::readNext(const QString &profile, QStringList remaining, Values values,
                           ReadCallback done)
{
    if (remaining.isEmpty()) {
        done(values);
        return;
    }
    QString error;
    SecretBackend *keychain = backend(&error);
    if (!keychain) {
        qCWarning(lcDispatcher, "%s", qUtf8Printable(error));
        done(makeError(ErrorCode::Io, error));
        return;
    }
    const QString variable = remaining.takeFirst();
    keychain->read(service(), entryKey(profile, variable),
                   [this, profile, variable, remaining, values,
                    done](const SecretBackend::Reply &reply) {
                       if (reply.failure != SecretBackend::Failure::None) {
                           const Error failed = keychainError(reply, profile, variable);
                           qCWarning(lcDispatcher, "%s", qUtf8Printable(failed.message));
                           done(failed);
                           return;
                       }
                       Values more = values;
                       more.append({variable, reply.value});
                       readNext(profile, remaining, more, done);
                   });
}

void SecretStore::write(const QString &profile, const QString &variable, const QString &value,
                        DoneCallback done)
{
    QString error;
    SecretBackend *keychain = backend(&error);
    if (!keychain) {
        done(makeError(ErrorCode::Io, error));
        return;
    }
    keychain->write(service(), entryKey(profile, variable), value,
                    [profile, variable, done](const SecretBackend::Reply &reply) {
                        if (reply.failure != SecretBackend::Failure::None)
                            done(keychainError(reply, profile, variable));
                        else
                            done({});
                    });
}

void SecretStore::remove(const QString &profile, const QString &variable, DoneCallback done)
{
    QString error;
    SecretBackend *keychain = backend(&error);
    if (!keychain) {
        done(makeError(ErrorCode::Io, error));
        return;
    }
    keychain->remove(service(), entryKey(profile, variable),
                     [profile, variable, done](const SecretBackend::Reply &reply) {
                         if (reply.failure == SecretBackend::Failure::Unavailable)
                             done(keychainError(reply, profile, variable));
                         else
                             done({});
                     });
}
