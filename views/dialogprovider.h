#pragma once

#include "taskstatus.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

class QWidget;

// The questions the board asks the operator in the middle of an action. Views ask
// through this interface, so tests answer without a modal dialog ever opening.
class DialogProvider
{
public:
    virtual ~DialogProvider() = default;

    // The block reason (target Blocked) or completion summary (target Done); nullopt
    // when the operator cancels.
    virtual std::optional<QString> askNote(TaskStatus target, const QStringList &ids) = 0;
    // Whether to stop the workers of running cards being moved out of Running.
    virtual bool confirmStop(const QStringList &ids) = 0;
    // The profile to assign the cards to ("" unassigns); nullopt when cancelled.
    virtual std::optional<QString> askAssignee(const QStringList &known,
                                               const QStringList &ids) = 0;
};

// The real questions, as modal dialogs over `parent`.
class WidgetDialogProvider final : public DialogProvider
{
    // Not a QObject, but its questions are translated under its own context.
    Q_DECLARE_TR_FUNCTIONS(WidgetDialogProvider)

public:
    explicit WidgetDialogProvider(QWidget *parent) : m_parent(parent) {}

    std::optional<QString> askNote(TaskStatus target, const QStringList &ids) override;
    bool confirmStop(const QStringList &ids) override;
    std::optional<QString> askAssignee(const QStringList &known, const QStringList &ids) override;

private:
    QWidget *m_parent;
};
