#pragma once

#include "invariantcheck.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Everything one benchmark run found: how it measured, the raw ceiling, and per board
// size each figure with its runs, its ratio to the ceiling, the target it is held to and
// the Python reference where there is one. Printed as text or as one JSON object.
class BenchReport final
{
public:
    struct Figure {
        QString key;   // stable name in the JSON output
        QString label; // what the text report calls it
        QList<double> runs;
        QString unit;
        int decimals = 0;
        std::optional<double> ratio; // to the raw ceiling named by ratioBasis
        QString ratioBasis;
        QString target;              // empty: the issue sets none
        std::optional<bool> met;
        QString reference;           // the Python kernel's figure, when it has one
        QString note;

        double value() const; // the median of runs
    };
    struct InvariantSet {
        QString label;
        QList<InvariantCheck::Finding> findings;
    };
    struct Section {
        QString title; // when set, printed instead of "Board of N tasks"
        int tasks = 0;
        int repeats = 0;
        QList<Figure> figures;
        QList<InvariantSet> invariants;
        QStringList notes;
    };

    void addMethod(const QString &key, const QString &label, const QString &value);
    void setRaw(const Figure &insert, const Figure &update);
    Section &addSection(int tasks, int repeats);
    void addError(const QString &message);

    bool invariantsHeld() const;
    bool hasErrors() const { return !m_errors.isEmpty(); }

    QString text() const;
    QJsonObject toJson() const;

private:
    struct MethodLine {
        QString key;
        QString label;
        QString value;
    };
    QList<MethodLine> m_method;
    QList<Figure> m_raw;
    QList<Section> m_sections;
    QStringList m_errors;
};
