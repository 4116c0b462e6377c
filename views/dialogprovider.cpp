#include "dialogprovider.h"

#include <QInputDialog>
#include <QMessageBox>

std::optional<QString> WidgetDialogProvider::askNote(TaskStatus target, const QStringList &ids)
{
    const bool blocking = target == TaskStatus::Blocked;
    bool accepted = false;
    const QString text = QInputDialog::getMultiLineText(
        m_parent, blocking ? tr("Block tasks") : tr("Complete tasks"),
        (blocking ? tr("Why are these %n task(s) blocked?", nullptr, int(ids.size()))
                  : tr("Summary of the work done on %n task(s):", nullptr, int(ids.size()))),
        QString(), &accepted);
    if (!accepted || text.trimmed().isEmpty())
        return std::nullopt;
    return text.trimmed();
}

bool WidgetDialogProvider::confirmStop(const QStringList &ids)
{
    return QMessageBox::question(
               m_parent, tr("Stop workers"),
               tr("%n task(s) are running. Moving them stops their workers. Continue?",
                  nullptr, int(ids.size())),
               QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

std::optional<QString> WidgetDialogProvider::askAssignee(const QStringList &known,
                                                         const QStringList &ids)
{
    bool accepted = false;
    const QString name = QInputDialog::getItem(
        m_parent, tr("Assign tasks"),
        tr("Profile for %n task(s) (empty to unassign):", nullptr, int(ids.size())), QStringList{QString()} + known,
        0, true, &accepted);
    if (!accepted)
        return std::nullopt;
    return name.trimmed();
}
