#pragma once

#include "cardmove.h"

#include <QPointer>
#include <QUndoCommand>

class BoardModel;

// An operator's move of cards on the undo stack. Undo asks the kernel to put the cards
// back where they were; when the board has moved on (a worker took the task meanwhile)
// the kernel may refuse, and the board says why.
class MoveCardsCommand final : public QUndoCommand
{
public:
    MoveCardsCommand(BoardModel *model, const CardMove &move);

    void redo() override;
    void undo() override;

private:
    QPointer<BoardModel> m_model;
    CardMove m_move;
};
