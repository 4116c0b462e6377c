#pragma once

#include <QSortFilterProxyModel>
#include <QString>

#include <optional>

// Narrows the board to what the operator is looking for: text in a card's title, body or
// id, one assignee (a lane), one tenant. Column rows always pass, so column views keep
// their roots; drops pass through to BoardModel unchanged.
class BoardFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BoardFilterProxyModel)

public:
    explicit BoardFilterProxyModel(QObject *parent = nullptr);

    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    // nullopt: every assignee; an empty string: unassigned cards only.
    std::optional<QString> assignee() const { return m_assignee; }
    void setAssignee(const std::optional<QString> &assignee);
    QString tenant() const { return m_tenant; }
    void setTenant(const QString &tenant);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_searchText;
    std::optional<QString> m_assignee;
    QString m_tenant;
};
