#pragma once

#include <QString>
#include <QTemporaryDir>

// Measures the desktop board on a large database: time to the first painted frame and
// the memory it takes, a scroll through a long column, and the latency from a commit by
// another connection to the repaint that shows it. Prints figures; asserts none.
class BoardBench final
{
public:
    struct Sizes {
        int total = 100000;   // tasks in the database
        int active = 10000;   // of which not archived
        int readyColumn = 5000; // of the active ones, in Ready (the column scrolled)
        int latencySamples = 30;
    };

    explicit BoardBench(const Sizes &sizes);
    // Returns false when something did not work (not when it was slow).
    bool run();

private:
    bool seed(const QString &path);

    Sizes m_sizes;
    QTemporaryDir m_dir;
};
