#include "workeroutcome.h"

#include "processtools.h"

using namespace Qt::StringLiterals;

QString WorkerExit::describe() const
{
    switch (how) {
    case How::Exited:
        return u"exited with code %1"_s.arg(exitCode);
    case How::Signalled:
        return u"killed by %1"_s.arg(ProcessTools::signalName(signal));
    case How::FailedToStart:
        return u"failed to start: %1"_s.arg(error);
    }
    return {};
}

WorkerOutcome WorkerOutcome::classify(const WorkerExit &exit, bool runIsOpen, int maxRuntime)
{
    WorkerOutcome result;
    if (!runIsOpen)
        return result;
    if (exit.how == WorkerExit::How::FailedToStart) {
        result.record = Record::Failure;
        result.outcome = u"spawn_failed"_s;
        result.error = u"cannot start the worker: %1"_s.arg(exit.error);
        return result;
    }
    if (exit.how == WorkerExit::How::Exited)
        result.exitCode = exit.exitCode;
    switch (exit.stop) {
    case WorkerExit::Stop::Timeout:
        result.record = Record::Failure;
        result.outcome = u"timed_out"_s;
        result.error = maxRuntime > 0
            ? u"ran longer than its limit of %1 s and was stopped (%2)"_s.arg(maxRuntime)
                  .arg(exit.describe())
            : u"ran longer than its limit and was stopped (%1)"_s.arg(exit.describe());
        return result;
    case WorkerExit::Stop::Shutdown:
        result.record = Record::Release;
        result.error = u"the dispatcher shut down; the worker was stopped"_s;
        return result;
    case WorkerExit::Stop::Cancel:
        return result; // the run was closed by whoever cancelled it
    case WorkerExit::Stop::None:
        break;
    }
    if (exit.how == WorkerExit::How::Signalled) {
        result.record = Record::Failure;
        result.outcome = u"crashed"_s;
        result.error = exit.describe();
        return result;
    }
    if (exit.exitCode == 0) {
        result.record = Record::Failure;
        result.outcome = u"protocol_violation"_s;
        result.error = u"exited with code 0 without calling qanbanctl complete or block"_s;
        return result;
    }
    if (exit.exitCode == rateLimitedExitCode) {
        result.record = Record::RateLimited;
        result.outcome = u"rate_limited"_s;
        result.error = u"exited with code 75: rate limited"_s;
        return result;
    }
    result.record = Record::Failure;
    result.outcome = u"crashed"_s;
    result.error = exit.describe();
    return result;
}
