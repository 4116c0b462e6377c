#pragma once

#include "workeroutcome.h"

#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class QTimer;

// One worker process: started from a program and an argument list (no shell), in its
// own process group, with stdin from /dev/null and stdout and stderr appended to a log
// file only its owner can read. stop() sends SIGTERM to the whole group and SIGKILL after
// a grace period. When the worker itself ends, whatever it left running in its group is
// stopped the same way before finished() is emitted, so nothing outlives a run.
//
// Lives in the thread that created it; never blocks that thread.
class WorkerProcess final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkerProcess)

public:
    struct Spec {
        QString program;
        QStringList arguments;
        QString workingDirectory;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        QString logPath;
    };

    explicit WorkerProcess(const Spec &spec, QObject *parent = nullptr);
    // A worker still running is killed with its group.
    ~WorkerProcess() override;

    void setGracePeriod(int milliseconds) { m_graceMs = milliseconds; }
    int gracePeriod() const { return m_graceMs; }

    void start();
    // Asks the group to stop (SIGTERM), then kills it (SIGKILL) after the grace period.
    void stop(WorkerExit::Stop reason);

    qint64 pid() const { return m_pid; }
    bool isRunning() const;

    // Creates the file (and its folder) readable by its owner only.
    static bool prepareLog(const QString &path, QString *error = nullptr);

Q_SIGNALS:
    void started(qint64 pid);
    void finished(const WorkerExit &exit);

private:
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void drainGroup();
    void finish();

    Spec m_spec;
    QProcess *m_process;
    QTimer *m_killTimer;
    QTimer *m_drainTimer;
    int m_graceMs = 10000;
    qint64 m_pid = 0;
    qint64 m_drainStarted = 0;
    bool m_killed = false;
    bool m_stopWhenStarted = false;
    bool m_done = false;
    WorkerExit m_exit;
};
