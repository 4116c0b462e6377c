#pragma once

#include <QList>
#include <QString>

// Small numeric helpers shared by the measurements and the report.
namespace BenchStats {

// The middle value (mean of the two middle ones for an even count); 0 when empty.
double median(QList<double> values);
// "6 010" style grouping, so that long rates read at a glance; decimals as asked.
QString number(double value, int decimals = 0);
// Runs in brackets: "[5 950, 6 010, 6 120]".
QString runs(const QList<double> &values, int decimals = 0);

} // namespace BenchStats
