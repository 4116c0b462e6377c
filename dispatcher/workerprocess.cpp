#include "workerprocess.h"

#include "dispatcherlog.h"
#include "processtools.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
constexpr int drainPollMs = 20;
constexpr int drainAfterKillMs = 3000;
}

WorkerProcess::WorkerProcess(const Spec &spec, QObject *parent)
    : QObject(parent), m_spec(spec), m_process(new QProcess(this)), m_killTimer(new QTimer(this)),
      m_drainTimer(new QTimer(this))
{
    qRegisterMetaType<WorkerExit>();
    m_killTimer->setSingleShot(true);
    m_drainTimer->setInterval(drainPollMs);
    connect(m_process, &QProcess::started, this, [this] {
        m_pid = m_process->processId();
        Q_EMIT started(m_pid);
        if (m_stopWhenStarted)
            stop(m_exit.stop);
    });
    connect(m_process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            &WorkerProcess::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &WorkerProcess::onError);
    connect(m_killTimer, &QTimer::timeout, this, [this] {
        m_killed = true;
        ProcessTools::signalGroup(m_pid, SIGKILL);
    });
    connect(m_drainTimer, &QTimer::timeout, this, &WorkerProcess::drainGroup);
}

WorkerProcess::~WorkerProcess()
{
    if (m_pid > 0 && !m_done) {
        ProcessTools::signalGroup(m_pid, SIGKILL);
        if (m_process->state() != QProcess::NotRunning)
            m_process->waitForFinished(2000); // SIGKILL: returns at once
    }
}

bool WorkerProcess::prepareLog(const QString &path, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = u"cannot create the folder of %1"_s.arg(path);
        return false;
    }
    // open() with the mode, so the file is never readable by others, not even briefly.
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (error)
            *error = u"cannot open the log %1"_s.arg(path);
        return false;
    }
    ::fchmod(fd, 0600); // an existing file keeps its mode otherwise
    ::close(fd);
    return true;
}

bool WorkerProcess::isRunning() const
{
    return !m_done && m_process->state() != QProcess::NotRunning;
}

void WorkerProcess::start()
{
    QString problem;
    if (!m_spec.logPath.isEmpty() && !prepareLog(m_spec.logPath, &problem)) {
        m_exit.how = WorkerExit::How::FailedToStart;
        m_exit.error = problem;
        QTimer::singleShot(0, this, &WorkerProcess::finish);
        return;
    }
    m_process->setProgram(m_spec.program);
    m_process->setArguments(m_spec.arguments);
    m_process->setWorkingDirectory(m_spec.workingDirectory);
    m_process->setProcessEnvironment(m_spec.environment);
    m_process->setStandardInputFile(QProcess::nullDevice());
    if (!m_spec.logPath.isEmpty()) {
        m_process->setStandardOutputFile(m_spec.logPath, QIODevice::Append);
        m_process->setStandardErrorFile(m_spec.logPath, QIODevice::Append);
    } else {
        m_process->setStandardOutputFile(QProcess::nullDevice());
        m_process->setStandardErrorFile(QProcess::nullDevice());
    }
    // Its own process group, so a stop reaches everything the worker started.
    m_process->setChildProcessModifier([] { ::setpgid(0, 0); });
    m_process->start();
}

void WorkerProcess::stop(WorkerExit::Stop reason)
{
    if (m_done)
        return;
    if (m_exit.stop == WorkerExit::Stop::None)
        m_exit.stop = reason;
    if (m_pid <= 0) {
        m_stopWhenStarted = true; // still starting: stop it as soon as it has a pid
        return;
    }
    if (m_killTimer->isActive() || m_killed)
        return;
    qCDebug(lcDispatcher, "stopping worker group %lld", m_pid);
    ProcessTools::signalGroup(m_pid, SIGTERM);
    m_killTimer->start(m_graceMs);
}

void WorkerProcess::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_done)
        return;
    m_exit.how = WorkerExit::How::FailedToStart;
    m_exit.error = m_process->errorString();
    finish();
}

void WorkerProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    // On Unix a crash exit carries the signal number in exitCode.
    if (status == QProcess::CrashExit) {
        m_exit.how = WorkerExit::How::Signalled;
        m_exit.signal = exitCode;
    } else {
        m_exit.how = WorkerExit::How::Exited;
        m_exit.exitCode = exitCode;
    }
    m_drainStarted = QDateTime::currentMSecsSinceEpoch();
    drainGroup();
}

void WorkerProcess::drainGroup()
{
    // The leader is gone; children it left in its group must not outlive the run.
    if (!ProcessTools::groupIsAlive(m_pid)) {
        finish();
        return;
    }
    const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - m_drainStarted;
    if (!m_drainTimer->isActive()) {
        ProcessTools::signalGroup(m_pid, m_killed ? SIGKILL : SIGTERM);
        m_drainTimer->start();
        return;
    }
    if (!m_killed && elapsed >= m_graceMs) {
        m_killed = true;
        ProcessTools::signalGroup(m_pid, SIGKILL);
    } else if (m_killed && elapsed >= m_graceMs + drainAfterKillMs) {
        qCWarning(lcDispatcher, "process group %lld survives SIGKILL", m_pid);
        finish();
    }
}

void WorkerProcess::finish()
{
    if (m_done)
        return;
    m_done = true;
    m_killTimer->stop();
    m_drainTimer->stop();
    Q_EMIT finished(m_exit);
}
