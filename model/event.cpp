#include "event.h"

QJsonObject Event::toJson() const
{
    return {
        {QStringLiteral("id"), QString::number(id)},
        {QStringLiteral("task_id"), taskId},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("payload"), payload},
        {QStringLiteral("created_at"), createdAt},
    };
}
