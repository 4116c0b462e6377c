#pragma once

#include "event.h"
#include "taskstatus.h"

#include <QHash>
#include <QMainWindow>

#include <memory>

class BoardModel;
class BoardSettings;
class BoardView;
class ColumnView;
class DialogProvider;
class DispatcherBar;
class ProfileDirectory;
class QAction;
class QDockWidget;
class QLabel;
class QLineEdit;
class QUndoStack;
class TaskDrawer;
class TaskService;
class TrayIcon;

// The board window: toolbar, the board, the task drawer docked beside it, the status bar
// where refused actions say why, and the tray icon.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(TaskService *service, BoardModel *model, QWidget *parent = nullptr);
    ~MainWindow() override;

    BoardView *board() const { return m_board; }
    TaskDrawer *drawer() const { return m_drawer; }
    TrayIcon *tray() const { return m_tray; }
    QUndoStack *undoStack() const { return m_undoStack; }
    DispatcherBar *dispatcherBar() const { return m_dispatcherBar; }
    // A warning that stays above the board until dismissed or replaced (stuck dispatcher).
    void showBanner(const QString &message);
    // Tests answer the board's questions through their own provider.
    void setDialogProvider(std::unique_ptr<DialogProvider> provider);
    // The board's settings; with them come close-to-tray and the summary of what was
    // missed while Qanban was closed. Not owned.
    void setSettings(BoardSettings *settings);
    // Where the Profiles dialog edits profiles and secrets. Not owned.
    void setProfileDirectory(ProfileDirectory *directory) { m_profiles = directory; }
    void openTask(const QString &id);
    // The bulk actions, on the cards selected in the focused column (or everywhere).
    void moveSelected(TaskStatus to);
    void showMessage(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    QAction *reloadAction(QObject *parent);
    void showMissedEvents(const QList<Event> &events, qint64 lastEventId);
    QHash<QString, QString> titlesOf(const QList<Event> &events) const;
    void newTask();
    void archiveSelected();
    void unblockSelected();
    void assignSelected();
    void showCardMenu(ColumnView *view, const QPoint &globalPosition);
    QStringList knownAssignees() const;
    void updateSummary();

    TaskService *m_service;
    BoardModel *m_model;
    BoardView *m_board;
    TaskDrawer *m_drawer;
    QDockWidget *m_drawerDock;
    QLineEdit *m_search;
    QLabel *m_summary;
    TrayIcon *m_tray;
    QUndoStack *m_undoStack;
    DispatcherBar *m_dispatcherBar;
    QLabel *m_banner;
    QAction *m_reload = nullptr;
    std::unique_ptr<DialogProvider> m_dialogs;
    BoardSettings *m_settings = nullptr;
    ProfileDirectory *m_profiles = nullptr;
};
