#pragma once

#include "taskstatus.h"

#include <QListView>
#include <QStringList>

// One status column of the board: a list view rooted at its column's index, dragging
// and dropping cards (move only), with the keyboard doing everything the mouse does.
class ColumnView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ColumnView)

public:
    explicit ColumnView(TaskStatus status, QWidget *parent = nullptr);

    TaskStatus status() const { return m_status; }
    QStringList selectedTaskIds() const;
    // The task id under the current index, or empty.
    QString currentTaskId() const;
    void selectTask(const QString &id);

Q_SIGNALS:
    // Ctrl+Left / Ctrl+Right: move the selected cards one column over.
    void moveToNeighbourRequested(const QStringList &ids, int direction);
    // Ctrl+Up / Ctrl+Down: reorder the current card within the column.
    void reorderRequested(const QString &id, const QString &beforeId);
    // Left / Right at the edge of a column: focus the neighbouring column.
    void focusNeighbourRequested(int direction);
    void openRequested(const QString &id);
    void currentTaskChanged(const QString &id);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    TaskStatus m_status;
};
