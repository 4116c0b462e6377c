#include "dispatcherbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

using namespace Qt::StringLiterals;

DispatcherBar::DispatcherBar(QWidget *parent)
    : QWidget(parent), m_state(new QLabel(this)), m_pause(new QToolButton(this)),
      m_now(new QToolButton(this))
{
    setObjectName(u"dispatcher-bar"_s);
    m_state->setObjectName(u"dispatcher-state"_s);
    m_pause->setObjectName(u"dispatcher-pause"_s);
    m_now->setObjectName(u"dispatcher-now"_s);
    m_pause->setCheckable(true);
    m_pause->setText(tr("Pause"));
    m_pause->setToolTip(tr("Stop starting new workers; running ones go on"));
    m_now->setText(tr("Dispatch now"));
    connect(m_pause, &QToolButton::toggled, this, [this](bool paused) {
        m_pause->setText(paused ? tr("Resume") : tr("Pause"));
        Q_EMIT pauseRequested(paused);
    });
    connect(m_now, &QToolButton::clicked, this, &DispatcherBar::dispatchNowRequested);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 0, 0, 0);
    layout->addWidget(m_state);
    layout->addWidget(m_pause);
    layout->addWidget(m_now);
    m_state->setText(tr("Dispatcher starting…"));
}

void DispatcherBar::setLoad(int running, int cap, bool paused)
{
    const QString workers = cap > 0 ? tr("%1/%2 workers").arg(running).arg(cap)
                                    : tr("%n worker(s)", nullptr, running);
    m_state->setText(paused ? tr("Paused · %1").arg(workers) : tr("Dispatching · %1").arg(workers));
    const QSignalBlocker blocker(m_pause);
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_pause->setEnabled(true);
    m_now->setEnabled(!paused);
}

void DispatcherBar::setUnavailable(const QString &reason)
{
    m_state->setText(tr("Dispatcher stopped: %1").arg(reason));
    m_pause->setEnabled(false);
    m_now->setEnabled(false);
}

QString DispatcherBar::text() const
{
    return m_state->text();
}
