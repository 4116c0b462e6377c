#pragma once

#include "boardmodel.h"
#include "boardview.h"
#include "taskservice.h"
#include "tempboard.h"

#include <QSignalSpy>
#include <QStringList>

#include <memory>

// A real board on a TempBoard, shown in a BoardView: the service, the model and the view
// the desktop app builds, for the view tests.
class BoardFixture final
{
public:
    explicit BoardFixture(TempBoard &board);
    ~BoardFixture();

    bool isLoaded() const { return m_loaded; }
    TaskService &service() { return *m_service; }
    BoardModel &model() { return *m_model; }
    BoardView &view() { return *m_view; }
    // "A,B,C": the titles shown in one column of the first lane.
    QString column(TaskStatus status) const;

private:
    std::unique_ptr<TaskService> m_service;
    std::unique_ptr<BoardModel> m_model;
    std::unique_ptr<BoardView> m_view;
    bool m_loaded = false;
};

template <typename T>
T must(Result<T> result)
{
    if (!result)
        qFatal("setup: %s", qPrintable(result.error().message));
    return std::move(result).value();
}
