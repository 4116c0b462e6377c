#include "edittaskcommand.h"

#include "taskservice.h"

#include <QCoreApplication>

EditTaskCommand::EditTaskCommand(TaskService *service, const QString &taskId,
                                 const Values &after, const Values &before)
    : m_service(service), m_taskId(taskId), m_after(after), m_before(before)
{
    setText(QCoreApplication::translate("EditTaskCommand", "Edit %1").arg(taskId));
}

void EditTaskCommand::redo()
{
    apply(m_after);
}

void EditTaskCommand::undo()
{
    apply(m_before);
}

void EditTaskCommand::apply(const Values &values)
{
    if (!m_service)
        return;
    if (!values.edit.isEmpty())
        m_service->editTask(m_taskId, values.edit);
    if (values.assignee)
        m_service->assignTasks({m_taskId}, *values.assignee);
}
