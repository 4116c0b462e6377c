#pragma once

#include "dispatcher.h"
#include "profile.h"
#include "profilecatalog.h"
#include "tempboard.h"

#include <QString>
#include <QStringList>

#include <memory>

// Shared pieces of the dispatcher's tests: the helper programs, profiles that run the
// fake worker, and a dispatcher wired to a TempBoard.
namespace DispatchTest {

QString fakeWorker();
QString testSupervisor();
QString testDispatcher();

// A profile whose worker is the fake worker with these arguments.
Profile fakeProfile(const QString &name, const QStringList &arguments);
void writeProfile(const TempBoard &board, const Profile &profile);

// Options for a dispatcher on the board that launches the test supervisor, with no
// back-off and a short kill grace so tests do not wait.
Dispatcher::Options options(const TempBoard &board);
// A new task in ready, assigned to assignee (empty: unassigned).
QString readyTask(TempBoard &board, const QString &assignee, int priority = 0,
                  std::optional<int> maxRetries = std::nullopt,
                  std::optional<int> maxRuntime = std::nullopt);
Task task(TempBoard &board, const QString &id);
QList<Run> runs(TempBoard &board, const QString &id);
QStringList eventKinds(TempBoard &board, const QString &id);
// Whether any non-zombie process is left in the group.
bool groupAlive(qint64 processGroup);
bool processAlive(qint64 pid);
QByteArray readAll(const QString &path);
// Live processes whose command line or environment mentions text (a board's home): what
// a test leaves behind.
QList<qint64> processesMentioning(const QString &text);

} // namespace DispatchTest
