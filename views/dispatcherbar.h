#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

// The dispatcher in the toolbar: whether it is dispatching or paused, how many workers run
// against the cap, and the buttons to pause, resume and dispatch now.
class DispatcherBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DispatcherBar)

public:
    explicit DispatcherBar(QWidget *parent = nullptr);

    void setLoad(int running, int cap, bool paused);
    void setUnavailable(const QString &reason);
    QString text() const;

Q_SIGNALS:
    void pauseRequested(bool paused);
    void dispatchNowRequested();

private:
    QLabel *m_state;
    QToolButton *m_pause;
    QToolButton *m_now;
};
