#include "mainwindow.h"

#include "boardmodel.h"
#include "archivecommand.h"
#include "boardsettings.h"
#include "boardview.h"
#include "columnview.h"
#include "dialogprovider.h"
#include "dispatcherbar.h"
#include "edittaskcommand.h"
#include "movecardscommand.h"
#include "newtaskdialog.h"
#include "profilesdialog.h"
#include "settingsdialog.h"
#include "taskdrawer.h"
#include "taskservice.h"
#include "trayicon.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScreen>
#include <QSet>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

MainWindow::MainWindow(TaskService *service, BoardModel *model, QWidget *parent)
    : QMainWindow(parent), m_service(service), m_model(model),
      m_board(new BoardView(model, this)), m_drawer(new TaskDrawer(service, this)),
      m_drawerDock(new QDockWidget(tr("Task"), this)), m_search(new QLineEdit(this)),
      m_summary(new QLabel(this)), m_tray(new TrayIcon(this)), m_undoStack(new QUndoStack(this)),
      m_dispatcherBar(new DispatcherBar(this)), m_banner(new QLabel(this)),
      m_dialogs(std::make_unique<WidgetDialogProvider>(this))
{
    setObjectName(u"main-window"_s);
    setWindowTitle(tr("Qanban"));
    setWindowIcon(QIcon(u":/icons/qanban.svg"_s));
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_banner->setObjectName(u"banner"_s);
    m_banner->setWordWrap(true);
    m_banner->setMargin(8);
    m_banner->setStyleSheet(u"background: rgba(224, 155, 26, 0.25);"_s);
    m_banner->hide();
    centralLayout->addWidget(m_banner);
    centralLayout->addWidget(m_board, 1);
    setCentralWidget(central);
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
    connect(m_board, &BoardView::cardMenuRequested, this, &MainWindow::showCardMenu);
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
    connect(m_drawer, &TaskDrawer::moveRequested, this, [this](const QString &id, TaskStatus to) {
        m_model->moveCards({id}, to);
    });
    connect(m_model, &BoardModel::loaded, this, &MainWindow::updateSummary);
    connect(m_model, &BoardModel::cardsUpdated, this, &MainWindow::updateSummary);

    connect(m_service, &TaskService::eventsAppended, this, [this](const QList<Event> &events) {
        m_tray->noteEvents(events, titlesOf(events));
        if (m_settings && !events.isEmpty())
            m_settings->setLastSeenEventId(events.constLast().id);
    });
    connect(m_service, &TaskService::eventsLoaded, this, &MainWindow::showMissedEvents);
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
    // Room for six columns, but never more than the screen it opens on leaves free:
    // a window wider than the screen hides the last column and the toolbar's end.
    QSize size(1480, 860);
    if (const QScreen *opensOn = screen())
        size = size.boundedTo(opensOn->availableGeometry().size() * 0.92);
    resize(size);
}

MainWindow::~MainWindow() = default;

void MainWindow::setDialogProvider(std::unique_ptr<DialogProvider> provider)
{
    m_dialogs = std::move(provider);
}

void MainWindow::setSettings(BoardSettings *settings)
{
    m_settings = settings;
    m_tray->setNotifyEveryCrash(settings->notifyEveryCrash());
    // Once the board is loaded (its cards name the tasks), look at what came meanwhile.
    auto askOnce = std::make_shared<QMetaObject::Connection>();
    *askOnce = connect(m_model, &BoardModel::loaded, this, [this, askOnce] {
        disconnect(*askOnce);
        constexpr int missedLimit = 5000;
        const qint64 lastSeen = m_settings->lastSeenEventId();
        m_service->loadEventsAfter(lastSeen < 0 ? std::numeric_limits<qint64>::max() : lastSeen,
                                   missedLimit);
    });
}

QHash<QString, QString> MainWindow::titlesOf(const QList<Event> &events) const
{
    QHash<QString, QString> titles;
    for (const Event &event : events) {
        if (const std::optional<BoardCard> card = m_model->card(event.taskId))
            titles.insert(event.taskId, card->task.title);
    }
    return titles;
}

void MainWindow::showMissedEvents(const QList<Event> &events, qint64 lastEventId)
{
    if (!m_settings)
        return;
    // A first run has missed nothing: the board starts watching from now.
    if (m_settings->lastSeenEventId() >= 0)
        m_tray->noteMissed(events, titlesOf(events));
    m_settings->setLastSeenEventId(lastEventId);
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_settings && m_settings->closeToTray() && m_tray->isAvailable()) {
        hide();
        event->ignore();
        return;
    }
    if (m_settings)
        m_settings->sync();
    QMainWindow::closeEvent(event);
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
    m_search->setMinimumWidth(220);
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
    QAction *assign = toolbar->addAction(tr("Assign…"));
    assign->setObjectName(u"action-assign"_s);
    assign->setShortcut(Qt::CTRL | Qt::Key_R);
    connect(assign, &QAction::triggered, this, &MainWindow::assignSelected);

    QAction *block = toolbar->addAction(tr("Block…"));
    block->setObjectName(u"action-block"_s);
    block->setShortcut(Qt::CTRL | Qt::Key_B);
    connect(block, &QAction::triggered, this, [this] { moveSelected(TaskStatus::Blocked); });

    QAction *unblock = toolbar->addAction(tr("Unblock"));
    unblock->setObjectName(u"action-unblock"_s);
    unblock->setShortcut(Qt::CTRL | Qt::Key_U);
    connect(unblock, &QAction::triggered, this, &MainWindow::unblockSelected);

    QAction *archive = toolbar->addAction(tr("Archive"));
    archive->setObjectName(u"action-archive"_s);
    archive->setShortcut(Qt::CTRL | Qt::Key_Delete);
    connect(archive, &QAction::triggered, this, &MainWindow::archiveSelected);

    toolbar->addSeparator();
    // No prefix: Qt's own "Undo %1" lets a translation put the command's text where the
    // language wants it ("%1 rückgängig machen"), which prefix + text cannot.
    QAction *undo = m_undoStack->createUndoAction(this);
    undo->setObjectName(u"action-undo"_s);
    undo->setShortcut(QKeySequence::Undo);
    toolbar->addAction(undo);
    QAction *redo = m_undoStack->createRedoAction(this);
    redo->setObjectName(u"action-redo"_s);
    redo->setShortcut(QKeySequence::Redo);
    toolbar->addAction(redo);

    QAction *settings = new QAction(tr("Settings…"), this);
    settings->setObjectName(u"action-settings"_s);
    settings->setShortcut(QKeySequence::Preferences);
    connect(settings, &QAction::triggered, this, [this] {
        if (!m_settings)
            return;
        SettingsDialog dialog(m_settings, this);
        if (dialog.exec() == QDialog::Accepted)
            m_tray->setNotifyEveryCrash(m_settings->notifyEveryCrash());
    });
    QAction *profiles = new QAction(tr("Profiles…"), this);
    profiles->setObjectName(u"action-profiles"_s);
    connect(profiles, &QAction::triggered, this, [this] {
        if (!m_profiles)
            return;
        ProfilesDialog dialog(m_profiles, this);
        dialog.exec();
    });
    // The board's less frequent settings live behind one button, so the toolbar keeps room
    // for the search field and the dispatcher.
    auto *more = new QToolButton(toolbar);
    more->setObjectName(u"board-menu"_s);
    more->setText(tr("Board"));
    more->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(more);
    menu->addAction(profiles);
    menu->addAction(settings);
    menu->addSeparator();
    menu->addAction(reloadAction(menu));
    more->setMenu(menu);
    toolbar->addSeparator();
    toolbar->addWidget(more);
    addAction(profiles);
    addAction(settings);
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addWidget(m_dispatcherBar);

    addAction(m_reload);
}

QAction *MainWindow::reloadAction(QObject *parent)
{
    if (!m_reload) {
        m_reload = new QAction(tr("Reload"), parent);
        m_reload->setShortcut(QKeySequence::Refresh);
        connect(m_reload, &QAction::triggered, m_model, &BoardModel::reload);
    }
    return m_reload;
}

void MainWindow::showBanner(const QString &message)
{
    m_banner->setText(message);
    m_banner->setVisible(!message.isEmpty());
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

QStringList MainWindow::knownAssignees() const
{
    QSet<QString> assignees;
    for (int column = 0; column < m_model->rowCount(); ++column) {
        const QModelIndex parent = m_model->index(column, 0);
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QString name =
                m_model->index(row, 0, parent).data(BoardModel::AssigneeRole).toString();
            if (!name.isEmpty())
                assignees.insert(name);
        }
    }
    QStringList known(assignees.cbegin(), assignees.cend());
    known.sort();
    return known;
}

void MainWindow::newTask()
{
    NewTaskDialog dialog(knownAssignees(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_service->createTask(dialog.task());
}

void MainWindow::moveSelected(TaskStatus to)
{
    const QStringList ids = m_board->selectedTaskIds();
    if (!ids.isEmpty())
        m_model->moveCards(ids, to);
}

void MainWindow::assignSelected()
{
    const QStringList ids = m_board->selectedTaskIds();
    if (ids.isEmpty())
        return;
    if (const std::optional<QString> assignee = m_dialogs->askAssignee(knownAssignees(), ids))
        m_service->assignTasks(ids, *assignee);
}

void MainWindow::showCardMenu(ColumnView *view, const QPoint &globalPosition)
{
    view->setFocus(Qt::PopupFocusReason);
    const QStringList ids = view->selectedTaskIds();
    QMenu menu(this);
    menu.setObjectName(u"card-menu"_s);
    if (!ids.isEmpty()) {
        if (ids.size() == 1) {
            menu.addAction(tr("Open"), this, [this, id = ids.constFirst()] { openTask(id); });
            menu.addSeparator();
        }
        QMenu *moveTo = menu.addMenu(tr("Move to"));
        for (TaskStatus status : TaskStatuses::all()) {
            if (status == TaskStatus::Running || status == view->status())
                continue;
            moveTo->addAction(m_model->headerData(int(status), Qt::Horizontal).toString(), this,
                              [this, ids, status] { m_model->moveCards(ids, status); });
        }
        menu.addAction(tr("Assign…"), this, &MainWindow::assignSelected);
        if (view->status() != TaskStatus::Blocked && view->status() != TaskStatus::Done) {
            menu.addAction(tr("Block…"), this,
                           [this, ids] { m_model->moveCards(ids, TaskStatus::Blocked); });
        }
        if (view->status() == TaskStatus::Blocked)
            menu.addAction(tr("Unblock"), this, [this, ids] { m_service->unblockTasks(ids); });
        menu.addAction(tr("Archive"), this, [this, ids] {
            m_undoStack->push(new ArchiveCommand(m_service, ids, true));
        });
        menu.addSeparator();
    }
    menu.addAction(tr("Select all in %1").arg(m_model->headerData(int(view->status()),
                                                                 Qt::Horizontal).toString()),
                   view, &QAbstractItemView::selectAll);
    menu.exec(globalPosition);
}

void MainWindow::archiveSelected()
{
    const QStringList ids = m_board->selectedTaskIds();
    if (!ids.isEmpty())
        m_undoStack->push(new ArchiveCommand(m_service, ids, true));
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
    // One plural message per column, not a count glued to the lower-cased header: in
    // many languages the word agrees with the count.
    static constexpr std::pair<TaskStatus, const char *> counted[] = {
        {TaskStatus::Ready, QT_TR_N_NOOP("%n ready")},
        {TaskStatus::Running, QT_TR_N_NOOP("%n running")},
        {TaskStatus::Blocked, QT_TR_N_NOOP("%n blocked")}};
    for (const auto &[status, text] : counted)
        parts << tr(text, nullptr, m_model->rowCount(m_model->columnIndex(status)));
    for (int column = 0; column < m_model->rowCount(); ++column)
        total += m_model->rowCount(m_model->index(column, 0));
    const QString summary = tr("%n task(s): %1", nullptr, total).arg(parts.join(u", "_s));
    m_summary->setText(summary);
    m_tray->setBoardSummary(summary);
}
