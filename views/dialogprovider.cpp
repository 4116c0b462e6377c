#include "dialogprovider.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QMessageBox>

namespace {
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("DialogProvider", text, nullptr, n);
}
}

std::optional<QString> WidgetDialogProvider::askNote(TaskStatus target, const QStringList &ids)
{
    const bool blocking = target == TaskStatus::Blocked;
    bool accepted = false;
    const QString text = QInputDialog::getMultiLineText(
        m_parent, blocking ? tr("Block tasks") : tr("Complete tasks"),
        (blocking ? tr("Why are these %n task(s) blocked?", int(ids.size()))
                  : tr("Summary of the work done on %n task(s):", int(ids.size()))),
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
                  int(ids.size())),
               QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}
