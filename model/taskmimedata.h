#pragma once

#include <QStringList>

class QMimeData;

// The board's drag payload: task ids under one vendor MIME type, versioned, so a drag can
// cross views and processes and never carries a pointer or a model index.
namespace TaskMimeData {

inline constexpr char mimeType[] = "application/x-qanban-task-ids";

QMimeData *encode(const QStringList &taskIds);
// Empty when the data is not ours, of an unknown version, or malformed.
QStringList decode(const QMimeData *data);

} // namespace TaskMimeData
