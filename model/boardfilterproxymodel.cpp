#include "boardfilterproxymodel.h"

#include "boardmodel.h"

BoardFilterProxyModel::BoardFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    // The board model keeps its own order (rank); the proxy only filters.
    setDynamicSortFilter(false);
}

void BoardFilterProxyModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    invalidateRowsFilter();
}

void BoardFilterProxyModel::setAssignee(const std::optional<QString> &assignee)
{
    if (assignee == m_assignee)
        return;
    m_assignee = assignee;
    invalidateRowsFilter();
}

void BoardFilterProxyModel::setTenant(const QString &tenant)
{
    if (tenant == m_tenant)
        return;
    m_tenant = tenant;
    invalidateRowsFilter();
}

bool BoardFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!sourceParent.isValid())
        return true; // a column
    const QModelIndex card = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_assignee && card.data(BoardModel::AssigneeRole).toString() != *m_assignee)
        return false;
    if (!m_tenant.isEmpty() && card.data(BoardModel::TenantRole).toString() != m_tenant)
        return false;
    if (m_searchText.isEmpty())
        return true;
    for (int role : {int(BoardModel::TitleRole), int(BoardModel::BodyRole), int(BoardModel::IdRole)}) {
        if (card.data(role).toString().contains(m_searchText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
