#pragma once

#include <QHash>
#include <QStyledItemDelegate>

#include <functional>

// Paints a card from BoardModel's roles: title, assignee, priority, tenant, age,
// dependencies, comments and progress, a failure streak, and a status line that says
// what the card is waiting for (the block reason, the worker's pid and heartbeat, or
// why a ready card is not running yet).
class CardDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CardDelegate)

public:
    using Clock = std::function<qint64()>;

    explicit CardDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Unix seconds; tests and screenshots pin it.
    void setClock(Clock clock) { m_clock = std::move(clock); }

    static QString formatAge(qint64 seconds);
    // The line under a card's badges, or empty.
    QString statusLine(const QModelIndex &index) const;

private:
    int titleLineCount(const QString &title, const QFont &font, int width) const;

    Clock m_clock;
    // A relayout of a long column asks every card's size; wrapping its title is the
    // costly part, and titles rarely change.
    mutable QHash<QString, int> m_titleLines;
};
