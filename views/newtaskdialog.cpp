#include "newtaskdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

NewTaskDialog::NewTaskDialog(const QStringList &knownAssignees, QWidget *parent)
    : QDialog(parent), m_title(new QLineEdit(this)), m_body(new QPlainTextEdit(this)),
      m_assignee(new QComboBox(this)), m_parents(new QLineEdit(this)),
      m_tenant(new QLineEdit(this)), m_priority(new QSpinBox(this)),
      m_triage(new QCheckBox(tr("Start in triage (not dispatched until moved out)"), this))
{
    setObjectName(u"new-task-dialog"_s);
    setWindowTitle(tr("New task"));
    m_title->setObjectName(u"new-task-title"_s);
    m_body->setPlaceholderText(tr("Markdown"));
    m_assignee->setEditable(true);
    m_assignee->addItem(QString());
    m_assignee->addItems(knownAssignees);
    m_parents->setPlaceholderText(tr("task ids, separated by spaces"));
    m_priority->setRange(-1000, 1000);

    auto *form = new QFormLayout;
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Description"), m_body);
    form->addRow(tr("Assignee"), m_assignee);
    form->addRow(tr("Parents"), m_parents);
    form->addRow(tr("Tenant"), m_tenant);
    form->addRow(tr("Priority"), m_priority);
    form->addRow(QString(), m_triage);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Create"));
    ok->setEnabled(false);
    connect(m_title, &QLineEdit::textChanged, ok,
            [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(520, 420);
}

NewTask NewTaskDialog::task() const
{
    NewTask spec;
    spec.title = m_title->text().trimmed();
    spec.body = m_body->toPlainText();
    spec.assignee = m_assignee->currentText().trimmed();
    spec.parents = m_parents->text().split(QRegularExpression(u"[\\s,]+"_s), Qt::SkipEmptyParts);
    spec.tenant = m_tenant->text().trimmed();
    spec.priority = m_priority->value();
    spec.triage = m_triage->isChecked();
    return spec;
}
