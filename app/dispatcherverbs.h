#pragma once

#include "cliverb.h"

#include <QList>

// The dispatcher's verbs: dispatch, and profile add/list/show/remove and profile secret
// set/remove. The work is done by dispatcher/ (DispatchCommand, ProfileCommand); this is
// the table entry, the parse of the options and the output.
namespace DispatcherVerbs {
QList<CliVerb> verbs();
}
