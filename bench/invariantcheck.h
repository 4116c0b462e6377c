#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class Database;

// What must be true after every task of a board was claimed and completed, by one
// process or by several racing: read straight from the tables, not through the kernel
// whose behaviour is under test.
class InvariantCheck final
{
public:
    struct Finding {
        QString name;
        bool held = false;
        QString detail; // the offending count when it did not hold
    };

    // expectedTasks: how many tasks the board holds. completedIds: what the workers say
    // they completed (may be empty when no worker reported ids).
    static QList<Finding> afterDrain(Database &database, int expectedTasks,
                                     const QStringList &completedIds);
    static bool allHeld(const QList<Finding> &findings);
};
