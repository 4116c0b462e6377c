#include "movecardscommand.h"

#include "boardmodel.h"

#include <QCoreApplication>

MoveCardsCommand::MoveCardsCommand(BoardModel *model, const CardMove &move)
    : m_model(model), m_move(move)
{
    const QString column = model->headerData(int(move.to), Qt::Horizontal).toString();
    const bool reorder = move.from.value(move.ids.value(0)) == move.to;
    setText(reorder ? QCoreApplication::translate("MoveCardsCommand", "Reorder %n card(s)",
                                                  nullptr, int(move.ids.size()))
                    : QCoreApplication::translate("MoveCardsCommand", "Move %n card(s) to %1",
                                                  nullptr, int(move.ids.size()))
                          .arg(column));
}

void MoveCardsCommand::redo()
{
    if (m_model)
        m_model->applyMove(m_move);
}

void MoveCardsCommand::undo()
{
    if (m_model)
        m_model->revertMove(m_move);
}
