#pragma once

#include "taskstatus.h"

#include <QList>
#include <QStringList>
#include <QWidget>

#include <optional>

class BoardFilterProxyModel;
class BoardModel;
class CardDelegate;
class ColumnView;
class QLabel;
class QLineEdit;
class QVBoxLayout;

// The board: the six columns side by side, each a ColumnView over a filter proxy of the
// one BoardModel. With lanes on, one row of columns per assignee.
class BoardView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoardView)

public:
    explicit BoardView(BoardModel *model, QWidget *parent = nullptr);
    ~BoardView() override;

    void setSearchText(const QString &text);
    void setTenant(const QString &tenant);
    bool lanesEnabled() const { return m_lanesEnabled; }
    void setLanesEnabled(bool enabled);

    QStringList selectedTaskIds() const;
    QString currentTaskId() const;
    void selectTask(const QString &id);
    ColumnView *columnView(TaskStatus status, int lane = 0) const;
    CardDelegate *delegate() const { return m_delegate; }
    int laneCount() const { return int(m_lanes.size()); }

Q_SIGNALS:
    void currentTaskChanged(const QString &id);
    void openRequested(const QString &id);
    void quickCreateRequested(TaskStatus column, const QString &title);
    // Right click (or the menu key) on a column: the selected cards' ids, where to show it.
    void cardMenuRequested(ColumnView *view, const QPoint &globalPosition);

private:
    struct Lane {
        std::optional<QString> assignee;
        BoardFilterProxyModel *proxy = nullptr;
        QWidget *row = nullptr;
        QList<ColumnView *> views;
        QList<QLabel *> headers;
    };

    void rebuildLanes();
    Lane buildLane(const std::optional<QString> &assignee);
    void updateHeaders();
    void wireView(ColumnView *view, int lane);
    QStringList knownAssignees() const;

    BoardModel *m_model;
    CardDelegate *m_delegate;
    QVBoxLayout *m_lanesLayout;
    QList<Lane> m_lanes;
    QString m_searchText;
    QString m_tenant;
    bool m_lanesEnabled = false;
};
