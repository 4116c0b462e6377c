#include "ctlprobe.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

namespace {

constexpr int runTimeoutMs = 30000;

struct RunResult {
    bool ok = false;
    double ms = 0;
    QString problem;
    QByteArray output;
};

RunResult runOnce(const QString &program, const QString &home, const QString &taskId)
{
    QProcess process;
    // QANBAN_HOME as well as --home: a build that ignores --home must still stay in the
    // benchmark's folder and never touch the user's board.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QANBAN_HOME"_s, home);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, {u"--home"_s, home, u"--json"_s, u"show"_s, taskId});
    if (!process.waitForFinished(runTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {false, 0, u"did not finish: %1"_s.arg(process.errorString()), {}};
    }
    RunResult result;
    result.ms = double(timer.nsecsElapsed()) / 1e6;
    result.output = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit) {
        result.problem = u"crashed"_s;
    } else if (process.exitCode() != 0) {
        result.problem = u"exit status %1: %2"_s.arg(process.exitCode())
                             .arg(QString::fromUtf8(process.readAllStandardError().trimmed()));
    } else if (!result.output.contains(taskId.toUtf8())) {
        result.problem = u"its output does not name the task (no `show` verb yet?)"_s;
    } else {
        result.ok = true;
    }
    return result;
}

} // namespace

CtlProbe::CtlProbe(const QString &program) : m_program(program) {}

CtlProbe::Timing CtlProbe::measureShow(const QString &home, const QString &taskId, int runs) const
{
    Timing timing;
    if (m_program.isEmpty()) {
        timing.skipReason = u"no qanbanctl was built with this benchmark (pass --qanbanctl PATH)"_s;
        return timing;
    }
    const QFileInfo binary(m_program);
    if (!binary.isFile() || !binary.isExecutable()) {
        timing.skipReason = u"qanbanctl not found at the configured path (pass --qanbanctl PATH)"_s;
        return timing;
    }
    // The first run checks that `show` works and warms the page cache; it is not counted.
    const RunResult probe = runOnce(m_program, home, taskId);
    if (!probe.ok) {
        timing.skipReason = u"qanbanctl show does not work yet: %1"_s.arg(probe.problem.left(200));
        return timing;
    }
    for (int run = 0; run < runs; ++run) {
        const RunResult result = runOnce(m_program, home, taskId);
        if (!result.ok) {
            timing.skipReason =
                u"qanbanctl show failed on run %1: %2"_s.arg(run + 1).arg(result.problem);
            timing.runsMs.clear();
            return timing;
        }
        timing.runsMs << result.ms;
    }
    timing.measured = true;
    return timing;
}
