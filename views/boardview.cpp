#include "boardview.h"

#include "boardfilterproxymodel.h"
#include "boardmodel.h"
#include "carddelegate.h"
#include "columnview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSet>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

BoardView::BoardView(BoardModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_delegate(new CardDelegate(this)),
      m_lanesLayout(new QVBoxLayout)
{
    setObjectName(u"board"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    content->setLayout(m_lanesLayout);
    m_lanesLayout->setContentsMargins(6, 6, 6, 6);
    m_lanesLayout->setSpacing(10);
    scroll->setWidget(content);
    outer->addWidget(scroll);

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(m_model, signal, this, [this] { updateHeaders(); });
    }
    connect(m_model, &QAbstractItemModel::rowsMoved, this, [this] { updateHeaders(); });
    connect(m_model, &BoardModel::loaded, this, [this] {
        if (m_lanesEnabled)
            rebuildLanes();
        updateHeaders();
    });
    rebuildLanes();
}

BoardView::~BoardView() = default;

QStringList BoardView::knownAssignees() const
{
    QSet<QString> names;
    for (int column = 0; column < m_model->rowCount(); ++column) {
        const QModelIndex parent = m_model->index(column, 0);
        for (int row = 0; row < m_model->rowCount(parent); ++row)
            names.insert(m_model->index(row, 0, parent).data(BoardModel::AssigneeRole).toString());
    }
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort(Qt::CaseInsensitive);
    return sorted;
}

BoardView::Lane BoardView::buildLane(const std::optional<QString> &assignee)
{
    Lane lane;
    lane.assignee = assignee;
    lane.proxy = new BoardFilterProxyModel(this);
    lane.proxy->setSourceModel(m_model);
    lane.proxy->setAssignee(assignee);
    lane.proxy->setSearchText(m_searchText);
    lane.proxy->setTenant(m_tenant);
    lane.row = new QWidget(m_lanesLayout->parentWidget());
    auto *rowLayout = new QVBoxLayout(lane.row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    if (assignee) {
        auto *title = new QLabel(assignee->isEmpty() ? tr("Unassigned") : u"@"_s + *assignee,
                                 lane.row);
        QFont font = title->font();
        font.setBold(true);
        title->setFont(font);
        rowLayout->addWidget(title);
    }
    auto *columns = new QHBoxLayout;
    columns->setSpacing(8);
    rowLayout->addLayout(columns);
    for (TaskStatus status : TaskStatuses::all()) {
        auto *panel = new QWidget(lane.row);
        panel->setObjectName(u"panel-%1"_s.arg(TaskStatuses::toString(status)));
        auto *panelLayout = new QVBoxLayout(panel);
        panelLayout->setContentsMargins(0, 0, 0, 0);
        panelLayout->setSpacing(4);
        auto *header = new QLabel(panel);
        QFont headerFont = header->font();
        headerFont.setBold(true);
        header->setFont(headerFont);
        panelLayout->addWidget(header);
        if (!assignee && (status == TaskStatus::Triage || status == TaskStatus::Ready)) {
            auto *quick = new QLineEdit(panel);
            quick->setObjectName(u"quick-create-%1"_s.arg(TaskStatuses::toString(status)));
            quick->setPlaceholderText(status == TaskStatus::Triage ? tr("+ Rough idea…")
                                                                   : tr("+ New task…"));
            quick->setClearButtonEnabled(true);
            quick->setAccessibleName(tr("Quick create in %1")
                                         .arg(m_model->headerData(int(status), Qt::Horizontal)
                                                  .toString()));
            connect(quick, &QLineEdit::returnPressed, this, [this, quick, status] {
                const QString title = quick->text().trimmed();
                if (title.isEmpty())
                    return;
                quick->clear();
                Q_EMIT quickCreateRequested(status, title);
            });
            panelLayout->addWidget(quick);
        }
        auto *view = new ColumnView(status, panel);
        view->setModel(lane.proxy);
        view->setRootIndex(lane.proxy->mapFromSource(m_model->columnIndex(status)));
        view->setItemDelegate(m_delegate);
        view->setAccessibleName(m_model->headerData(int(status), Qt::Horizontal).toString());
        view->setMinimumWidth(150);
        if (assignee)
            view->setMinimumHeight(160);
        panelLayout->addWidget(view, 1);
        columns->addWidget(panel, 1);
        lane.views << view;
        lane.headers << header;
    }
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(lane.proxy, signal, this, [this] { updateHeaders(); });
    }
    connect(lane.proxy, &QAbstractItemModel::layoutChanged, this, [this] { updateHeaders(); });
    return lane;
}

void BoardView::wireView(ColumnView *view, int lane)
{
    connect(view, &ColumnView::currentTaskChanged, this, &BoardView::currentTaskChanged);
    connect(view, &ColumnView::openRequested, this, &BoardView::openRequested);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint &at) {
        Q_EMIT cardMenuRequested(view, view->viewport()->mapToGlobal(at));
    });
    connect(view, &ColumnView::moveToNeighbourRequested, this,
            [this, view](const QStringList &ids, int direction) {
                const int column = int(view->status()) + direction;
                if (column < 0 || column >= TaskStatuses::count)
                    return;
                m_model->moveCards(ids, TaskStatus(column));
            });
    connect(view, &ColumnView::reorderRequested, this,
            [this, view](const QString &id, const QString &beforeId) {
                m_model->moveCards({id}, view->status(), beforeId);
            });
    connect(view, &ColumnView::focusNeighbourRequested, this, [this, view, lane](int direction) {
        const int column = int(view->status()) + direction;
        if (column < 0 || column >= TaskStatuses::count)
            return;
        ColumnView *next = m_lanes[lane].views[column];
        next->setFocus(Qt::TabFocusReason);
        if (!next->currentIndex().isValid() && next->model()->rowCount(next->rootIndex()) > 0)
            next->setCurrentIndex(next->model()->index(0, 0, next->rootIndex()));
    });
}

void BoardView::rebuildLanes()
{
    const QString current = currentTaskId();
    for (Lane &lane : m_lanes) {
        m_lanesLayout->removeWidget(lane.row);
        delete lane.row;
        delete lane.proxy;
    }
    m_lanes.clear();
    if (m_lanesEnabled) {
        for (const QString &assignee : knownAssignees())
            m_lanes << buildLane(assignee);
        if (m_lanes.isEmpty())
            m_lanes << buildLane(QString());
    } else {
        m_lanes << buildLane(std::nullopt);
    }
    for (int lane = 0; lane < m_lanes.size(); ++lane) {
        m_lanesLayout->addWidget(m_lanes[lane].row, m_lanesEnabled ? 0 : 1);
        // A child added to a widget already on screen stays hidden until shown.
        m_lanes[lane].row->show();
        for (ColumnView *view : std::as_const(m_lanes[lane].views))
            wireView(view, lane);
    }
    if (m_lanesEnabled)
        m_lanesLayout->addStretch(1);
    updateHeaders();
    if (!current.isEmpty())
        selectTask(current);
}

void BoardView::updateHeaders()
{
    for (const Lane &lane : std::as_const(m_lanes)) {
        for (int column = 0; column < lane.headers.size(); ++column) {
            const QModelIndex root = lane.views[column]->rootIndex();
            const int shown = lane.proxy->rowCount(root);
            const int total = m_model->rowCount(m_model->columnIndex(TaskStatus(column)));
            const QString name = m_model->headerData(column, Qt::Horizontal).toString();
            lane.headers[column]->setText(shown == total || lane.assignee
                                              ? u"%1  %2"_s.arg(name).arg(shown)
                                              : u"%1  %2/%3"_s.arg(name).arg(shown).arg(total));
        }
    }
}

void BoardView::setSearchText(const QString &text)
{
    m_searchText = text;
    for (const Lane &lane : std::as_const(m_lanes))
        lane.proxy->setSearchText(text);
    updateHeaders();
}

void BoardView::setTenant(const QString &tenant)
{
    m_tenant = tenant;
    for (const Lane &lane : std::as_const(m_lanes))
        lane.proxy->setTenant(tenant);
    updateHeaders();
}

void BoardView::setLanesEnabled(bool enabled)
{
    if (enabled == m_lanesEnabled)
        return;
    m_lanesEnabled = enabled;
    rebuildLanes();
}

QStringList BoardView::selectedTaskIds() const
{
    for (const Lane &lane : m_lanes) {
        for (ColumnView *view : lane.views) {
            if (view->hasFocus())
                return view->selectedTaskIds();
        }
    }
    QStringList ids;
    for (const Lane &lane : m_lanes) {
        for (ColumnView *view : lane.views) {
            if (view->selectionModel() && view->selectionModel()->hasSelection())
                ids << view->selectedTaskIds();
        }
    }
    return ids;
}

QString BoardView::currentTaskId() const
{
    for (const Lane &lane : m_lanes) {
        for (ColumnView *view : lane.views) {
            if (view->hasFocus() && !view->currentTaskId().isEmpty())
                return view->currentTaskId();
        }
    }
    return {};
}

void BoardView::selectTask(const QString &id)
{
    const std::optional<BoardCard> card = m_model->card(id);
    if (!card)
        return;
    for (const Lane &lane : std::as_const(m_lanes)) {
        if (lane.assignee && *lane.assignee != card->task.assignee)
            continue;
        ColumnView *view = lane.views[int(card->task.status)];
        view->selectTask(id);
        view->setFocus(Qt::OtherFocusReason);
        return;
    }
}

ColumnView *BoardView::columnView(TaskStatus status, int lane) const
{
    if (lane < 0 || lane >= m_lanes.size())
        return nullptr;
    return m_lanes[lane].views[int(status)];
}
