#pragma once

#include <QPointer>
#include <QStringList>
#include <QUndoCommand>

class TaskService;

// Archiving cards (or bringing them back) on the undo stack.
class ArchiveCommand final : public QUndoCommand
{
public:
    ArchiveCommand(TaskService *service, const QStringList &ids, bool archive);

    void redo() override;
    void undo() override;

private:
    QPointer<TaskService> m_service;
    QStringList m_ids;
    bool m_archive;
};
