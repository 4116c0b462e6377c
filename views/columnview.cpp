#include "columnview.h"

#include "boardmodel.h"

#include <QKeyEvent>

using namespace Qt::StringLiterals;

ColumnView::ColumnView(TaskStatus status, QWidget *parent) : QListView(parent), m_status(status)
{
    setObjectName(u"column-%1"_s.arg(TaskStatuses::toString(status)));
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    // setMovement() switches dragging and the viewport's drops off for Static lists: it
    // must come before the drag-and-drop settings, not after.
    setMovement(QListView::Static);
    setDragEnabled(true);
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setResizeMode(QListView::Adjust);
    setLayoutMode(QListView::Batched);
    setBatchSize(200);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWordWrap(true);
    setFrameShape(QFrame::NoFrame);
    setSpacing(0);
    setUniformItemSizes(false);
    setMouseTracking(true);
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT openRequested(index.data(BoardModel::IdRole).toString());
    });
}

QStringList ColumnView::selectedTaskIds() const
{
    QStringList ids;
    const QModelIndexList indexes = selectionModel() ? selectionModel()->selectedIndexes()
                                                     : QModelIndexList();
    for (const QModelIndex &index : indexes) {
        if (index.parent() == rootIndex())
            ids << index.data(BoardModel::IdRole).toString();
    }
    if (ids.isEmpty() && !currentTaskId().isEmpty())
        ids << currentTaskId();
    return ids;
}

QString ColumnView::currentTaskId() const
{
    const QModelIndex current = currentIndex();
    return current.isValid() && current.parent() == rootIndex()
        ? current.data(BoardModel::IdRole).toString()
        : QString();
}

void ColumnView::selectTask(const QString &id)
{
    if (!model())
        return;
    const int rows = model()->rowCount(rootIndex());
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = model()->index(row, 0, rootIndex());
        if (index.data(BoardModel::IdRole).toString() == id) {
            setCurrentIndex(index);
            scrollTo(index);
            return;
        }
    }
}

void ColumnView::keyPressEvent(QKeyEvent *event)
{
    const bool control = event->modifiers().testFlag(Qt::ControlModifier);
    const QModelIndex current = currentIndex();
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int direction = event->key() == Qt::Key_Left ? -1 : 1;
        if (control) {
            const QStringList ids = selectedTaskIds();
            if (!ids.isEmpty())
                Q_EMIT moveToNeighbourRequested(ids, direction);
        } else {
            Q_EMIT focusNeighbourRequested(direction);
        }
        event->accept();
        return;
    }
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (control && current.isValid()) {
            const int row = current.row();
            const int rows = model()->rowCount(rootIndex());
            const QString id = current.data(BoardModel::IdRole).toString();
            if (event->key() == Qt::Key_Up && row > 0) {
                Q_EMIT reorderRequested(
                    id, model()->index(row - 1, 0, rootIndex()).data(BoardModel::IdRole).toString());
            } else if (event->key() == Qt::Key_Down && row + 1 < rows) {
                // Above the card after next, or at the bottom.
                const QString before = row + 2 < rows
                    ? model()->index(row + 2, 0, rootIndex()).data(BoardModel::IdRole).toString()
                    : QString();
                Q_EMIT reorderRequested(id, before);
            }
            event->accept();
            return;
        }
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (current.isValid()) {
            Q_EMIT openRequested(current.data(BoardModel::IdRole).toString());
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    QListView::keyPressEvent(event);
}

void ColumnView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QListView::currentChanged(current, previous);
    if (current.isValid())
        Q_EMIT currentTaskChanged(current.data(BoardModel::IdRole).toString());
}

void ColumnView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    // Card heights depend on the width (titles wrap): lay them out again.
    scheduleDelayedItemsLayout();
}
