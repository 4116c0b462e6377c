#pragma once

#include "cliverb.h"

#include <QList>

// The verbs about the board as a whole: init, tail, stats, assignees and gc.
class BoardVerbs final
{
public:
    static QList<CliVerb> verbs();
};
