#pragma once

#include "cliverb.h"

#include <QList>

// The operator's and the scripts' verbs on tasks: create, list, show, edit, move, assign,
// link, unlink, unblock, archive, unarchive, comment, runs and events.
class TaskVerbs final
{
public:
    static QList<CliVerb> verbs();
};
