#include "secretstore.h"

#include "dispatcherlog.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace {

Error keychainError(const QKeychain::Job *job, const QString &profile, const QString &variable)
{
    if (job->error() == QKeychain::EntryNotFound) {
        return makeError(ErrorCode::NotFound,
                         u"the secret %1 of profile %2 is not set (qanbanctl profile secret set "
                         "%2 %1)"_s.arg(variable, profile));
    }
    return makeError(ErrorCode::Io, u"the keychain is unavailable (secret %1 of profile %2): %3"_s
                                        .arg(variable, profile, job->errorString()));
}

template <typename JobType>
JobType *newJob(SecretStore *owner, const QString &key)
{
    auto *job = new JobType(SecretStore::service(), owner);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // plain text in QSettings is not a keychain
    job->setKey(key);
    return job;
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

SecretStore::SecretStore(QObject *parent) : QObject(parent) {}

SecretStore::~SecretStore() = default;

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
    const QString variable = remaining.takeFirst();
    auto *job = newJob<QKeychain::ReadPasswordJob>(this, entryKey(profile, variable));
    connect(job, &QKeychain::Job::finished, this,
            [this, profile, variable, remaining, values, done](QKeychain::Job *finished) {
                if (finished->error() != QKeychain::NoError) {
                    const Error error = keychainError(finished, profile, variable);
                    qCWarning(lcDispatcher, "%s", qUtf8Printable(error.message));
                    done(error);
                    return;
                }
                Values more = values;
                more.append(
                    {variable, static_cast<QKeychain::ReadPasswordJob *>(finished)->textData()});
                readNext(profile, remaining, more, done);
            });
    job->start();
}

void SecretStore::write(const QString &profile, const QString &variable, const QString &value,
                        DoneCallback done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(this, entryKey(profile, variable));
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this,
            [profile, variable, done](QKeychain::Job *finished) {
                if (finished->error() != QKeychain::NoError)
                    done(keychainError(finished, profile, variable));
                else
                    done({});
            });
    job->start();
}

void SecretStore::remove(const QString &profile, const QString &variable, DoneCallback done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(this, entryKey(profile, variable));
    connect(job, &QKeychain::Job::finished, this,
            [profile, variable, done](QKeychain::Job *finished) {
                const QKeychain::Error error = finished->error();
                if (error != QKeychain::NoError && error != QKeychain::EntryNotFound)
                    done(keychainError(finished, profile, variable));
                else
                    done({});
            });
    job->start();
}
