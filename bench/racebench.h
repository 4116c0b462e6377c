#pragma once

#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

// Several processes claiming and completing the tasks of one board at once: this
// binary re-invoked in its hidden `--race-worker` mode (see RaceWorker). Start-up is
// not timed: the clock starts when every worker has opened the board and is told to
// go, and stops when the last one reports that no task is left.
class RaceBench final
{
public:
    struct Outcome {
        double seconds = 0;
        int completed = 0;
        int lostClaims = 0;
        int errors = 0;
        QStringList errorMessages;
        QStringList completedIds; // every worker's, concatenated
        QList<int> perWorker;     // tasks completed by each worker
    };

    RaceBench(const QString &program, const QString &databasePath, int workers);

    // An Error only when the race could not be run (a worker failed to start, crashed
    // or never reported); worker errors during the race are counted in the Outcome.
    Result<Outcome> run();

private:
    QString m_program;
    QString m_databasePath;
    int m_workers;
};
