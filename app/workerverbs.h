#pragma once

#include "cliverb.h"

#include <QList>

// The worker protocol's verbs: claim, heartbeat, complete, block and context. A worker
// started by the dispatcher finds its run in QANBAN_RUN, so complete and block close only
// the attempt they belong to.
class WorkerVerbs final
{
public:
    static QList<CliVerb> verbs();
};
