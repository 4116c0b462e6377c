#include "taskstatus.h"

#include <QStringList>

namespace TaskStatuses {

QString toString(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Triage: return QStringLiteral("triage");
    case TaskStatus::Todo: return QStringLiteral("todo");
    case TaskStatus::Ready: return QStringLiteral("ready");
    case TaskStatus::Running: return QStringLiteral("running");
    case TaskStatus::Blocked: return QStringLiteral("blocked");
    case TaskStatus::Done: return QStringLiteral("done");
    }
    return {};
}

std::optional<TaskStatus> fromString(const QString &name)
{
    // Runs for every row read; all() would allocate a list each time.
    for (int value = 0; value < count; ++value) {
        const auto status = static_cast<TaskStatus>(value);
        if (toString(status) == name)
            return status;
    }
    return std::nullopt;
}

QList<TaskStatus> all()
{
    return {TaskStatus::Triage, TaskStatus::Todo,    TaskStatus::Ready,
            TaskStatus::Running, TaskStatus::Blocked, TaskStatus::Done};
}

QString sqlLiteral(TaskStatus status)
{
    return u'\'' + toString(status) + u'\'';
}

QString allNames()
{
    QStringList names;
    for (TaskStatus status : all())
        names << toString(status);
    return names.join(QStringLiteral(", "));
}

} // namespace TaskStatuses
