#include "carddelegate.h"

#include "boardmodel.h"
#include "taskstatus.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>
#include <QPainterPath>
#include <QStringList>
#include <QTextLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int outerMargin = 4;
constexpr int padding = 8;
constexpr int accentWidth = 4;
constexpr int radius = 6;

// Hues that read on light and dark palettes alike.
QColor accentFor(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Triage: return QColor(0x8e, 0x8e, 0x93);
    case TaskStatus::Todo: return QColor(0x5a, 0x8d, 0xd6);
    case TaskStatus::Ready: return QColor(0x2e, 0xa0, 0x6b);
    case TaskStatus::Running: return QColor(0xe0, 0x9b, 0x1a);
    case TaskStatus::Blocked: return QColor(0xd9, 0x48, 0x3b);
    case TaskStatus::Done: return QColor(0x6c, 0x6c, 0x70);
    }
    return {};
}

QFont titleFont(const QFont &base)
{
    QFont font = base;
    font.setBold(true);
    return font;
}

QFont smallFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(qMax(6.0, base.pointSizeF() * 0.88));
    return font;
}

// The title wrapped to two lines at most, the second one elided.
QStringList titleLines(const QString &text, const QFont &font, qreal width)
{
    QTextLayout layout(text, font);
    layout.beginLayout();
    QStringList lines;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        const QString rest = text.mid(line.textStart()).trimmed();
        if (lines.size() == 1) {
            lines << QFontMetricsF(font).elidedText(rest, Qt::ElideRight, width);
            break;
        }
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

QString priorityChip(const QModelIndex &index)
{
    const int priority = index.data(BoardModel::PriorityRole).toInt();
    return priority == 0 ? QString() : u"P%1"_s.arg(priority);
}

qreal chipWidth(const QString &chip, const QFont &small)
{
    return chip.isEmpty() ? 0 : QFontMetricsF(small).horizontalAdvance(chip) + 8;
}

QString metaLine(const QModelIndex &index, qint64 now)
{
    QStringList parts;
    const QString assignee = index.data(BoardModel::AssigneeRole).toString();
    parts << (assignee.isEmpty() ? CardDelegate::tr("unassigned") : u"@"_s + assignee);
    const QString tenant = index.data(BoardModel::TenantRole).toString();
    if (!tenant.isEmpty())
        parts << u"[%1]"_s.arg(tenant);
    const qint64 created = index.data(BoardModel::CreatedAtRole).toLongLong();
    if (created > 0)
        parts << CardDelegate::formatAge(now - created);
    return parts.join(u" · "_s);
}

QString badgeLine(const QModelIndex &index)
{
    QStringList parts;
    const int parents = index.data(BoardModel::ParentCountRole).toInt();
    const int openParents = index.data(BoardModel::OpenParentCountRole).toInt();
    if (parents > 0) {
        parts << (openParents > 0 ? CardDelegate::tr("waits on %1/%2").arg(openParents).arg(parents)
                                  : CardDelegate::tr("deps %1").arg(parents));
    }
    const int children = index.data(BoardModel::ChildCountRole).toInt();
    if (children > 0) {
        parts << CardDelegate::tr("%1/%2 done")
                     .arg(index.data(BoardModel::ChildrenDoneRole).toInt())
                     .arg(children);
    }
    const int comments = index.data(BoardModel::CommentCountRole).toInt();
    if (comments > 0)
        parts << CardDelegate::tr("%n comment(s)", nullptr, comments);
    return parts.join(u"  "_s);
}

} // namespace

CardDelegate::CardDelegate(QObject *parent)
    : QStyledItemDelegate(parent), m_clock([] { return QDateTime::currentSecsSinceEpoch(); })
{
}

QString CardDelegate::formatAge(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return tr("%1s").arg(seconds);
    if (seconds < 3600)
        return tr("%1m").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1h").arg(seconds / 3600);
    return tr("%1d").arg(seconds / 86400);
}

QString CardDelegate::statusLine(const QModelIndex &index) const
{
    const qint64 now = m_clock();
    switch (TaskStatus(index.data(BoardModel::StatusRole).toInt())) {
    case TaskStatus::Blocked: {
        const QString reason = index.data(BoardModel::BlockReasonRole).toString();
        return reason.isEmpty() ? tr("blocked") : reason;
    }
    case TaskStatus::Running: {
        QStringList parts;
        const QVariant started = index.data(BoardModel::RunStartedAtRole);
        if (started.isValid())
            parts << tr("running %1").arg(formatAge(now - started.toLongLong()));
        const QVariant beat = index.data(BoardModel::HeartbeatAtRole);
        if (beat.isValid())
            parts << tr("heartbeat %1 ago").arg(formatAge(now - beat.toLongLong()));
        const QVariant pid = index.data(BoardModel::PidRole);
        if (pid.isValid())
            parts << tr("pid %1").arg(pid.toLongLong());
        return parts.join(u" · "_s);
    }
    case TaskStatus::Ready: {
        const QString waiting = index.data(BoardModel::WaitingReasonRole).toString();
        if (!waiting.isEmpty())
            return tr("not running: %1").arg(waiting);
        if (index.data(BoardModel::AssigneeRole).toString().isEmpty())
            return tr("not running: needs an assignee");
        const QVariant retry = index.data(BoardModel::RetryAfterRole);
        if (retry.isValid() && retry.toLongLong() > now)
            return tr("not running: retry in %1").arg(formatAge(retry.toLongLong() - now));
        return {};
    }
    case TaskStatus::Todo: // the badge line already says what it waits for
    case TaskStatus::Triage:
    case TaskStatus::Done:
        return {};
    }
    return {};
}

int CardDelegate::titleLineCount(const QString &title, const QFont &font, int width) const
{
    constexpr qsizetype cacheLimit = 50000;
    const QString key = QString::number(width) + u'|' + font.key() + u'|' + title;
    if (auto it = m_titleLines.constFind(key); it != m_titleLines.constEnd())
        return *it;
    if (m_titleLines.size() > cacheLimit)
        m_titleLines.clear();
    const int lines = int(titleLines(title, font, width).size());
    m_titleLines.insert(key, lines);
    return lines;
}

QSize CardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics title(titleFont(option.font));
    const QFontMetrics small(smallFont(option.font));
    int height = 2 * outerMargin + 2 * padding;
    const int textWidth = qMax(80, option.rect.width() - 2 * outerMargin - 2 * padding - accentWidth);
    const qreal chip = chipWidth(priorityChip(index), smallFont(option.font));
    const int lines = titleLineCount(index.data(BoardModel::TitleRole).toString(),
                                     titleFont(option.font),
                                     int(textWidth - (chip > 0 ? chip + 6 : 0)));
    height += qMax(lines, 1) * title.lineSpacing() + 2;
    height += small.lineSpacing() + 2; // meta line
    if (!badgeLine(index).isEmpty() || index.data(BoardModel::FailuresRole).toInt() > 0)
        height += small.lineSpacing() + 2;
    if (!statusLine(index).isEmpty())
        height += small.lineSpacing() + 2;
    return {qMax(option.rect.width(), 160), height};
}

void CardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const auto status = TaskStatus(index.data(BoardModel::StatusRole).toInt());
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool focused = option.state.testFlag(QStyle::State_HasFocus);
    const bool archived = index.data(BoardModel::ArchivedRole).toBool();

    const QRectF card = QRectF(option.rect).adjusted(outerMargin, outerMargin, -outerMargin,
                                                    -outerMargin);
    QPainterPath shape;
    shape.addRoundedRect(card, radius, radius);
    QColor background = palette.color(QPalette::Base);
    if (selected) {
        // A tint of the highlight over the card keeps the text readable in both themes.
        const QColor highlight = palette.color(QPalette::Highlight);
        const qreal tint = 0.22;
        background = QColor::fromRgbF(
            background.redF() * (1 - tint) + highlight.redF() * tint,
            background.greenF() * (1 - tint) + highlight.greenF() * tint,
            background.blueF() * (1 - tint) + highlight.blueF() * tint);
    }
    painter->fillPath(shape, background);
    QPen border(selected || focused ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid));
    border.setWidthF(selected || focused ? 1.6 : 1.0);
    painter->setPen(border);
    painter->drawPath(shape);

    // Status accent along the left edge.
    QPainterPath accent;
    accent.addRoundedRect(QRectF(card.left(), card.top(), accentWidth + radius, card.height()),
                          radius, radius);
    painter->save();
    painter->setClipRect(QRectF(card.left(), card.top(), accentWidth, card.height()));
    painter->fillPath(accent, accentFor(status));
    painter->restore();

    const QColor text = palette.color(QPalette::Text);
    QColor muted = text;
    muted.setAlphaF(archived ? 0.45 : 0.68);
    const qreal left = card.left() + accentWidth + padding;
    const qreal width = card.width() - accentWidth - 2 * padding;
    qreal y = card.top() + padding;

    // Priority chip on the right of the title.
    const int priority = index.data(BoardModel::PriorityRole).toInt();
    qreal titleWidth = width;
    const QFont small = smallFont(option.font);
    const QFontMetricsF smallMetrics(small);
    if (const QString chip = priorityChip(index); !chip.isEmpty()) {
        const qreal chipSize = chipWidth(chip, small);
        const QRectF chipRect(card.right() - padding - chipSize, y, chipSize,
                              smallMetrics.height() + 2);
        QPainterPath chipPath;
        chipPath.addRoundedRect(chipRect, 4, 4);
        painter->fillPath(chipPath, priority > 0 ? QColor(0xe0, 0x9b, 0x1a, 60)
                                                 : QColor(0x5a, 0x8d, 0xd6, 60));
        painter->setFont(small);
        painter->setPen(text);
        painter->drawText(chipRect, Qt::AlignCenter, chip);
        titleWidth -= chipSize + 6;
    }

    const QFont title = titleFont(option.font);
    const QFontMetricsF titleMetrics(title);
    painter->setFont(title);
    painter->setPen(archived ? muted : text);
    const QStringList lines = titleLines(index.data(BoardModel::TitleRole).toString(), title,
                                         titleWidth);
    for (const QString &line : lines) {
        painter->drawText(QRectF(left, y, titleWidth, titleMetrics.lineSpacing()), Qt::AlignLeft,
                          line);
        y += titleMetrics.lineSpacing();
    }
    y += 2;

    painter->setFont(small);
    painter->setPen(muted);
    painter->drawText(QRectF(left, y, width, smallMetrics.lineSpacing()), Qt::AlignLeft,
                      smallMetrics.elidedText(metaLine(index, m_clock()), Qt::ElideRight, width));
    y += smallMetrics.lineSpacing() + 2;

    const QString badges = badgeLine(index);
    const int failures = index.data(BoardModel::FailuresRole).toInt();
    if (!badges.isEmpty() || failures > 0) {
        qreal x = left;
        if (failures > 0) {
            const QString streak = tr("%n failure(s)", nullptr, failures);
            const qreal streakWidth = smallMetrics.horizontalAdvance(streak) + 8;
            QPainterPath pill;
            pill.addRoundedRect(QRectF(x, y, streakWidth, smallMetrics.height() + 1), 4, 4);
            painter->fillPath(pill, QColor(0xd9, 0x48, 0x3b, 70));
            painter->setPen(text);
            painter->drawText(QRectF(x, y, streakWidth, smallMetrics.height() + 1), Qt::AlignCenter,
                              streak);
            x += streakWidth + 6;
        }
        painter->setPen(muted);
        painter->drawText(QRectF(x, y, left + width - x, smallMetrics.lineSpacing()), Qt::AlignLeft,
                          smallMetrics.elidedText(badges, Qt::ElideRight, left + width - x));
        y += smallMetrics.lineSpacing() + 2;
    }

    const QString statusText = statusLine(index);
    if (!statusText.isEmpty()) {
        QColor statusColor = accentFor(status);
        if (status == TaskStatus::Todo || status == TaskStatus::Ready)
            statusColor = muted;
        painter->setPen(statusColor);
        painter->drawText(QRectF(left, y, width, smallMetrics.lineSpacing()), Qt::AlignLeft,
                          smallMetrics.elidedText(statusText, Qt::ElideRight, width));
    }
    painter->restore();
}
