#pragma once

#include <QList>
#include <QString>

// Times `qanbanctl --home HOME show ID` from process start to exit, as a script or a
// worker pays it. Skips (with the reason) when the binary is missing or does not know
// `show` yet, so the benchmark runs whatever state qanbanctl is in.
class CtlProbe final
{
public:
    struct Timing {
        bool measured = false;
        QString skipReason;
        QList<double> runsMs;
    };

    explicit CtlProbe(const QString &program);

    Timing measureShow(const QString &home, const QString &taskId, int runs) const;

private:
    QString m_program;
};
