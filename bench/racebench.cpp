#include "racebench.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

constexpr int raceTimeoutMs = 30 * 60 * 1000;

struct WorkerState {
    QProcess *process = nullptr;
    QByteArray pending;
    bool ready = false;
    bool reported = false;
    bool finished = false;
    QJsonObject report;
};

} // namespace

RaceBench::RaceBench(const QString &program, const QString &databasePath, int workers)
    : m_program(program), m_databasePath(databasePath), m_workers(workers)
{
}

Result<RaceBench::Outcome> RaceBench::run()
{
    QEventLoop loop;
    QList<WorkerState> workers(m_workers);
    QObject owner; // parent of the processes; deletes them on every return path
    QElapsedTimer clock;
    qint64 raceNanoseconds = -1;
    QString failure;

    auto fail = [&](const QString &message) {
        if (failure.isEmpty())
            failure = message;
        for (WorkerState &worker : workers) {
            if (worker.process->state() != QProcess::NotRunning)
                worker.process->kill();
        }
        loop.quit();
    };
    auto allOf = [&](bool WorkerState::*flag) {
        for (const WorkerState &worker : std::as_const(workers)) {
            if (!(worker.*flag))
                return false;
        }
        return true;
    };
    auto readLines = [&](WorkerState &worker, int index) {
        worker.pending += worker.process->readAllStandardOutput();
        for (qsizetype end; (end = worker.pending.indexOf('\n')) >= 0;) {
            const QByteArray line = worker.pending.left(end).trimmed();
            worker.pending.remove(0, end + 1);
            if (line == "ready") {
                worker.ready = true;
                if (allOf(&WorkerState::ready)) {
                    clock.start();
                    for (WorkerState &each : workers) {
                        each.process->write("go\n");
                        each.process->closeWriteChannel();
                    }
                }
                continue;
            }
            const QJsonObject report = QJsonDocument::fromJson(line).object();
            if (report.contains(u"fatal"_s)) {
                fail(u"race worker %1: %2"_s.arg(index).arg(report.value(u"fatal"_s).toString()));
                return;
            }
            worker.report = report;
            worker.reported = true;
            if (allOf(&WorkerState::reported))
                raceNanoseconds = clock.nsecsElapsed();
        }
    };

    for (int index = 0; index < m_workers; ++index) {
        WorkerState &worker = workers[index];
        worker.process = new QProcess(&owner);
        worker.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(worker.process, &QProcess::readyReadStandardOutput, &owner,
                         [&, index] { readLines(workers[index], index); });
        QObject::connect(worker.process, &QProcess::errorOccurred, &owner,
                         [&, index](QProcess::ProcessError error) {
                             if (error == QProcess::FailedToStart)
                                 fail(u"race worker %1 did not start"_s.arg(index));
                         });
        QObject::connect(worker.process, &QProcess::finished, &owner,
                         [&, index](int, QProcess::ExitStatus status) {
                             WorkerState &self = workers[index];
                             readLines(self, index);
                             self.finished = true;
                             if (status == QProcess::CrashExit)
                                 fail(u"race worker %1 crashed"_s.arg(index));
                             else if (!self.reported)
                                 fail(u"race worker %1 exited without a report"_s.arg(index));
                             else if (allOf(&WorkerState::finished))
                                 loop.quit();
                         });
    }
    for (int index = 0; index < m_workers; ++index) {
        workers[index].process->start(m_program, {u"--race-worker"_s, u"--db"_s, m_databasePath,
                                                  u"--claimer"_s, u"worker-%1"_s.arg(index + 1)});
    }
    QTimer::singleShot(raceTimeoutMs, &owner,
                       [&] { fail(u"the race did not end in 30 minutes"_s); });
    loop.exec();
    for (WorkerState &worker : workers) {
        // No handler may run once this function's state is going away.
        QObject::disconnect(worker.process, nullptr, &owner, nullptr);
        if (worker.process->state() != QProcess::NotRunning) {
            worker.process->kill();
            worker.process->waitForFinished(5000);
        }
    }
    if (!failure.isEmpty())
        return makeError(ErrorCode::Io, failure);

    Outcome outcome;
    outcome.seconds = double(raceNanoseconds) / 1e9;
    for (const WorkerState &worker : std::as_const(workers)) {
        const QJsonArray ids = worker.report.value(u"completed"_s).toArray();
        for (const QJsonValue &id : ids)
            outcome.completedIds << id.toString();
        outcome.perWorker << int(ids.size());
        outcome.completed += int(ids.size());
        outcome.lostClaims += worker.report.value(u"lost"_s).toInt();
        outcome.errors += worker.report.value(u"errors"_s).toInt();
        for (const QJsonValue &message : worker.report.value(u"messages"_s).toArray())
            outcome.errorMessages << message.toString();
    }
    return outcome;
}
