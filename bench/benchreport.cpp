#include "benchreport.h"

#include "benchstats.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {

QString padded(const QString &text, int width)
{
    return text.leftJustified(width, u' ');
}

QJsonObject figureJson(const BenchReport::Figure &figure)
{
    QJsonObject object{{u"label"_s, figure.label},
                       {u"value"_s, figure.value()},
                       {u"unit"_s, figure.unit}};
    QJsonArray runs;
    for (double run : figure.runs)
        runs << run;
    object.insert(u"runs"_s, runs);
    if (figure.ratio) {
        object.insert(u"ratio"_s, *figure.ratio);
        object.insert(u"ratio_basis"_s, figure.ratioBasis);
    }
    if (!figure.target.isEmpty())
        object.insert(u"target"_s, figure.target);
    if (figure.met)
        object.insert(u"met"_s, *figure.met);
    if (!figure.reference.isEmpty())
        object.insert(u"python_reference"_s, figure.reference);
    if (!figure.note.isEmpty())
        object.insert(u"note"_s, figure.note);
    return object;
}

QString figureLine(const BenchReport::Figure &figure)
{
    using namespace BenchStats;
    QString line = u"  "_s + padded(figure.label, 34);
    line += padded(number(figure.value(), figure.decimals) + u" "_s + figure.unit, 18);
    if (figure.ratio)
        line +=
            padded(u"%1 %2"_s.arg(QString::number(*figure.ratio, 'f', 2), figure.ratioBasis), 30);
    else
        line += padded(QString(), 30);
    if (!figure.target.isEmpty()) {
        const QString verdict = !figure.met ? QString() : (*figure.met ? u" MET"_s : u" MISSED"_s);
        line += u"target "_s + figure.target + verdict;
    }
    QString details;
    if (figure.runs.size() > 1)
        details += u"runs "_s + runs(figure.runs, figure.decimals);
    if (!figure.reference.isEmpty())
        details += (details.isEmpty() ? u""_s : u"; "_s) + u"Python kernel: "_s + figure.reference;
    if (!figure.note.isEmpty())
        details += (details.isEmpty() ? u""_s : u"; "_s) + figure.note;
    if (!details.isEmpty())
        line += u"\n"_s + QString(36, u' ') + details;
    return line;
}

} // namespace

double BenchReport::Figure::value() const
{
    return BenchStats::median(runs);
}

void BenchReport::addMethod(const QString &key, const QString &label, const QString &value)
{
    m_method.append({key, label, value});
}

void BenchReport::setRaw(const Figure &insert, const Figure &update)
{
    m_raw = {insert, update};
}

BenchReport::Section &BenchReport::addSection(int tasks, int repeats)
{
    m_sections.append(Section{{}, tasks, repeats, {}, {}, {}});
    return m_sections.last();
}

void BenchReport::addError(const QString &message)
{
    m_errors << message;
}

bool BenchReport::invariantsHeld() const
{
    for (const Section &section : m_sections) {
        for (const InvariantSet &set : section.invariants) {
            if (!InvariantCheck::allHeld(set.findings))
                return false;
        }
    }
    return true;
}

QString BenchReport::text() const
{
    QString out = u"Qanban kernel benchmark\n\nMethod\n"_s;
    for (const MethodLine &line : m_method)
        out += u"  "_s + padded(line.label, 22) + line.value + u"\n"_s;

    out += u"\nRaw SQLite ceiling on this machine (one single-row statement per transaction)\n"_s;
    for (const Figure &figure : m_raw)
        out += figureLine(figure) + u"\n"_s;

    for (const Section &section : m_sections) {
        if (!section.title.isEmpty()) {
            out += u"\n%1\n"_s.arg(section.title);
        } else {
            out += u"\nBoard of %1 tasks (%2; figures are medians)\n"_s.arg(
                BenchStats::number(section.tasks),
                section.repeats == 1 ? u"one full run"_s : u"%1 full runs"_s.arg(section.repeats));
        }
        for (const Figure &figure : section.figures)
            out += figureLine(figure) + u"\n"_s;
        for (const InvariantSet &set : section.invariants) {
            out += u"  invariants, %1: %2\n"_s.arg(
                set.label, InvariantCheck::allHeld(set.findings) ? u"all held"_s : u"BROKEN"_s);
            for (const InvariantCheck::Finding &finding : set.findings) {
                out += u"    [%1] %2%3\n"_s.arg(
                    finding.held ? u"ok"_s : u"FAIL"_s, finding.name,
                    finding.detail.isEmpty() ? QString() : u" (%1)"_s.arg(finding.detail));
            }
        }
        for (const QString &note : section.notes)
            out += u"  note: "_s + note + u"\n"_s;
    }
    if (!m_errors.isEmpty()) {
        out += u"\nErrors\n"_s;
        for (const QString &error : m_errors)
            out += u"  "_s + error + u"\n"_s;
    }
    out += u"\nInvariants: %1\n"_s.arg(invariantsHeld() ? u"all held"_s : u"BROKEN"_s);
    return out;
}

QJsonObject BenchReport::toJson() const
{
    QJsonObject method;
    for (const MethodLine &line : m_method)
        method.insert(line.key, line.value);
    QJsonObject raw;
    for (const Figure &figure : m_raw)
        raw.insert(figure.key, figureJson(figure));
    QJsonArray sections;
    for (const Section &section : m_sections) {
        QJsonObject figures;
        for (const Figure &figure : section.figures)
            figures.insert(figure.key, figureJson(figure));
        QJsonObject invariants;
        for (const InvariantSet &set : section.invariants) {
            QJsonObject findings;
            for (const InvariantCheck::Finding &finding : set.findings) {
                findings.insert(finding.name, finding.detail.isEmpty()
                                                  ? QJsonValue(finding.held)
                                                  : QJsonValue(finding.detail));
            }
            invariants.insert(set.label,
                              QJsonObject{{u"held"_s, InvariantCheck::allHeld(set.findings)},
                                          {u"checks"_s, findings}});
        }
        sections << QJsonObject{{u"title"_s, section.title},
                                {u"tasks"_s, section.tasks},
                                {u"repeats"_s, section.repeats},
                                {u"figures"_s, figures},
                                {u"invariants"_s, invariants},
                                {u"notes"_s, QJsonArray::fromStringList(section.notes)}};
    }
    return {{u"method"_s, method},
            {u"raw"_s, raw},
            {u"sizes"_s, sections},
            {u"errors"_s, QJsonArray::fromStringList(m_errors)},
            {u"invariants_held"_s, invariantsHeld()}};
}
