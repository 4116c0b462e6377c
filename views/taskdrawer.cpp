#include "taskdrawer.h"

#include "boardmodel.h"
#include "runlogview.h"
#include "taskservice.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString formatTime(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 60)
        return TaskDrawer::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return TaskDrawer::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return TaskDrawer::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

// The status as the column headers name it (the same messages), not the kernel's key.
QString statusText(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Triage: return BoardModel::tr("Triage");
    case TaskStatus::Todo: return BoardModel::tr("Todo");
    case TaskStatus::Ready: return BoardModel::tr("Ready");
    case TaskStatus::Running: return BoardModel::tr("Running");
    case TaskStatus::Blocked: return BoardModel::tr("Blocked");
    case TaskStatus::Done: return BoardModel::tr("Done");
    }
    return {};
}

QString userName()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? u"operator"_s : user;
}

} // namespace

TaskDrawer::TaskDrawer(TaskService *service, QWidget *parent)
    : QWidget(parent), m_service(service), m_saveTimer(new QTimer(this)),
      m_heading(new QLabel(this)), m_title(new QLineEdit(this)), m_status(new QLabel(this)),
      m_assignee(new QLineEdit(this)), m_tenant(new QLineEdit(this)),
      m_priority(new QSpinBox(this)), m_details(new QLabel(this)),
      m_bodyStack(new QStackedWidget(this)), m_bodyView(new QTextBrowser(this)),
      m_bodyEdit(new QPlainTextEdit(this)), m_bodyToggle(new QPushButton(tr("Edit"), this)),
      m_tabs(new QTabWidget(this)), m_comments(new QTextBrowser(this)),
      m_newComment(new QPlainTextEdit(this)), m_runs(new QTreeWidget(this)),
      m_log(new RunLogView(this)), m_events(new QTreeWidget(this)),
      m_parents(new QListWidget(this)), m_children(new QListWidget(this)),
      m_newParent(new QLineEdit(this)), m_newChild(new QLineEdit(this)),
      m_moveTo(new QComboBox(this)), m_skills(new QLineEdit(this)),
      m_workspaceKind(new QComboBox(this)), m_workspacePath(new QLineEdit(this))
{
    setObjectName(u"task-drawer"_s);
    setAccessibleName(tr("Task drawer"));
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(700);
    connect(m_saveTimer, &QTimer::timeout, this, &TaskDrawer::saveDirtyFields);

    m_heading->setObjectName(u"drawer-heading"_s);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setObjectName(u"drawer-title"_s);
    m_title->setAccessibleName(tr("Title"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_assignee->setObjectName(u"drawer-assignee"_s);
    m_assignee->setPlaceholderText(tr("unassigned"));
    m_tenant->setObjectName(u"drawer-tenant"_s);
    m_tenant->setPlaceholderText(tr("none"));
    m_priority->setObjectName(u"drawer-priority"_s);
    m_priority->setRange(-1000, 1000);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_moveTo->setObjectName(u"drawer-move-to"_s);
    m_moveTo->setAccessibleName(tr("Move to column"));
    m_moveTo->addItem(tr("Move to…"));
    for (TaskStatus status : TaskStatuses::all()) {
        if (status != TaskStatus::Running)
            m_moveTo->addItem(statusText(status), int(status));
    }
    connect(m_moveTo, &QComboBox::activated, this, [this](int index) {
        const QVariant status = m_moveTo->itemData(index);
        m_moveTo->setCurrentIndex(0);
        if (status.isValid() && !m_taskId.isEmpty())
            Q_EMIT moveRequested(m_taskId, TaskStatus(status.toInt()));
    });
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_moveTo);
    m_skills->setObjectName(u"drawer-skills"_s);
    m_skills->setPlaceholderText(tr("none (names, separated by commas)"));
    m_workspaceKind->setObjectName(u"drawer-workspace-kind"_s);
    m_workspaceKind->addItems({u"scratch"_s, u"dir"_s, u"worktree"_s});
    m_workspacePath->setObjectName(u"drawer-workspace-path"_s);
    m_workspacePath->setPlaceholderText(tr("made by the board"));
    auto *workspaceRow = new QHBoxLayout;
    workspaceRow->addWidget(m_workspaceKind);
    workspaceRow->addWidget(m_workspacePath, 1);

    auto *form = new QFormLayout;
    form->addRow(tr("Status"), statusRow);
    form->addRow(tr("Assignee"), m_assignee);
    form->addRow(tr("Tenant"), m_tenant);
    form->addRow(tr("Priority"), m_priority);
    form->addRow(tr("Skills"), m_skills);
    form->addRow(tr("Workspace"), workspaceRow);
    form->addRow(tr("Details"), m_details);

    m_bodyView->setObjectName(u"drawer-body"_s);
    m_bodyView->setOpenExternalLinks(true);
    m_bodyEdit->setObjectName(u"drawer-body-edit"_s);
    m_bodyEdit->setPlaceholderText(tr("Describe the task in Markdown…"));
    m_bodyStack->addWidget(m_bodyView);
    m_bodyStack->addWidget(m_bodyEdit);
    m_bodyToggle->setCheckable(true);
    m_bodyToggle->setObjectName(u"drawer-body-toggle"_s);
    connect(m_bodyToggle, &QPushButton::toggled, this, &TaskDrawer::setBodyEditing);

    // Comments
    auto *commentsPage = new QWidget(this);
    auto *commentsLayout = new QVBoxLayout(commentsPage);
    m_comments->setObjectName(u"drawer-comments"_s);
    m_newComment->setObjectName(u"drawer-new-comment"_s);
    m_newComment->setPlaceholderText(tr("Add a comment (Ctrl+Enter)…"));
    m_newComment->setMaximumHeight(70);
    auto *addComment = new QPushButton(tr("Comment"), commentsPage);
    addComment->setObjectName(u"drawer-add-comment"_s);
    connect(addComment, &QPushButton::clicked, this, &TaskDrawer::addComment);
    commentsLayout->addWidget(m_comments, 1);
    commentsLayout->addWidget(m_newComment);
    commentsLayout->addWidget(addComment, 0, Qt::AlignRight);

    // Runs and their logs
    auto *runsPage = new QSplitter(Qt::Vertical, this);
    m_runs->setObjectName(u"drawer-runs"_s);
    m_runs->setHeaderLabels({tr("Run"), tr("Outcome"), tr("Started"), tr("Duration"), tr("Exit"),
                             tr("PID")});
    m_runs->setRootIsDecorated(false);
    m_runs->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_runs, &QTreeWidget::currentItemChanged, this, &TaskDrawer::showSelectedRunLog);
    runsPage->addWidget(m_runs);
    runsPage->addWidget(m_log);

    // Events
    m_events->setObjectName(u"drawer-events"_s);
    m_events->setHeaderLabels({tr("Time"), tr("Event"), tr("Details")});
    m_events->setRootIsDecorated(false);
    m_events->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    // Dependencies
    auto *dependencies = new QWidget(this);
    auto *dependencyLayout = new QVBoxLayout(dependencies);
    m_parents->setObjectName(u"drawer-parents"_s);
    m_children->setObjectName(u"drawer-children"_s);
    m_newParent->setObjectName(u"drawer-new-parent"_s);
    m_newParent->setPlaceholderText(tr("Parent task id"));
    auto *addParent = new QPushButton(tr("Add parent"), dependencies);
    auto *removeParent = new QPushButton(tr("Remove parent"), dependencies);
    connect(addParent, &QPushButton::clicked, this, &TaskDrawer::addParent);
    connect(m_newParent, &QLineEdit::returnPressed, this, &TaskDrawer::addParent);
    connect(removeParent, &QPushButton::clicked, this, &TaskDrawer::removeSelectedParent);
    auto *parentRow = new QHBoxLayout;
    parentRow->addWidget(m_newParent, 1);
    parentRow->addWidget(addParent);
    parentRow->addWidget(removeParent);
    dependencyLayout->addWidget(new QLabel(tr("Waits for (parents)"), dependencies));
    dependencyLayout->addWidget(m_parents);
    dependencyLayout->addLayout(parentRow);
    dependencyLayout->addWidget(new QLabel(tr("Unblocks (children)"), dependencies));
    dependencyLayout->addWidget(m_children);
    m_newChild->setObjectName(u"drawer-new-child"_s);
    m_newChild->setPlaceholderText(tr("Child task id"));
    auto *addChild = new QPushButton(tr("Add child"), dependencies);
    auto *removeChild = new QPushButton(tr("Remove child"), dependencies);
    connect(addChild, &QPushButton::clicked, this, &TaskDrawer::addChild);
    connect(m_newChild, &QLineEdit::returnPressed, this, &TaskDrawer::addChild);
    connect(removeChild, &QPushButton::clicked, this, &TaskDrawer::removeSelectedChild);
    auto *childRow = new QHBoxLayout;
    childRow->addWidget(m_newChild, 1);
    childRow->addWidget(addChild);
    childRow->addWidget(removeChild);
    dependencyLayout->addLayout(childRow);

    m_tabs->setObjectName(u"drawer-tabs"_s);
    m_tabs->addTab(commentsPage, tr("Comments"));
    m_tabs->addTab(runsPage, tr("Runs"));
    m_tabs->addTab(m_events, tr("Events"));
    m_tabs->addTab(dependencies, tr("Dependencies"));

    auto *bodyHeader = new QHBoxLayout;
    bodyHeader->addWidget(new QLabel(tr("Description"), this));
    bodyHeader->addStretch(1);
    bodyHeader->addWidget(m_bodyToggle);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_heading);
    topLayout->addWidget(m_title);
    topLayout->addLayout(form);
    topLayout->addLayout(bodyHeader);
    topLayout->addWidget(m_bodyStack, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_title, &QLineEdit::textEdited, this, [this] { markDirty(Field::Title); });
    connect(m_assignee, &QLineEdit::textEdited, this, [this] { markDirty(Field::Assignee); });
    connect(m_tenant, &QLineEdit::textEdited, this, [this] { markDirty(Field::Tenant); });
    connect(m_skills, &QLineEdit::textEdited, this, [this] { markDirty(Field::Skills); });
    connect(m_workspacePath, &QLineEdit::textEdited, this, [this] { markDirty(Field::Workspace); });
    connect(m_workspaceKind, &QComboBox::activated, this, [this] {
        m_workspacePath->setEnabled(m_workspaceKind->currentText() != "scratch"_L1);
        markDirty(Field::Workspace);
    });
    connect(m_priority, &QSpinBox::valueChanged, this, [this] {
        if (m_priority->hasFocus())
            markDirty(Field::Priority);
    });
    connect(m_bodyEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_bodyEdit->hasFocus())
            markDirty(Field::Body);
    });
    for (QLineEdit *edit : {m_title, m_assignee, m_tenant, m_skills, m_workspacePath})
        connect(edit, &QLineEdit::editingFinished, this, &TaskDrawer::saveDirtyFields);

    connect(m_service, &TaskService::historyLoaded, this, &TaskDrawer::onHistoryLoaded);
    connect(m_service, &TaskService::tasksChanged, this, &TaskDrawer::onTasksChanged);
    setEnabled(false);
    m_heading->setText(tr("Select a card to see its story."));
}

TaskDrawer::~TaskDrawer()
{
    // Closing the window moves the focus out of an edit, which would call back into this
    // half-destroyed drawer: save what is pending now, then stop listening.
    saveDirtyFields();
    for (QWidget *edit : std::initializer_list<QWidget *>{m_title, m_assignee, m_tenant, m_priority,
                                                          m_bodyEdit, m_skills, m_workspacePath,
                                                          m_workspaceKind})
        disconnect(edit, nullptr, this, nullptr);
}

void TaskDrawer::setAutoSaveDelay(int ms)
{
    m_saveTimer->setInterval(ms);
}

void TaskDrawer::showTask(const QString &id)
{
    if (id == m_taskId && m_loaded)
        return;
    saveDirtyFields();
    m_taskId = id;
    m_loaded = false;
    m_dirty.clear();
    m_bodyToggle->setChecked(false);
    if (!id.isEmpty())
        m_service->loadHistory(id);
}

void TaskDrawer::onTasksChanged(const QStringList &ids)
{
    if (!m_taskId.isEmpty() && ids.contains(m_taskId))
        m_service->loadHistory(m_taskId);
}

void TaskDrawer::onHistoryLoaded(const TaskHistory &history)
{
    if (history.task.id != m_taskId)
        return;
    const bool sameTask = m_loaded && m_history.task.id == history.task.id;
    const qint64 selectedRun = m_runs->currentItem()
        ? m_runs->currentItem()->data(0, Qt::UserRole).toLongLong()
        : 0;
    m_history = history;
    m_loaded = true;
    setEnabled(true);
    fillFields(history.task);
    fillComments();
    fillRuns();
    fillEvents();
    fillDependencies();
    if (sameTask && selectedRun > 0) {
        for (int i = 0; i < m_runs->topLevelItemCount(); ++i) {
            if (m_runs->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == selectedRun) {
                const QSignalBlocker blocker(m_runs);
                m_runs->setCurrentItem(m_runs->topLevelItem(i));
            }
        }
    }
    Q_EMIT historyShown(history.task.id);
}

void TaskDrawer::fillFields(const Task &task)
{
    // A field the operator is editing keeps what they typed.
    auto keeps = [this](Field field, QWidget *widget) {
        return m_dirty.contains(field) || widget->hasFocus();
    };
    m_heading->setText(u"%1 · %2"_s.arg(task.id, statusText(task.status)));
    if (!keeps(Field::Title, m_title))
        m_title->setText(task.title);
    if (!keeps(Field::Assignee, m_assignee))
        m_assignee->setText(task.assignee);
    if (!keeps(Field::Tenant, m_tenant))
        m_tenant->setText(task.tenant);
    if (!keeps(Field::Priority, m_priority)) {
        const QSignalBlocker blocker(m_priority);
        m_priority->setValue(task.priority);
    }
    if (!keeps(Field::Skills, m_skills))
        m_skills->setText(task.skills.join(u", "_s));
    if (!keeps(Field::Workspace, m_workspacePath) && !keeps(Field::Workspace, m_workspaceKind)) {
        m_workspaceKind->setCurrentText(task.workspaceKind);
        m_workspacePath->setText(task.workspacePath);
        m_workspacePath->setEnabled(task.workspaceKind != "scratch"_L1);
    }
    if (!keeps(Field::Body, m_bodyEdit)) {
        const QSignalBlocker blocker(m_bodyEdit);
        m_bodyEdit->setPlainText(task.body);
    }
    m_bodyView->setMarkdown(task.body.isEmpty() ? tr("*No description.*") : task.body);
    QString status = statusText(task.status);
    if (task.archived)
        status += tr(" (archived)");
    if (task.status == TaskStatus::Blocked && !task.blockReason.isEmpty())
        status += u" — "_s + task.blockReason;
    m_status->setText(status);
    QStringList details;
    if (task.consecutiveFailures > 0)
        details << tr("failures in a row: %1").arg(task.consecutiveFailures);
    if (task.maxRetries)
        details << tr("max retries: %1").arg(*task.maxRetries);
    if (task.maxRuntime)
        details << tr("max runtime: %1").arg(formatDuration(*task.maxRuntime));
    if (!task.summary.isEmpty())
        details << tr("summary: %1").arg(task.summary);
    if (!task.result.isEmpty())
        details << tr("result: %1").arg(task.result);
    details << tr("created %1").arg(formatTime(task.createdAt));
    m_details->setText(details.join(u'\n'));
}

void TaskDrawer::fillComments()
{
    QString markdown;
    for (const Comment &comment : std::as_const(m_history.comments)) {
        markdown += u"**%1** · %2\n\n%3\n\n---\n\n"_s.arg(comment.author,
                                                          formatTime(comment.createdAt),
                                                          comment.body);
    }
    m_comments->setMarkdown(markdown.isEmpty() ? tr("*No comments yet.*") : markdown);
    m_tabs->setTabText(0, tr("Comments (%1)").arg(m_history.comments.size()));
}

void TaskDrawer::fillRuns()
{
    const QSignalBlocker blocker(m_runs);
    m_runs->clear();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const Run &run : std::as_const(m_history.runs)) {
        auto *item = new QTreeWidgetItem(m_runs);
        item->setData(0, Qt::UserRole, run.id);
        item->setText(0, QString::number(run.id));
        item->setText(1, run.isOpen() ? tr("running") : run.outcome);
        item->setText(2, formatTime(run.startedAt));
        item->setText(3, formatDuration(run.endedAt.value_or(now) - run.startedAt));
        item->setText(4, run.exitCode ? QString::number(*run.exitCode) : QString());
        item->setText(5, run.pid ? QString::number(*run.pid) : QString());
        if (!run.error.isEmpty())
            item->setToolTip(1, run.error);
    }
    m_tabs->setTabText(1, tr("Runs (%1)").arg(m_history.runs.size()));
    if (m_runs->topLevelItemCount() > 0 && !m_runs->currentItem()) {
        m_runs->setCurrentItem(m_runs->topLevelItem(m_runs->topLevelItemCount() - 1));
        showSelectedRunLog();
    } else if (m_runs->topLevelItemCount() == 0) {
        m_log->clearLog();
    }
}

void TaskDrawer::showSelectedRunLog()
{
    QTreeWidgetItem *item = m_runs->currentItem();
    if (!item) {
        m_log->clearLog();
        return;
    }
    const qint64 runId = item->data(0, Qt::UserRole).toLongLong();
    for (const Run &run : std::as_const(m_history.runs)) {
        if (run.id == runId) {
            if (run.logPath != m_log->path())
                m_log->showLog(run.logPath, run.isOpen());
            return;
        }
    }
}

void TaskDrawer::fillEvents()
{
    m_events->clear();
    for (const Event &event : std::as_const(m_history.events)) {
        auto *item = new QTreeWidgetItem(m_events);
        item->setText(0, formatTime(event.createdAt));
        item->setText(1, event.kind);
        item->setText(2, QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact)));
    }
    m_events->scrollToBottom();
    m_tabs->setTabText(2, tr("Events (%1)").arg(m_history.events.size()));
}

void TaskDrawer::fillDependencies()
{
    m_parents->clear();
    m_parents->addItems(m_history.task.parents);
    m_children->clear();
    m_children->addItems(m_history.task.children);
}

void TaskDrawer::setBodyEditing(bool editing)
{
    m_bodyStack->setCurrentWidget(editing ? static_cast<QWidget *>(m_bodyEdit) : m_bodyView);
    m_bodyToggle->setText(editing ? tr("Done") : tr("Edit"));
    if (editing)
        m_bodyEdit->setFocus();
    else
        saveDirtyFields();
}

void TaskDrawer::markDirty(Field field)
{
    m_dirty.insert(field);
    m_saveTimer->start();
}

void TaskDrawer::saveDirtyFields()
{
    m_saveTimer->stop();
    if (m_dirty.isEmpty() || m_taskId.isEmpty())
        return;
    const Task &shown = m_history.task;
    EditTaskCommand::Values after;
    EditTaskCommand::Values before;
    if (m_dirty.contains(Field::Title)) {
        after.edit.title = m_title->text();
        before.edit.title = shown.title;
    }
    if (m_dirty.contains(Field::Tenant)) {
        after.edit.tenant = m_tenant->text();
        before.edit.tenant = shown.tenant;
    }
    if (m_dirty.contains(Field::Priority)) {
        after.edit.priority = m_priority->value();
        before.edit.priority = shown.priority;
    }
    if (m_dirty.contains(Field::Body)) {
        after.edit.body = m_bodyEdit->toPlainText();
        before.edit.body = shown.body;
    }
    if (m_dirty.contains(Field::Skills)) {
        after.edit.skills = m_skills->text().split(u',', Qt::SkipEmptyParts);
        before.edit.skills = shown.skills;
    }
    if (m_dirty.contains(Field::Workspace)) {
        const QString kind = m_workspaceKind->currentText();
        // A scratch workspace's folder is the board's business: no path goes with it.
        const QString path = kind == "scratch"_L1 ? QString() : m_workspacePath->text().trimmed();
        if (kind != shown.workspaceKind || (kind != "scratch"_L1 && path != shown.workspacePath)) {
            after.edit.workspaceKind = kind;
            after.edit.workspacePath = path;
            before.edit.workspaceKind = shown.workspaceKind;
            before.edit.workspacePath = shown.workspacePath;
        }
    }
    if (m_dirty.contains(Field::Assignee)) {
        after.assignee = m_assignee->text().trimmed();
        before.assignee = shown.assignee;
    }
    m_dirty.clear();
    if (m_editRecorder) {
        m_editRecorder(m_taskId, after, before);
        return;
    }
    if (!after.edit.isEmpty())
        m_service->editTask(m_taskId, after.edit);
    if (after.assignee)
        m_service->assignTasks({m_taskId}, *after.assignee);
}

void TaskDrawer::addComment()
{
    const QString body = m_newComment->toPlainText().trimmed();
    if (body.isEmpty() || m_taskId.isEmpty())
        return;
    m_service->addComment(m_taskId, userName(), body);
    m_newComment->clear();
}

void TaskDrawer::addParent()
{
    const QString parent = m_newParent->text().trimmed();
    if (parent.isEmpty() || m_taskId.isEmpty())
        return;
    m_service->link(parent, m_taskId);
    m_newParent->clear();
}

void TaskDrawer::addChild()
{
    const QString child = m_newChild->text().trimmed();
    if (child.isEmpty() || m_taskId.isEmpty())
        return;
    m_service->link(m_taskId, child);
    m_newChild->clear();
}

void TaskDrawer::removeSelectedChild()
{
    QListWidgetItem *item = m_children->currentItem();
    if (item && !m_taskId.isEmpty())
        m_service->unlink(m_taskId, item->text());
}

void TaskDrawer::removeSelectedParent()
{
    QListWidgetItem *item = m_parents->currentItem();
    if (item && !m_taskId.isEmpty())
        m_service->unlink(item->text(), m_taskId);
}
