#pragma once

#include "taskstatus.h"

#include <QString>

#include <optional>

// Which tasks a listing shows. Archived tasks appear only when asked for.
struct TaskFilter {
    std::optional<TaskStatus> status;
    QString assignee;
    QString tenant;
    bool archivedOnly = false;
    bool includeArchived = false;
};
