#pragma once

#include "taskstatus.h"

#include <QHash>
#include <QString>
#include <QStringList>

// One operator move of cards, validated by BoardModel, with what it takes to put the cards
// back: where each card was, what it was waiting above, and the reason or summary it had.
struct CardMove {
    QStringList ids;
    TaskStatus to = TaskStatus::Ready;
    QString note;     // the reason (into Blocked) or the summary (into Done)
    QString beforeId; // drop position: above this card, or at the bottom when empty
    QHash<QString, TaskStatus> from;
    QHash<QString, QString> previousBeforeId;
    QHash<QString, QString> previousNote;
};
