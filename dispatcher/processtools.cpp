#include "processtools.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSysInfo>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

struct ProcStat {
    char state = 0;
    qint64 processGroup = 0;
};

// /proc/<pid>/stat: "pid (comm) S ppid pgrp ..."; comm may hold spaces and parentheses,
// so the fields are read after the last ')'.
bool readStat(const QString &pid, ProcStat &stat)
{
    QFile file(u"/proc/"_s + pid + u"/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray line = file.readAll();
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return false;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    if (fields.size() < 3 || fields.at(0).isEmpty())
        return false;
    stat.state = fields.at(0).at(0);
    stat.processGroup = fields.at(2).toLongLong();
    return true;
}

bool isDeadState(char state)
{
    return state == 'Z' || state == 'X' || state == 'x';
}

} // namespace

namespace ProcessTools {

bool isAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return false;
    ProcStat stat;
    if (!readStat(QString::number(pid), stat))
        return false;
    return !isDeadState(stat.state);
}

bool groupIsAlive(qint64 processGroup)
{
    if (processGroup <= 1)
        return false;
    if (::kill(-pid_t(processGroup), 0) != 0 && errno == ESRCH)
        return false;
    // Members may all be zombies nobody reaps (their parent died and init is slow or
    // absent in a container): look at each one.
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        if (entry.isEmpty() || !entry.at(0).isDigit())
            continue;
        ProcStat stat;
        if (readStat(entry, stat) && stat.processGroup == processGroup
            && !isDeadState(stat.state)) {
            return true;
        }
    }
    return false;
}

bool signalGroup(qint64 processGroup, int signal)
{
    if (processGroup <= 1)
        return false; // never signal our own group or every process
    return ::kill(-pid_t(processGroup), signal) == 0;
}

QString signalName(int signal)
{
    switch (signal) {
    case SIGHUP: return u"SIGHUP"_s;
    case SIGINT: return u"SIGINT"_s;
    case SIGQUIT: return u"SIGQUIT"_s;
    case SIGILL: return u"SIGILL"_s;
    case SIGABRT: return u"SIGABRT"_s;
    case SIGBUS: return u"SIGBUS"_s;
    case SIGFPE: return u"SIGFPE"_s;
    case SIGKILL: return u"SIGKILL"_s;
    case SIGSEGV: return u"SIGSEGV"_s;
    case SIGPIPE: return u"SIGPIPE"_s;
    case SIGALRM: return u"SIGALRM"_s;
    case SIGTERM: return u"SIGTERM"_s;
    case SIGUSR1: return u"SIGUSR1"_s;
    case SIGUSR2: return u"SIGUSR2"_s;
    default: return u"signal %1"_s.arg(signal);
    }
}

QString hostName()
{
    const QString name = QSysInfo::machineHostName();
    return name.isEmpty() ? u"localhost"_s : name;
}

QString dispatcherClaimer()
{
    return u"dispatcher@%1:%2"_s.arg(hostName()).arg(QCoreApplication::applicationPid());
}

bool isLocalDispatcherClaimer(const QString &claimer)
{
    return claimer.startsWith(u"dispatcher@%1:"_s.arg(hostName()));
}

LockFile::~LockFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool LockFile::acquire(const QString &path)
{
    if (m_fd >= 0)
        return true;
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    // isHeld() takes a shared lock for a few microseconds to look: retry briefly rather
    // than take that for a live owner.
    for (int attempt = 0;; ++attempt) {
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
            break;
        if (errno != EWOULDBLOCK || attempt == 100) {
            ::close(fd);
            return false;
        }
        ::usleep(2000);
    }
    m_fd = fd;
    return true;
}

bool LockFile::isHeld(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false; // no file: nobody ever took it
    const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return held;
}

} // namespace ProcessTools
