#pragma once

#include "taskstore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

// The full form for a new task: title, markdown body, assignee (a known profile or free
// text), parents, tenant, priority, and whether it starts in triage.
class NewTaskDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewTaskDialog)

public:
    explicit NewTaskDialog(const QStringList &knownAssignees, QWidget *parent = nullptr);

    NewTask task() const;

private:
    QLineEdit *m_title;
    QPlainTextEdit *m_body;
    QComboBox *m_assignee;
    QLineEdit *m_parents;
    QLineEdit *m_tenant;
    QSpinBox *m_priority;
    QCheckBox *m_triage;
};
