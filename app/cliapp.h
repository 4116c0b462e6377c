#pragma once

#include "cliverb.h"

#include <QList>
#include <QString>
#include <QStringList>

// qanbanctl's front: the verb table, the parse of one command line against it, and the run
// of the chosen verb. The verbs come from elsewhere as plain table entries (addVerbs), so
// the dispatcher's verbs plug in the same way as the board's.
class CliApp final
{
public:
    CliApp();
    Q_DISABLE_COPY_MOVE(CliApp) // the help verb refers back to this table

    void addVerbs(const QList<CliVerb> &verbs);
    const QList<CliVerb> &verbs() const { return m_verbs; }

    // Runs one call; arguments exclude the program name. Returns the exit status.
    int run(const QStringList &arguments);

private:
    QString helpText(const CliVerb *verb) const;

    QList<CliVerb> m_verbs;
};
