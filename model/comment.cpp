#include "comment.h"

QJsonObject Comment::toJson() const
{
    return {
        {QStringLiteral("id"), QString::number(id)},
        {QStringLiteral("task_id"), taskId},
        {QStringLiteral("author"), author},
        {QStringLiteral("body"), body},
        {QStringLiteral("created_at"), createdAt},
    };
}
