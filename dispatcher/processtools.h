#pragma once

#include <QString>

// Small POSIX helpers for watching and stopping worker processes. A zombie counts as
// dead everywhere here: it runs no code and only waits for its parent to reap it.
namespace ProcessTools {

// The process exists and is not a zombie.
bool isAlive(qint64 pid);
// Some process in the group exists and is not a zombie.
bool groupIsAlive(qint64 processGroup);
// Sends the signal to every process of the group; false when none was there.
bool signalGroup(qint64 processGroup, int signal);
// "SIGTERM" for 15, else the number.
QString signalName(int signal);
QString hostName();
// The claimer a dispatcher on this host writes: "dispatcher@<host>:<pid>".
QString dispatcherClaimer();
// True when the claimer was written by a dispatcher on this host (any process).
bool isLocalDispatcherClaimer(const QString &claimer);

// An exclusive advisory lock held for the life of a process (flock). The kernel drops it
// when the process dies, however it dies, which is what makes it a liveness signal.
class LockFile final
{
public:
    LockFile() = default;
    ~LockFile();
    LockFile(const LockFile &) = delete;
    LockFile &operator=(const LockFile &) = delete;

    // Takes the lock without waiting; false when another process holds it.
    bool acquire(const QString &path);
    bool isHeld() const { return m_fd >= 0; }
    // Whether some live process holds the lock on path.
    static bool isHeld(const QString &path);

private:
    int m_fd = -1;
};

} // namespace ProcessTools
