#pragma once

#include "result.h"

#include <QString>

// Pages each kernel command writes to the write-ahead log, next to what the raw probe's
// one-row INSERT and UPDATE write. Each page is written and fsynced by its commit, so
// these bound the write rates; unlike the rates, they are the same on a quiet and on a
// loaded machine.
class WalPageCounter final
{
public:
    struct Counts {
        double rawInsert = 0;
        double rawUpdate = 0;
        double create = 0;
        double claim = 0;
        double complete = 0;
        double heartbeat = 0;
    };

    // A fresh board in `directory`, seeded with `seedTasks` tasks; each figure is the
    // mean over `commands` commands.
    static Result<Counts> measure(const QString &directory, int seedTasks = 300,
                                  int commands = 100);
};
