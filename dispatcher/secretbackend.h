#pragma once

#include <QString>

#include <functional>

// What SecretStore asks of the OS keychain, one entry at a time. The implementation,
// KeychainSecretBackend, lives in a module of its own (qanban-keychain) that SecretStore
// loads on first use: QtKeychain brings QtDBus, libdbus, libsystemd and libgcrypt, whose
// loading and symbol binding cost every qanbanctl call about 2.6 ms of its start, and
// only the profile secret verbs and the dispatcher need them. Plain C++, no QObject: the
// module and the program share no meta-objects.
class SecretBackend
{
public:
    enum class Failure { None, NotFound, Unavailable };
    struct Reply {
        Failure failure = Failure::None;
        QString value;     // what a read found
        QString errorText; // the keychain's own words, on Unavailable
    };
    // Called once, in the thread that made the request, after the keychain replied.
    using Callback = std::function<void(const Reply &)>;

    virtual ~SecretBackend() = default;
    virtual void read(const QString &service, const QString &key, Callback done) = 0;
    virtual void write(const QString &service, const QString &key, const QString &value,
                       Callback done) = 0;
    // Removing an entry that is not there replies NotFound.
    virtual void remove(const QString &service, const QString &key, Callback done) = 0;
};

// The module's one exported function: a new backend, owned by the caller, to be used
// and destroyed in the thread that made it.
using CreateSecretBackend = SecretBackend *(*)();
inline constexpr char createSecretBackendSymbol[] = "qanbanCreateSecretBackend";
