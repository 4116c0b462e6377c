#pragma once

#include "boardstats.h"
#include "comment.h"
#include "event.h"
#include "run.h"
#include "task.h"

#include <QList>
#include <QMap>
#include <QString>

// The readable forms qanbanctl prints without --json: compact, one line per item, local
// times. Scripts are meant to use --json; this is for people at a terminal.
class TextFormatter final
{
public:
    // "t_0123456789ab  ready    coder  Title"
    static QString taskLine(const Task &task);
    // One aligned line per task, or "(no tasks)".
    static QString taskList(const QList<Task> &tasks);
    // Everything `show` knows about a task; parents and children are given as loaded.
    static QString taskDetails(const Task &task, const QList<Task> &parents,
                               const QList<Task> &children, const QList<Comment> &comments,
                               const QList<Run> &runs, const QList<Event> &events);
    static QString commentText(const Comment &comment);
    static QString runLine(const Run &run);
    static QString runList(const QList<Run> &runs);
    static QString eventLine(const Event &event);
    static QString eventList(const QList<Event> &events);
    static QString stats(const BoardStats &stats);
    // One line per assignee: name, whether a profile exists, non-zero counts.
    static QString assignees(const QMap<QString, QMap<QString, int>> &counts,
                             const QMap<QString, bool> &hasProfile);
    static QString time(qint64 secondsSinceEpoch);
    // "ready 2, done 1": the non-zero counts in column order.
    static QString counts(const QMap<QString, int> &byStatus);
};
