#include "benchstats.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace BenchStats {

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    if (values.size() % 2 == 1)
        return values.at(middle);
    return (values.at(middle - 1) + values.at(middle)) / 2;
}

QString number(double value, int decimals)
{
    const QString text = QString::number(value, 'f', decimals);
    const qsizetype point = text.indexOf(u'.');
    QString whole = point < 0 ? text : text.left(point);
    const QString fraction = point < 0 ? QString() : text.mid(point);
    const bool negative = whole.startsWith(u'-');
    if (negative)
        whole.remove(0, 1);
    if (whole.size() > 4) { // 4-digit numbers stay unbroken, as in "2235"
        for (qsizetype at = whole.size() - 3; at > 0; at -= 3)
            whole.insert(at, u' ');
    }
    return (negative ? u"-"_s : QString()) + whole + fraction;
}

QString runs(const QList<double> &values, int decimals)
{
    QStringList parts;
    for (double value : values)
        parts << number(value, decimals);
    return u"["_s + parts.join(u", "_s) + u"]"_s;
}

} // namespace BenchStats
