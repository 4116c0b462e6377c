#include "archivecommand.h"

#include "taskservice.h"

#include <QCoreApplication>

ArchiveCommand::ArchiveCommand(TaskService *service, const QStringList &ids, bool archive)
    : m_service(service), m_ids(ids), m_archive(archive)
{
    setText(archive ? QCoreApplication::translate("ArchiveCommand", "Archive %n card(s)", nullptr,
                                                  int(ids.size()))
                    : QCoreApplication::translate("ArchiveCommand", "Unarchive %n card(s)", nullptr,
                                                  int(ids.size())));
}

void ArchiveCommand::redo()
{
    if (m_service)
        m_service->archiveTasks(m_ids, m_archive);
}

void ArchiveCommand::undo()
{
    if (m_service)
        m_service->archiveTasks(m_ids, !m_archive);
}
