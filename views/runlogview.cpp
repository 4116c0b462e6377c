#include "runlogview.h"

#include <QFile>
#include <QFontDatabase>
#include <QScrollBar>
#include <QTimer>

namespace {
// A first look at a huge log starts near its end.
constexpr qint64 initialTailBytes = 256 * 1024;
constexpr qint64 readChunk = 1024 * 1024;
}

RunLogView::RunLogView(QWidget *parent) : QPlainTextEdit(parent), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("run-log"));
    setReadOnly(true);
    setMaximumBlockCount(maxLines);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setAccessibleName(tr("Run log"));
    m_timer->setInterval(300);
    connect(m_timer, &QTimer::timeout, this, &RunLogView::readMore);
}

void RunLogView::setPollInterval(int ms)
{
    m_timer->setInterval(ms);
}

void RunLogView::clearLog()
{
    m_timer->stop();
    m_path.clear();
    m_offset = 0;
    clear();
}

void RunLogView::showLog(const QString &path, bool follow)
{
    clearLog();
    m_path = path;
    if (path.isEmpty()) {
        setPlaceholderText(tr("This run has no log."));
        return;
    }
    QFile file(path);
    if (file.open(QIODevice::ReadOnly) && file.size() > initialTailBytes)
        m_offset = file.size() - initialTailBytes;
    readMore();
    if (follow)
        m_timer->start();
}

void RunLogView::readMore()
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    if (file.size() < m_offset)
        m_offset = 0; // truncated or replaced
    if (file.size() == m_offset || !file.seek(m_offset))
        return;
    const QByteArray bytes = file.read(readChunk);
    // Keep a partial last line for the next read so lines are never split.
    const qsizetype lastNewline = bytes.lastIndexOf('\n');
    if (lastNewline < 0 && file.size() - m_offset < readChunk && m_timer->isActive())
        return;
    const QByteArray complete = lastNewline < 0 ? bytes : bytes.left(lastNewline);
    m_offset += lastNewline < 0 ? bytes.size() : lastNewline + 1;
    QScrollBar *bar = verticalScrollBar();
    const bool atBottom = bar->value() == bar->maximum();
    appendPlainText(QString::fromUtf8(complete));
    if (atBottom)
        bar->setValue(bar->maximum());
}
