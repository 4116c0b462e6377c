#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

// How a worker process ended, as the process layer saw it.
struct WorkerExit {
    enum class How {
        Exited,        // returned from main or called exit(); exitCode is valid
        Signalled,     // killed by a signal; signal is valid
        FailedToStart, // never ran: no such program, not executable, bad folder
    };
    // Why we stopped it, if we did.
    enum class Stop {
        None,
        Timeout,  // ran past its runtime limit
        Cancel,   // its run was closed by someone else (the operator stopped it)
        Shutdown, // the dispatcher is shutting down
    };

    How how = How::Exited;
    int exitCode = 0;
    int signal = 0;
    QString error; // FailedToStart: why
    Stop stop = Stop::None;

    QString describe() const;
};

Q_DECLARE_METATYPE(WorkerExit)

// What to record for a run once its worker has ended: the outcome of the contract and the
// kernel call it maps to. A pure function, tested without processes.
struct WorkerOutcome {
    enum class Record {
        Nothing,     // the run is already closed (the worker reported, or was cancelled)
        Failure,     // recordFailedAttempt: counts towards the failure limit
        RateLimited, // recordRateLimited: a cooldown, not a failure
        Release,     // the dispatcher shut down: back to ready, not a failure
    };

    Record record = Record::Nothing;
    QString outcome; // crashed, timed_out, protocol_violation, spawn_failed, rate_limited
    std::optional<int> exitCode;
    QString error;

    static constexpr int rateLimitedExitCode = 75; // EX_TEMPFAIL

    // runIsOpen: whether the run was still open when the worker ended. maxRuntime is the
    // limit that applied, for the timed_out message.
    static WorkerOutcome classify(const WorkerExit &exit, bool runIsOpen, int maxRuntime = 0);
};
