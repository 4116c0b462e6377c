#include "boardmodel.h"

#include "taskmimedata.h"
#include "taskservice.h"

#include <QMimeData>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Cards sort by rank, then id, in every column.
bool sortsBefore(const Task &a, const Task &b)
{
    return a.rank != b.rank ? a.rank < b.rank : a.id < b.id;
}

constexpr quintptr columnMarker = 0;

} // namespace

BoardModel::BoardModel(TaskService *service, QObject *parent)
    : QAbstractItemModel(parent), m_service(service)
{
    connect(m_service, &TaskService::boardLoaded, this, &BoardModel::onBoardLoaded);
    connect(m_service, &TaskService::cardsLoaded, this, &BoardModel::onCardsLoaded);
    connect(m_service, &TaskService::tasksChanged, this,
            [this](const QStringList &ids) { m_service->loadCards(ids); });
    connect(m_service, &TaskService::opened, this, [this] { reload(); });
    connect(m_service, &TaskService::commandFinished, this,
            [this](quint64 id, bool ok, const QString &message, const QStringList &changed) {
                if (!ok && id == m_dropCommand)
                    Q_EMIT dropRefused(message);
                if (ok && !changed.isEmpty())
                    m_service->loadCards(changed);
            });
    if (m_service->isOpen())
        reload();
}

BoardModel::~BoardModel() = default;

// ---------------------------------------------------------------- structure

QModelIndex BoardModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid()) {
        return row < columnCountValue ? createIndex(row, 0, columnMarker) : QModelIndex();
    }
    if (parent.internalId() != columnMarker || parent.row() >= columnCountValue)
        return {};
    if (row >= m_columns[parent.row()].size())
        return {};
    return createIndex(row, 0, quintptr(parent.row() + 1));
}

QModelIndex BoardModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == columnMarker)
        return {};
    return createIndex(int(child.internalId() - 1), 0, columnMarker);
}

int BoardModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return columnCountValue;
    if (parent.column() != 0 || parent.internalId() != columnMarker)
        return 0;
    return int(m_columns[parent.row()].size());
}

int BoardModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return 1;
}

QModelIndex BoardModel::columnIndex(TaskStatus status) const
{
    return index(int(status), 0);
}

std::optional<std::pair<int, int>> BoardModel::locate(const QString &id) const
{
    auto it = m_columnOf.constFind(id);
    if (it == m_columnOf.constEnd())
        return std::nullopt;
    const int column = int(*it);
    const QList<BoardCard> &cards = m_columns[column];
    for (int row = 0; row < cards.size(); ++row) {
        if (cards[row].task.id == id)
            return std::make_pair(column, row);
    }
    return std::nullopt;
}

QModelIndex BoardModel::indexOfTask(const QString &id) const
{
    const auto where = locate(id);
    return where ? index(where->second, 0, index(where->first, 0)) : QModelIndex();
}

std::optional<BoardCard> BoardModel::card(const QString &id) const
{
    const auto where = locate(id);
    if (!where)
        return std::nullopt;
    return m_columns[where->first][where->second];
}

const BoardCard *BoardModel::cardAt(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::DoNotUseParent))
        return nullptr;
    if (index.internalId() == columnMarker)
        return nullptr;
    const int column = int(index.internalId() - 1);
    if (column < 0 || column >= columnCountValue || index.row() >= m_columns[column].size())
        return nullptr;
    return &m_columns[column][index.row()];
}

// ---------------------------------------------------------------- data

int BoardModel::childrenDone(const Task &task) const
{
    return int(std::count_if(task.children.cbegin(), task.children.cend(), [this](const QString &id) {
        return m_columnOf.value(id, TaskStatus::Triage) == TaskStatus::Done;
    }));
}

int BoardModel::openParents(const Task &task) const
{
    return int(std::count_if(task.parents.cbegin(), task.parents.cend(), [this](const QString &id) {
        auto it = m_columnOf.constFind(id);
        return it != m_columnOf.constEnd() && *it != TaskStatus::Done;
    }));
}

QVariant BoardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::DoNotUseParent))
        return {};
    if (index.internalId() == columnMarker) {
        const auto status = TaskStatus(index.row());
        const int count = int(m_columns[index.row()].size());
        switch (role) {
        case Qt::DisplayRole:
            return u"%1 (%2)"_s.arg(headerData(index.row(), Qt::Horizontal).toString()).arg(count);
        case Qt::AccessibleTextRole:
            return tr("%1 column, %n card(s)", nullptr, count)
                .arg(headerData(index.row(), Qt::Horizontal).toString());
        case StatusRole:
            return int(status);
        case StatusNameRole:
            return TaskStatuses::toString(status);
        case IsColumnRole:
            return true;
        case CardCountRole:
            return count;
        default:
            return {};
        }
    }
    const BoardCard *card = cardAt(index);
    if (!card)
        return {};
    const Task &task = card->task;
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return task.title;
    case Qt::ToolTipRole:
        return u"%1 — %2"_s.arg(task.id, task.title);
    case Qt::AccessibleTextRole:
        return tr("Task %1, %2, assigned to %3")
            .arg(task.title, headerData(int(task.status), Qt::Horizontal).toString(),
                 task.assignee.isEmpty() ? tr("nobody") : task.assignee);
    case IdRole:
        return task.id;
    case BodyRole:
        return task.body;
    case StatusRole:
        return int(task.status);
    case StatusNameRole:
        return TaskStatuses::toString(task.status);
    case AssigneeRole:
        return task.assignee;
    case TenantRole:
        return task.tenant;
    case PriorityRole:
        return task.priority;
    case RankRole:
        return task.rank;
    case ArchivedRole:
        return task.archived;
    case CreatedAtRole:
        return task.createdAt;
    case StartedAtRole:
        return task.startedAt ? QVariant(*task.startedAt) : QVariant();
    case CompletedAtRole:
        return task.completedAt ? QVariant(*task.completedAt) : QVariant();
    case ParentCountRole:
        return int(task.parents.size());
    case ChildCountRole:
        return int(task.children.size());
    case ChildrenDoneRole:
        return childrenDone(task);
    case OpenParentCountRole:
        return openParents(task);
    case CommentCountRole:
        return card->commentCount;
    case FailuresRole:
        return task.consecutiveFailures;
    case BlockReasonRole:
        return task.blockReason;
    case LastErrorRole:
        return task.lastError;
    case RetryAfterRole:
        return task.retryAfter ? QVariant(*task.retryAfter) : QVariant();
    case SkillsRole:
        return task.skills;
    case RunIdRole:
        return task.currentRunId ? QVariant(*task.currentRunId) : QVariant();
    case RunStartedAtRole:
        return card->openRun ? QVariant(card->openRun->startedAt) : QVariant();
    case HeartbeatAtRole:
        return card->openRun && card->openRun->heartbeatAt ? QVariant(*card->openRun->heartbeatAt)
                                                           : QVariant();
    case PidRole:
        return card->openRun && card->openRun->pid ? QVariant(*card->openRun->pid) : QVariant();
    case IsColumnRole:
        return false;
    case WaitingReasonRole:
        if (task.status != TaskStatus::Ready)
            return QString();
        if (const QString reason = m_waitingReasons.value(task.id); !reason.isEmpty())
            return reason;
        return m_dispatchPaused && !task.assignee.isEmpty() ? tr("dispatching is paused")
                                                            : QString();
    case TaskRole:
        return QVariant::fromValue(task);
    default:
        return {};
    }
}

QVariant BoardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= columnCountValue)
        return {};
    switch (TaskStatus(section)) {
    case TaskStatus::Triage: return tr("Triage");
    case TaskStatus::Todo: return tr("Todo");
    case TaskStatus::Ready: return tr("Ready");
    case TaskStatus::Running: return tr("Running");
    case TaskStatus::Blocked: return tr("Blocked");
    case TaskStatus::Done: return tr("Done");
    }
    return {};
}

Qt::ItemFlags BoardModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::DoNotUseParent))
        return Qt::NoItemFlags;
    if (index.internalId() == columnMarker)
        return Qt::ItemIsEnabled | Qt::ItemIsDropEnabled;
    // Cards accept drops too: dropping on a card places the dragged ones above it.
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled
        | Qt::ItemIsDropEnabled | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> BoardModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert({{IdRole, "taskId"},         {TitleRole, "title"},
                  {BodyRole, "body"},         {StatusRole, "status"},
                  {StatusNameRole, "statusName"}, {AssigneeRole, "assignee"},
                  {TenantRole, "tenant"},     {PriorityRole, "priority"},
                  {RankRole, "rank"},         {ArchivedRole, "archived"},
                  {CreatedAtRole, "createdAt"}, {StartedAtRole, "startedAt"},
                  {CompletedAtRole, "completedAt"}, {ParentCountRole, "parentCount"},
                  {ChildCountRole, "childCount"}, {ChildrenDoneRole, "childrenDone"},
                  {OpenParentCountRole, "openParentCount"}, {CommentCountRole, "commentCount"},
                  {FailuresRole, "failures"}, {BlockReasonRole, "blockReason"},
                  {LastErrorRole, "lastError"}, {RetryAfterRole, "retryAfter"},
                  {SkillsRole, "skills"},     {RunIdRole, "runId"},
                  {RunStartedAtRole, "runStartedAt"}, {HeartbeatAtRole, "heartbeatAt"},
                  {PidRole, "pid"},           {IsColumnRole, "isColumn"},
                  {CardCountRole, "cardCount"}, {WaitingReasonRole, "waitingReason"},
                  {TaskRole, "task"}});
    return names;
}

// ---------------------------------------------------------------- drag and drop

QStringList BoardModel::mimeTypes() const
{
    return {QLatin1StringView(TaskMimeData::mimeType)};
}

QMimeData *BoardModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &index : indexes) {
        if (const BoardCard *card = cardAt(index); card && !ids.contains(card->task.id))
            ids << card->task.id;
    }
    if (ids.isEmpty())
        return nullptr;
    return TaskMimeData::encode(ids);
}

Qt::DropActions BoardModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions BoardModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

bool BoardModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                 int column, const QModelIndex &parent) const
{
    Q_UNUSED(row)
    Q_UNUSED(column)
    if (action == Qt::IgnoreAction)
        return true;
    if (!data || !data->hasFormat(QLatin1StringView(TaskMimeData::mimeType)))
        return false;
    return parent.isValid() && (action == Qt::MoveAction || action == Qt::CopyAction);
}

bool BoardModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                              const QModelIndex &parent)
{
    if (action == Qt::IgnoreAction)
        return true;
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QStringList ids = TaskMimeData::decode(data);
    if (ids.isEmpty())
        return false;

    // Where it landed: on a column (between cards, at `row`), or on a card (above it).
    int targetColumn = -1;
    QString beforeId;
    if (parent.internalId() == columnMarker) {
        targetColumn = parent.row();
        if (row >= 0 && row < m_columns[targetColumn].size())
            beforeId = m_columns[targetColumn][row].task.id;
    } else if (const BoardCard *onto = cardAt(parent)) {
        targetColumn = int(onto->task.status);
        beforeId = onto->task.id;
    }
    if (targetColumn < 0 || targetColumn >= columnCountValue)
        return false;
    return moveCards(ids, TaskStatus(targetColumn), beforeId);
}

bool BoardModel::moveCards(const QStringList &ids, TaskStatus target, const QString &beforeId)
{
    // Dropping a card just above itself changes nothing.
    if (ids.size() == 1 && beforeId == ids.constFirst())
        return false;

    QStringList unknown;
    QStringList moving;
    QStringList reordering;
    QStringList leavingRunning;
    for (const QString &id : ids) {
        auto it = m_columnOf.constFind(id);
        if (it == m_columnOf.constEnd()) {
            unknown << id;
            continue;
        }
        if (*it == target) {
            reordering << id;
        } else {
            moving << id;
            if (*it == TaskStatus::Running)
                leavingRunning << id;
        }
    }
    if (!unknown.isEmpty()) {
        Q_EMIT dropRefused(tr("Not on this board: %1").arg(unknown.join(u", "_s)));
        return false;
    }
    if (!moving.isEmpty() && target == TaskStatus::Running) {
        Q_EMIT dropRefused(tr("Only the dispatcher starts work: a card cannot be moved into "
                              "Running."));
        return false;
    }
    QString note;
    if (!moving.isEmpty() && (target == TaskStatus::Blocked || target == TaskStatus::Done)) {
        const std::optional<QString> asked = m_noteRequest ? m_noteRequest(target, moving)
                                                           : std::nullopt;
        if (!asked || asked->trimmed().isEmpty()) {
            Q_EMIT dropRefused(target == TaskStatus::Blocked
                                   ? tr("A card moved to Blocked needs a reason.")
                                   : tr("Moving to Done was cancelled."));
            return false;
        }
        note = asked->trimmed();
    }
    if (!leavingRunning.isEmpty() && !(m_stopConfirmation && m_stopConfirmation(leavingRunning))) {
        Q_EMIT dropRefused(tr("The running cards stay where they are."));
        return false;
    }
    CardMove move{moving + reordering, target, note, beforeId, {}, {}, {}};
    for (const QString &id : std::as_const(move.ids)) {
        const auto where = locate(id);
        const QList<BoardCard> &cards = m_columns[where->first];
        const Task &task = cards[where->second].task;
        move.from.insert(id, task.status);
        move.previousBeforeId.insert(
            id, where->second + 1 < cards.size() ? cards[where->second + 1].task.id : QString());
        move.previousNote.insert(id, task.status == TaskStatus::Blocked ? task.blockReason
                                                                        : task.summary);
    }
    if (m_moveExecutor)
        m_moveExecutor(move);
    else
        applyMove(move);
    return true;
}

void BoardModel::applyMove(const CardMove &move)
{
    QStringList moving;
    QStringList reordering;
    for (const QString &id : move.ids)
        (move.from.value(id) == move.to ? reordering : moving) << id;
    if (!moving.isEmpty())
        m_dropCommand = m_service->moveTasks(moving, move.to, move.note, move.beforeId);
    if (!reordering.isEmpty())
        m_dropCommand = m_service->placeBefore(reordering, move.beforeId);
}

void BoardModel::revertMove(const CardMove &move)
{
    // Bottom-most first, so each card finds the one it sat above already in place.
    for (auto it = move.ids.crbegin(); it != move.ids.crend(); ++it) {
        const QString &id = *it;
        const TaskStatus from = move.from.value(id);
        const QString before = move.previousBeforeId.value(id);
        if (from == move.to)
            m_dropCommand = m_service->placeBefore({id}, before);
        else
            m_dropCommand = m_service->moveTasks({id}, from, move.previousNote.value(id), before);
    }
}

bool BoardModel::removeRows(int row, int count, const QModelIndex &parent)
{
    // Cards leave a column only when the kernel says so (see the class comment).
    Q_UNUSED(row)
    Q_UNUSED(count)
    Q_UNUSED(parent)
    return false;
}

// ---------------------------------------------------------------- loading and updates

void BoardModel::setWaitingReasons(const QHash<QString, QString> &reasons)
{
    if (reasons == m_waitingReasons)
        return;
    QStringList touched = m_waitingReasons.keys();
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it) {
        if (m_waitingReasons.value(it.key()) != it.value())
            touched << it.key();
    }
    m_waitingReasons = reasons;
    const QList<int> roles{WaitingReasonRole, Qt::DisplayRole};
    for (const QString &id : std::as_const(touched)) {
        const QModelIndex card = indexOfTask(id);
        if (card.isValid())
            Q_EMIT dataChanged(card, card, roles);
    }
}

void BoardModel::setDispatchPaused(bool paused)
{
    if (paused == m_dispatchPaused)
        return;
    m_dispatchPaused = paused;
    const QModelIndex ready = columnIndex(TaskStatus::Ready);
    const int rows = rowCount(ready);
    if (rows > 0)
        Q_EMIT dataChanged(index(0, 0, ready), index(rows - 1, 0, ready), {WaitingReasonRole});
}

void BoardModel::setIncludeArchived(bool include)
{
    if (include == m_includeArchived)
        return;
    m_includeArchived = include;
    reload();
}

void BoardModel::reload()
{
    m_service->loadBoard(m_includeArchived, ++m_generation);
}

void BoardModel::onBoardLoaded(const QList<BoardCard> &cards, quint64 generation)
{
    if (generation != m_generation)
        return; // an older request, overtaken by a newer one
    std::array<QList<BoardCard>, columnCountValue> columns;
    for (const BoardCard &card : cards)
        columns[int(card.task.status)] << card;
    for (QList<BoardCard> &column : columns) {
        std::sort(column.begin(), column.end(), [](const BoardCard &a, const BoardCard &b) {
            return sortsBefore(a.task, b.task);
        });
    }
    // Column rows stay; only their children are replaced, so views keep their roots.
    for (int column = 0; column < columnCountValue; ++column) {
        const QModelIndex parent = index(column, 0);
        if (!m_columns[column].isEmpty()) {
            beginRemoveRows(parent, 0, int(m_columns[column].size()) - 1);
            m_columns[column].clear();
            endRemoveRows();
        }
        if (!columns[column].isEmpty()) {
            beginInsertRows(parent, 0, int(columns[column].size()) - 1);
            m_columns[column] = std::move(columns[column]);
            endInsertRows();
        }
    }
    m_columnOf.clear();
    for (int column = 0; column < columnCountValue; ++column) {
        for (const BoardCard &card : std::as_const(m_columns[column]))
            m_columnOf.insert(card.task.id, TaskStatus(column));
    }
    Q_EMIT dataChanged(index(0, 0), index(columnCountValue - 1, 0));
    m_loaded = true;
    Q_EMIT loaded();
}

void BoardModel::onCardsLoaded(const QList<BoardCard> &cards, const QStringList &missing)
{
    if (!m_loaded)
        return;
    QStringList touched;
    for (const BoardCard &card : cards) {
        applyCard(card);
        touched << card.task.id;
        noteDependents(card.task, touched);
    }
    for (const QString &id : missing) {
        removeCard(id);
        touched << id;
    }
    // Counts, progress and open parents of the neighbours may have changed with them.
    for (const QString &id : std::as_const(touched)) {
        const QModelIndex cardIndex = indexOfTask(id);
        if (cardIndex.isValid())
            Q_EMIT dataChanged(cardIndex, cardIndex);
    }
    Q_EMIT dataChanged(index(0, 0), index(columnCountValue - 1, 0));
    Q_EMIT cardsUpdated(touched);
}

void BoardModel::noteDependents(const Task &task, QStringList &touched) const
{
    for (const QString &id : task.parents + task.children) {
        if (!touched.contains(id))
            touched << id;
    }
}

int BoardModel::insertionRow(int column, const Task &task) const
{
    const QList<BoardCard> &cards = m_columns[column];
    auto it = std::lower_bound(cards.cbegin(), cards.cend(), task,
                               [](const BoardCard &card, const Task &key) {
                                   return sortsBefore(card.task, key);
                               });
    return int(it - cards.cbegin());
}

void BoardModel::applyCard(const BoardCard &card)
{
    const Task &task = card.task;
    if (task.archived && !m_includeArchived) {
        removeCard(task.id);
        return;
    }
    const int target = int(task.status);
    const QModelIndex targetParent = index(target, 0);
    const auto where = locate(task.id);
    if (!where) {
        const int row = insertionRow(target, task);
        beginInsertRows(targetParent, row, row);
        m_columns[target].insert(row, card);
        m_columnOf.insert(task.id, task.status);
        endInsertRows();
        return;
    }
    const auto [column, row] = *where;
    if (column == target) {
        QList<BoardCard> &cards = m_columns[column];
        int finalRow = insertionRow(target, task);
        if (row < finalRow)
            --finalRow; // the card itself no longer sits above its new place
        if (finalRow != row) {
            const int destination = finalRow > row ? finalRow + 1 : finalRow;
            if (beginMoveRows(targetParent, row, row, targetParent, destination)) {
                cards.move(row, finalRow);
                endMoveRows();
            } else {
                finalRow = row;
            }
        }
        cards[finalRow] = card;
        const QModelIndex changed = index(finalRow, 0, targetParent);
        Q_EMIT dataChanged(changed, changed);
        return;
    }
    const QModelIndex sourceParent = index(column, 0);
    const int destination = insertionRow(target, task);
    if (!beginMoveRows(sourceParent, row, row, targetParent, destination))
        return;
    m_columns[column].removeAt(row);
    m_columns[target].insert(destination, card);
    m_columnOf.insert(task.id, task.status);
    endMoveRows();
    const QModelIndex changed = index(destination, 0, targetParent);
    Q_EMIT dataChanged(changed, changed);
}

void BoardModel::removeCard(const QString &id)
{
    const auto where = locate(id);
    if (!where)
        return;
    const auto [column, row] = *where;
    beginRemoveRows(index(column, 0), row, row);
    m_columns[column].removeAt(row);
    m_columnOf.remove(id);
    endRemoveRows();
}
