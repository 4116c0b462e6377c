#include "boardfixture.h"

#include "columnview.h"

using namespace Qt::StringLiterals;

BoardFixture::BoardFixture(TempBoard &board)
    : m_service(std::make_unique<TaskService>(board.databasePath())),
      m_model(std::make_unique<BoardModel>(m_service.get())),
      m_view(std::make_unique<BoardView>(m_model.get()))
{
    QSignalSpy loaded(m_model.get(), &BoardModel::loaded);
    m_service->start();
    m_loaded = loaded.wait();
    m_view->resize(1200, 700);
}

BoardFixture::~BoardFixture()
{
    m_view.reset();
    m_model.reset();
    m_service.reset();
}

QString BoardFixture::column(TaskStatus status) const
{
    ColumnView *view = m_view->columnView(status);
    QStringList titles;
    for (int row = 0; row < view->model()->rowCount(view->rootIndex()); ++row) {
        titles << view->model()->index(row, 0, view->rootIndex())
                      .data(BoardModel::TitleRole).toString();
    }
    return titles.join(u',');
}
