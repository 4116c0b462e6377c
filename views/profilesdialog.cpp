#include "profilesdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList result;
    for (const QString &line : edit->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            result << line.trimmed();
    }
    return result;
}

std::optional<int> limit(const QSpinBox *box)
{
    return box->value() > 0 ? std::optional<int>(box->value()) : std::nullopt;
}

} // namespace

ProfilesDialog::ProfilesDialog(ProfileDirectory *directory, QWidget *parent)
    : QDialog(parent), m_directory(directory), m_list(new QListWidget(this)),
      m_name(new QLineEdit(this)), m_program(new QLineEdit(this)),
      m_arguments(new QPlainTextEdit(this)), m_environment(new QPlainTextEdit(this)),
      m_secrets(new QPlainTextEdit(this)), m_maxInProgress(new QSpinBox(this)),
      m_maxRuntime(new QSpinBox(this)), m_message(new QLabel(this))
{
    setObjectName(u"profiles-dialog"_s);
    setWindowTitle(tr("Profiles"));
    m_secretRequest = [this](const QString &profile, const QString &variable)
        -> std::optional<QString> {
        bool accepted = false;
        const QString value = QInputDialog::getText(
            this, tr("Set secret"), tr("Value of %1 for %2 (stored in the keychain):")
                                        .arg(variable, profile),
            QLineEdit::Password, QString(), &accepted);
        return accepted ? std::optional<QString>(value) : std::nullopt;
    };
    m_list->setObjectName(u"profiles-list"_s);
    m_name->setObjectName(u"profile-name"_s);
    m_program->setObjectName(u"profile-program"_s);
    m_arguments->setObjectName(u"profile-arguments"_s);
    m_environment->setObjectName(u"profile-environment"_s);
    m_secrets->setObjectName(u"profile-secrets"_s);
    m_maxInProgress->setObjectName(u"profile-max-in-progress"_s);
    m_maxRuntime->setObjectName(u"profile-max-runtime"_s);
    m_message->setObjectName(u"profiles-message"_s);
    m_message->setWordWrap(true);
    m_arguments->setPlaceholderText(tr("One argument per line; {task}, {run}, {profile} and "
                                       "{workspace} are replaced"));
    m_environment->setPlaceholderText(tr("NAME=value, one per line"));
    m_secrets->setPlaceholderText(tr("Names of secret variables, one per line"));
    for (QPlainTextEdit *edit : {m_arguments, m_environment, m_secrets})
        edit->setMaximumHeight(80);
    m_maxInProgress->setRange(0, 10000);
    m_maxInProgress->setSpecialValueText(tr("no cap"));
    m_maxRuntime->setRange(0, 7 * 24 * 3600);
    m_maxRuntime->setSuffix(tr(" s"));
    m_maxRuntime->setSpecialValueText(tr("no limit"));

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Program"), m_program);
    form->addRow(tr("Arguments"), m_arguments);
    form->addRow(tr("Environment"), m_environment);
    form->addRow(tr("Secrets"), m_secrets);
    form->addRow(tr("Workers at once"), m_maxInProgress);
    form->addRow(tr("Max runtime"), m_maxRuntime);

    auto *newButton = new QPushButton(tr("New"), this);
    auto *saveButton = new QPushButton(tr("Save"), this);
    auto *removeButton = new QPushButton(tr("Remove"), this);
    auto *secretButton = new QPushButton(tr("Set secret value…"), this);
    newButton->setObjectName(u"profile-new"_s);
    saveButton->setObjectName(u"profile-save"_s);
    removeButton->setObjectName(u"profile-remove"_s);
    secretButton->setObjectName(u"profile-set-secret"_s);
    connect(newButton, &QPushButton::clicked, this, &ProfilesDialog::newProfile);
    connect(saveButton, &QPushButton::clicked, this, &ProfilesDialog::saveProfile);
    connect(removeButton, &QPushButton::clicked, this, &ProfilesDialog::removeProfile);
    connect(secretButton, &QPushButton::clicked, this, &ProfilesDialog::setSecret);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {newButton, saveButton, removeButton, secretButton})
        buttons->addWidget(button);

    auto *editor = new QVBoxLayout;
    editor->addLayout(form);
    editor->addLayout(buttons);
    editor->addWidget(m_message);
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_list, 1);
    columns->addLayout(editor, 3);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(close);

    connect(m_list, &QListWidget::currentTextChanged, this, &ProfilesDialog::showProfile);
    reloadList();
    resize(720, 480);
}

QString ProfilesDialog::message() const
{
    return m_message->text();
}

void ProfilesDialog::say(const QString &message, bool error)
{
    m_message->setText(message);
    m_message->setStyleSheet(error ? u"color: #d9483b;"_s : QString());
}

void ProfilesDialog::reloadList(const QString &select)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    m_list->addItems(m_directory->names());
    if (!select.isEmpty())
        selectProfile(select);
    else if (m_list->count() > 0)
        selectProfile(m_list->item(0)->text());
}

void ProfilesDialog::selectProfile(const QString &name)
{
    const QList<QListWidgetItem *> found = m_list->findItems(name, Qt::MatchExactly);
    if (found.isEmpty())
        return;
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(found.constFirst());
    }
    showProfile(name);
}

void ProfilesDialog::showProfile(const QString &name)
{
    const std::optional<ProfileDirectory::Entry> entry = m_directory->entry(name);
    if (!entry)
        return;
    m_name->setText(entry->name);
    m_program->setText(entry->program);
    m_arguments->setPlainText(entry->arguments.join(u'\n'));
    m_environment->setPlainText(entry->environment.join(u'\n'));
    m_secrets->setPlainText(entry->secrets.join(u'\n'));
    m_maxInProgress->setValue(entry->maxInProgress.value_or(0));
    m_maxRuntime->setValue(entry->maxRuntime.value_or(0));
    say({});
}

void ProfilesDialog::newProfile()
{
    m_list->clearSelection();
    for (QLineEdit *edit : {m_name, m_program})
        edit->clear();
    for (QPlainTextEdit *edit : {m_arguments, m_environment, m_secrets})
        edit->clear();
    m_maxInProgress->setValue(0);
    m_maxRuntime->setValue(0);
    m_name->setFocus();
    say(tr("A new profile: give it a name and a program, then save."));
}

void ProfilesDialog::saveProfile()
{
    ProfileDirectory::Entry entry{m_name->text().trimmed(), m_program->text().trimmed(),
                                  lines(m_arguments), lines(m_environment), lines(m_secrets),
                                  limit(m_maxInProgress), limit(m_maxRuntime)};
    const QString error = m_directory->save(entry);
    if (!error.isEmpty()) {
        say(error, true);
        return;
    }
    reloadList(entry.name);
    say(tr("Saved %1.").arg(entry.name));
}

void ProfilesDialog::removeProfile()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return;
    const QString error = m_directory->remove(name);
    if (!error.isEmpty()) {
        say(error, true);
        return;
    }
    reloadList();
    say(tr("Removed %1.").arg(name));
}

void ProfilesDialog::setSecret()
{
    const QString profile = m_name->text().trimmed();
    const QStringList names = lines(m_secrets);
    if (profile.isEmpty() || names.isEmpty()) {
        say(tr("List the secret's name under Secrets and save the profile first."), true);
        return;
    }
    QString variable = names.constFirst();
    if (names.size() > 1) {
        bool accepted = false;
        variable = QInputDialog::getItem(this, tr("Set secret"), tr("Which secret?"), names, 0,
                                         false, &accepted);
        if (!accepted)
            return;
    }
    const std::optional<QString> value = m_secretRequest(profile, variable);
    if (!value)
        return;
    say(tr("Storing %1 in the keychain…").arg(variable));
    QPointer<ProfilesDialog> self(this);
    m_directory->setSecret(profile, variable, *value, [self, profile, variable](const QString &error) {
        if (!self)
            return;
        if (!error.isEmpty()) {
            self->say(error, true);
            return;
        }
        self->say(tr("%1 is stored in the keychain.").arg(variable));
        Q_EMIT self->secretStored(profile, variable);
    });
}
