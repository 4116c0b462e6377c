#pragma once

#include "comment.h"
#include "event.h"
#include "run.h"
#include "task.h"

#include <QList>
#include <QMetaType>

#include <optional>

// What a card on the board shows: the task, plus what the board reads next to it in the
// same pass (its comment count and its open run).
struct BoardCard {
    Task task;
    int commentCount = 0;
    std::optional<Run> openRun;
};

// The history the task drawer shows, read in one go off the GUI thread.
struct TaskHistory {
    Task task;
    QList<Comment> comments;
    QList<Run> runs;
    QList<Event> events;
};

Q_DECLARE_METATYPE(BoardCard)
Q_DECLARE_METATYPE(TaskHistory)
