#pragma once

#include <QPlainTextEdit>
#include <QString>

class QTimer;

// The log of one run, following the file while the run is open. Memory stays bounded
// however long the log: only the last lines are kept, and only new bytes are read.
class RunLogView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunLogView)

public:
    static constexpr int maxLines = 5000;

    explicit RunLogView(QWidget *parent = nullptr);

    // follow: keep reading what the worker appends.
    void showLog(const QString &path, bool follow);
    void clearLog();
    QString path() const { return m_path; }
    void setPollInterval(int ms);

private:
    void readMore();

    QString m_path;
    qint64 m_offset = 0;
    QTimer *m_timer;
};
