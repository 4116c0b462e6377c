#include "mainwindow.h"

#include "boardmodel.h"
#include "boardview.h"
#include "columnview.h"
#include "dialogprovider.h"
#include "edittaskcommand.h"
#include "movecardscommand.h"
#include "newtaskdialog.h"
#include "taskdrawer.h"
#include "taskservice.h"
#include "trayicon.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(TaskService *service, BoardModel *model, QWidget *parent)
    : QMainWindow(parent), m_service(service), m_model(model),
      m_board(new BoardView(model, this)), m_drawer(new TaskDrawer(service, this)),
      m_drawerDock(new QDockWidget(tr("Task"), this)), m_search(new QLineEdit(this)),
      m_summary(new QLabel(this)), m_tray(new TrayIcon(this)), m_undoStack(new QUndoStack(this)),
      m_dialogs(std::make_unique<WidgetDialogProvider>(this))
{
    setObjectName(u"main-window"_s);
    setWindowTitle(tr("Qanban"));
    setWindowIcon(QIcon(u":/icons/qanban.svg"_s));
    setCentralWidget(m_board);
    m_drawerDock->setObjectName(u"drawer-dock"_s);
    m_drawerDock->setWidget(m_drawer);
    m_drawerDock->setMinimumWidth(340);
    addDockWidget(Qt::RightDockWidgetArea, m_drawerDock);
    statusBar()->addPermanentWidget(m_summary);

    m_model->setNoteRequest([this](TaskStatus target, const QStringList &ids) {
        return m_dialogs->askNote(target, ids);
    });
    m_model->setStopConfirmation([this](const QStringList &ids) {
        return m_dialogs->confirmStop(ids);
    });
    // The operator's moves and edits go through the undo stack; pushing runs them.
    m_model->setMoveExecutor([this](const CardMove &move) {
        m_undoStack->push(new MoveCardsCommand(m_model, move));
    });
    m_drawer->setEditRecorder([this](const QString &id, const EditTaskCommand::Values &after,
                                     const EditTaskCommand::Values &before) {
        m_undoStack->push(new EditTaskCommand(m_service, id, after, before));
    });

    createActions();

    // The drawer stays out of the way until there is a card to tell about.
    m_drawerDock->hide();
    connect(m_board, &BoardView::currentTaskChanged, this, [this](const QString &id) {
        m_drawer->showTask(id);
        m_drawerDock->show();
    });
    connect(m_board, &BoardView::openRequested, this, &MainWindow::openTask);
    connect(m_board, &BoardView::quickCreateRequested, this,
            [this](TaskStatus column, const QString &title) {
                NewTask spec;
                spec.title = title;
                spec.triage = column == TaskStatus::Triage;
                m_service->createTask(spec);
            });
    connect(m_model, &BoardModel::dropRefused, this, &MainWindow::showMessage);
    connect(m_service, &TaskService::commandFailed, this, &MainWindow::showMessage);
    connect(m_service, &TaskService::readFailed, this, &MainWindow::showMessage);
    connect(m_service, &TaskService::openFailed, this, [this](const QString &message) {
        showMessage(tr("Cannot open the board: %1").arg(message));
    });
    connect(m_drawer, &TaskDrawer::statusMessage, this, &MainWindow::showMessage);
    connect(m_model, &BoardModel::loaded, this, &MainWindow::updateSummary);
    connect(m_model, &BoardModel::cardsUpdated, this, &MainWindow::updateSummary);

    connect(m_service, &TaskService::eventsAppended, this, [this](const QList<Event> &events) {
        QHash<QString, QString> titles;
        for (const Event &event : events) {
            if (const std::optional<BoardCard> card = m_model->card(event.taskId))
                titles.insert(event.taskId, card->task.title);
        }
        m_tray->noteEvents(events, titles);
    });
    connect(m_tray, &TrayIcon::notified, this,
            [this](const QString &title) { showMessage(title); });
    connect(m_tray, &TrayIcon::taskOpenRequested, this, &MainWindow::openTask);
    connect(m_tray, &TrayIcon::showBoardRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_tray, &TrayIcon::quitRequested, qApp, &QApplication::quit);
    if (m_tray->isAvailable())
        m_tray->show();
    resize(1480, 860);
}

MainWindow::~MainWindow() = default;

void MainWindow::setDialogProvider(std::unique_ptr<DialogProvider> provider)
{
    m_dialogs = std::move(provider);
}

void MainWindow::createActions()
{
    QToolBar *toolbar = addToolBar(tr("Board"));
    toolbar->setObjectName(u"board-toolbar"_s);
    toolbar->setMovable(false);

    QAction *create = toolbar->addAction(tr("New task"));
    create->setObjectName(u"action-new-task"_s);
    create->setShortcut(QKeySequence::New);
    connect(create, &QAction::triggered, this, &MainWindow::newTask);

    m_search->setObjectName(u"search"_s);
    m_search->setPlaceholderText(tr("Search title, body or id (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    m_search->setAccessibleName(tr("Search"));
    connect(m_search, &QLineEdit::textChanged, m_board, &BoardView::setSearchText);
    toolbar->addWidget(m_search);
    QAction *find = new QAction(tr("Find"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_search, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);

    toolbar->addSeparator();
    QAction *lanes = toolbar->addAction(tr("Lanes by assignee"));
    lanes->setObjectName(u"action-lanes"_s);
    lanes->setCheckable(true);
    lanes->setShortcut(Qt::CTRL | Qt::Key_L);
    connect(lanes, &QAction::toggled, m_board, &BoardView::setLanesEnabled);

    QAction *archived = toolbar->addAction(tr("Show archived"));
    archived->setObjectName(u"action-show-archived"_s);
    archived->setCheckable(true);
    connect(archived, &QAction::toggled, m_model, &BoardModel::setIncludeArchived);

    toolbar->addSeparator();
    QAction *unblock = toolbar->addAction(tr("Unblock"));
    unblock->setObjectName(u"action-unblock"_s);
    unblock->setShortcut(Qt::CTRL | Qt::Key_U);
    connect(unblock, &QAction::triggered, this, &MainWindow::unblockSelected);

    QAction *archive = toolbar->addAction(tr("Archive"));
    archive->setObjectName(u"action-archive"_s);
    archive->setShortcut(Qt::CTRL | Qt::Key_Delete);
    connect(archive, &QAction::triggered, this, &MainWindow::archiveSelected);

    toolbar->addSeparator();
    QAction *undo = m_undoStack->createUndoAction(this, tr("Undo"));
    undo->setObjectName(u"action-undo"_s);
    undo->setShortcut(QKeySequence::Undo);
    toolbar->addAction(undo);
    QAction *redo = m_undoStack->createRedoAction(this, tr("Redo"));
    redo->setObjectName(u"action-redo"_s);
    redo->setShortcut(QKeySequence::Redo);
    toolbar->addAction(redo);

    QAction *reload = new QAction(tr("Reload"), this);
    reload->setShortcut(QKeySequence::Refresh);
    connect(reload, &QAction::triggered, m_model, &BoardModel::reload);
    addAction(reload);
}

void MainWindow::showMessage(const QString &message)
{
    statusBar()->showMessage(message, 8000);
}

void MainWindow::openTask(const QString &id)
{
    m_board->selectTask(id);
    m_drawer->showTask(id);
    m_drawerDock->show();
    m_drawerDock->raise();
}

void MainWindow::newTask()
{
    QSet<QString> assignees;
    for (int column = 0; column < m_model->rowCount(); ++column) {
        const QModelIndex parent = m_model->index(column, 0);
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QString name = m_model->index(row, 0, parent).data(BoardModel::AssigneeRole).toString();
            if (!name.isEmpty())
                assignees.insert(name);
        }
    }
    QStringList known(assignees.cbegin(), assignees.cend());
    known.sort();
    NewTaskDialog dialog(known, this);
    if (dialog.exec() == QDialog::Accepted)
        m_service->createTask(dialog.task());
}

void MainWindow::archiveSelected()
{
    const QStringList ids = m_board->selectedTaskIds();
    if (!ids.isEmpty())
        m_service->archiveTasks(ids, true);
}

void MainWindow::unblockSelected()
{
    const QStringList ids = m_board->selectedTaskIds();
    if (!ids.isEmpty())
        m_service->unblockTasks(ids);
}

void MainWindow::updateSummary()
{
    QStringList parts;
    int total = 0;
    for (TaskStatus status : {TaskStatus::Ready, TaskStatus::Running, TaskStatus::Blocked}) {
        const int count = m_model->rowCount(m_model->columnIndex(status));
        parts << u"%1 %2"_s.arg(count).arg(m_model->headerData(int(status), Qt::Horizontal).toString().toLower());
    }
    for (int column = 0; column < m_model->rowCount(); ++column)
        total += m_model->rowCount(m_model->index(column, 0));
    const QString summary = tr("%n task(s): %1", nullptr, total).arg(parts.join(u", "_s));
    m_summary->setText(summary);
    m_tray->setBoardSummary(summary);
}
