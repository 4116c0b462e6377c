#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class CliSession;

// One option a verb accepts, written `--name VALUE` or `--name=VALUE` (the second form lets a
// value begin with a dash). Types are checked while parsing, so a wrong value is a usage
// error before anything is opened or changed.
struct CliOption {
    enum class Kind { Flag, Value, Repeated };
    enum class Type {
        Text,
        Integer, // fits an int, any sign
        Count,   // fits an int, 0 or more
        RunId,   // a run id: an integer of 1 or more
    };

    QString name; // without the leading dashes
    Kind kind = Kind::Value;
    QString valueName; // shown in the synopsis: N, PATH, ...
    Type type = Type::Text;
    QStringList choices; // when not empty, the only values accepted
    bool isRequired = false;

    static CliOption flag(const QString &name);
    static CliOption text(const QString &name, const QString &valueName);
    static CliOption integer(const QString &name, const QString &valueName = QStringLiteral("N"));
    static CliOption count(const QString &name, const QString &valueName = QStringLiteral("N"));
    static CliOption runId(const QString &name);
    static CliOption repeated(const QString &name, const QString &valueName);

    CliOption required() const;
    CliOption oneOf(const QStringList &values) const;

    QString synopsis() const;
};

// One verb of qanbanctl: what it accepts and the handler that runs it, which returns the
// exit status. A verb with a sub-verb is named by both words ("profile add"). Libraries add
// their verbs as a list of these, so a new verb is one table entry and one function.
struct CliVerb {
    using Handler = std::function<int(CliSession &)>;

    QString name;
    QStringList positionals;         // required, in order: ID, STATUS, ...
    QStringList optionalPositionals; // may follow the required ones
    QList<CliOption> options;
    QString summary;
    Handler run;

    const CliOption *option(const QString &optionName) const;
    QString synopsis() const;
};
