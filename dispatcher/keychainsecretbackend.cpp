#include "keychainsecretbackend.h"

#include <qt6keychain/keychain.h>

namespace {

template <typename JobType>
JobType *newJob(QObject *parent, const QString &service, const QString &key)
{
    auto *job = new JobType(service, parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // plain text in QSettings is not a keychain
    job->setKey(key);
    return job;
}

SecretBackend::Reply replyOf(const QKeychain::Job *job)
{
    SecretBackend::Reply reply;
    if (job->error() == QKeychain::EntryNotFound) {
        reply.failure = SecretBackend::Failure::NotFound;
    } else if (job->error() != QKeychain::NoError) {
        reply.failure = SecretBackend::Failure::Unavailable;
        reply.errorText = job->errorString();
    }
    return reply;
}

} // namespace

void KeychainSecretBackend::read(const QString &service, const QString &key, Callback done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(&m_jobs, service, key);
    QObject::connect(job, &QKeychain::Job::finished, &m_jobs,
                     [done = std::move(done)](QKeychain::Job *finished) {
                         Reply reply = replyOf(finished);
                         if (reply.failure == Failure::None)
                             reply.value =
                                 static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
                         done(reply);
                     });
    job->start();
}

void KeychainSecretBackend::write(const QString &service, const QString &key,
                                  const QString &value, Callback done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(&m_jobs, service, key);
    job->setTextData(value);
    QObject::connect(job, &QKeychain::Job::finished, &m_jobs,
                     [done = std::move(done)](QKeychain::Job *finished) {
                         done(replyOf(finished));
                     });
    job->start();
}

void KeychainSecretBackend::remove(const QString &service, const QString &key, Callback done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(&m_jobs, service, key);
    QObject::connect(job, &QKeychain::Job::finished, &m_jobs,
                     [done = std::move(done)](QKeychain::Job *finished) {
                         done(replyOf(finished));
                     });
    job->start();
}

extern "C" Q_DECL_EXPORT SecretBackend *qanbanCreateSecretBackend()
{
    return new KeychainSecretBackend;
}
