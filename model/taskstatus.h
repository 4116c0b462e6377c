#pragma once

#include <QList>
#include <QString>

#include <optional>

// The six columns of the board. The integer values are the column order on the board;
// the strings are the stable names stored in the database and used on the command line.
enum class TaskStatus { Triage = 0, Todo, Ready, Running, Blocked, Done };

namespace TaskStatuses {
inline constexpr int count = 6;
QString toString(TaskStatus status);
std::optional<TaskStatus> fromString(const QString &name);
QList<TaskStatus> all();
QString allNames(); // "triage, todo, ready, running, blocked, done" for messages
// The name as an SQL string literal ('ready'). Queries spell a status out rather than
// bind it: SQLite can match a bound status to the partial status index only by
// preparing the statement again whenever the status bound to it changes.
QString sqlLiteral(TaskStatus status);
}
