#pragma once

#include "boardcard.h"
#include "cardmove.h"
#include "taskstatus.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QStringList>

#include <array>
#include <functional>
#include <optional>

class TaskService;

// The board as one tree: the six status columns are the top-level rows (always there,
// never removed, so a column view's root index stays valid), their children are the
// cards in rank order.
//
// The model never edits rows on its own. A drop becomes one kernel command through the
// TaskService; the rows change when the change feed reports what the command (or any
// other process) did, and then only the rows concerned move, appear, change or go.
// removeRows() is refused on purpose: after a move-drag the view calls it on the source,
// and the card must not vanish.
class BoardModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoardModel)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        BodyRole,
        StatusRole,        // TaskStatus as int
        StatusNameRole,
        AssigneeRole,
        TenantRole,
        PriorityRole,
        RankRole,
        ArchivedRole,
        CreatedAtRole,
        StartedAtRole,
        CompletedAtRole,
        ParentCountRole,
        ChildCountRole,
        ChildrenDoneRole,
        OpenParentCountRole,
        CommentCountRole,
        FailuresRole,
        BlockReasonRole,
        LastErrorRole,
        RetryAfterRole,
        SkillsRole,
        RunIdRole,
        RunStartedAtRole,
        HeartbeatAtRole,
        PidRole,
        IsColumnRole,
        CardCountRole,
        WaitingReasonRole, // why a ready card is not running, as the dispatcher said
        TaskRole, // the whole Task, for the drawer
    };
    Q_ENUM(Role)

    // Asks for the reason (into blocked) or the completion summary (into done) when a
    // drop needs one; nullopt cancels the drop.
    using NoteRequest =
        std::function<std::optional<QString>(TaskStatus target, const QStringList &ids)>;
    // Asks before a drop takes running cards out of Running (their workers are stopped).
    using StopConfirmation = std::function<bool(const QStringList &ids)>;
    // Carries out a validated move; the desktop app records it for undo first.
    using MoveExecutor = std::function<void(const CardMove &move)>;

    explicit BoardModel(TaskService *service, QObject *parent = nullptr);
    ~BoardModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    // The operator's move of cards to a column, above beforeId (or at the bottom): the
    // same rules as a drop. Returns false, with dropRefused, when it is refused up front.
    bool moveCards(const QStringList &ids, TaskStatus target, const QString &beforeId = {});

    QModelIndex columnIndex(TaskStatus status) const;
    QModelIndex indexOfTask(const QString &id) const;
    std::optional<BoardCard> card(const QString &id) const;
    TaskService *service() const { return m_service; }

    bool isLoaded() const { return m_loaded; }
    bool includesArchived() const { return m_includeArchived; }
    void setIncludeArchived(bool include);
    void reload();

    void setNoteRequest(NoteRequest request) { m_noteRequest = std::move(request); }
    void setStopConfirmation(StopConfirmation confirm) { m_stopConfirmation = std::move(confirm); }
    void setMoveExecutor(MoveExecutor executor) { m_moveExecutor = std::move(executor); }
    // Why ready cards wait (task id -> one line), from the dispatcher's last tick.
    void setWaitingReasons(const QHash<QString, QString> &reasons);
    // While dispatching is paused, every assigned ready card says so.
    void setDispatchPaused(bool paused);

    // Sends a move, or its reverse, to the kernel. A refusal comes back as dropRefused.
    void applyMove(const CardMove &move);
    void revertMove(const CardMove &move);

Q_SIGNALS:
    void loaded();
    // A drop the model refused before asking the kernel, or one the kernel refused.
    void dropRefused(const QString &reason);
    // Rows changed because of the change feed (or our own command).
    void cardsUpdated(const QStringList &ids);

private:
    static constexpr int columnCountValue = TaskStatuses::count;

    const BoardCard *cardAt(const QModelIndex &index) const;
    void onBoardLoaded(const QList<BoardCard> &cards, quint64 generation);
    void onCardsLoaded(const QList<BoardCard> &cards, const QStringList &missing);
    void applyCard(const BoardCard &card);
    void removeCard(const QString &id);
    int insertionRow(int column, const Task &task) const;
    std::optional<std::pair<int, int>> locate(const QString &id) const;
    int childrenDone(const Task &task) const;
    int openParents(const Task &task) const;
    void noteDependents(const Task &task, QStringList &touched) const;

    TaskService *m_service;
    std::array<QList<BoardCard>, columnCountValue> m_columns;
    QHash<QString, TaskStatus> m_columnOf;
    bool m_loaded = false;
    bool m_includeArchived = false;
    quint64 m_generation = 0;
    quint64 m_dropCommand = 0;
    NoteRequest m_noteRequest;
    StopConfirmation m_stopConfirmation;
    MoveExecutor m_moveExecutor;
    QHash<QString, QString> m_waitingReasons;
    bool m_dispatchPaused = false;
};
