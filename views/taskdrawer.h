#pragma once

#include "boardcard.h"
#include "edittaskcommand.h"

#include <QSet>
#include <functional>
#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTextBrowser;
class QTimer;
class QTreeWidget;
class RunLogView;
class TaskService;

// The story of the selected task, beside the board: its fields (editable, saved on their
// own after a short pause), the markdown body, comments, runs with their logs, the event
// timeline and the dependencies. History is read on the database thread.
//
// When another process changes the task while the operator is typing, the fields being
// edited keep what the operator typed; the rest refresh.
class TaskDrawer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskDrawer)

public:
    explicit TaskDrawer(TaskService *service, QWidget *parent = nullptr);
    ~TaskDrawer() override;

    QString taskId() const { return m_taskId; }
    void showTask(const QString &id);
    void setAutoSaveDelay(int ms);
    // Records an edit (new values, and the ones they replace) and carries it out; the
    // window puts it on the undo stack. Without one the drawer saves directly.
    using EditRecorder = std::function<void(const QString &taskId,
                                            const EditTaskCommand::Values &after,
                                            const EditTaskCommand::Values &before)>;
    void setEditRecorder(EditRecorder recorder) { m_editRecorder = std::move(recorder); }
    const TaskHistory &history() const { return m_history; }
    bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    void statusMessage(const QString &message);
    // The operator picked another column for the task; the board moves it with the same
    // rules (and questions) as a drag.
    void moveRequested(const QString &taskId, TaskStatus to);

    void historyShown(const QString &taskId);

private:
    enum class Field { Title, Assignee, Tenant, Priority, Body, Skills, Workspace };

    void onHistoryLoaded(const TaskHistory &history);
    void onTasksChanged(const QStringList &ids);
    void markDirty(Field field);
    void saveDirtyFields();
    void fillFields(const Task &task);
    void fillComments();
    void fillRuns();
    void fillEvents();
    void fillDependencies();
    void showSelectedRunLog();
    void setBodyEditing(bool editing);
    void addComment();
    void addParent();
    void removeSelectedParent();
    void addChild();
    void removeSelectedChild();

    TaskService *m_service;
    QString m_taskId;
    TaskHistory m_history;
    bool m_loaded = false;
    QSet<Field> m_dirty;
    EditRecorder m_editRecorder;
    QTimer *m_saveTimer;

    QLabel *m_heading;
    QLineEdit *m_title;
    QLabel *m_status;
    QLineEdit *m_assignee;
    QLineEdit *m_tenant;
    QSpinBox *m_priority;
    QLabel *m_details;
    QStackedWidget *m_bodyStack;
    QTextBrowser *m_bodyView;
    QPlainTextEdit *m_bodyEdit;
    QPushButton *m_bodyToggle;
    QTabWidget *m_tabs;
    QTextBrowser *m_comments;
    QPlainTextEdit *m_newComment;
    QTreeWidget *m_runs;
    RunLogView *m_log;
    QTreeWidget *m_events;
    QListWidget *m_parents;
    QListWidget *m_children;
    QLineEdit *m_newParent;
    QLineEdit *m_newChild;
    QComboBox *m_moveTo;
    QLineEdit *m_skills;
    QComboBox *m_workspaceKind;
    QLineEdit *m_workspacePath;
};
