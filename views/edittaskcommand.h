#pragma once

#include "taskstore.h"

#include <QPointer>
#include <QUndoCommand>

class TaskService;

// An operator's edit of a task's fields (and assignee) on the undo stack: redo applies
// the new values, undo the old ones.
class EditTaskCommand final : public QUndoCommand
{
public:
    struct Values {
        TaskEdit edit;
        std::optional<QString> assignee;
    };

    EditTaskCommand(TaskService *service, const QString &taskId, const Values &after,
                    const Values &before);

    void redo() override;
    void undo() override;

private:
    void apply(const Values &values);

    QPointer<TaskService> m_service;
    QString m_taskId;
    Values m_after;
    Values m_before;
};
