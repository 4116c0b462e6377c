#pragma once

#include "cliverb.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The command line of one qanbanctl call, checked against the verb table. Long options
// only, as `--name VALUE` or `--name=VALUE`; the global --home, --db, --json and --help are
// accepted anywhere, the verb's own options after the verb; `--` ends the options. Any
// mistake (unknown verb or option, missing or mistyped value, wrong number of positionals)
// makes the whole line invalid, with a one-line message saying why.
class CliArguments final
{
public:
    static CliArguments parse(const QStringList &arguments, const QList<CliVerb> &verbs);
    // verb() points into the table: a temporary one would leave it dangling.
    static CliArguments parse(const QStringList &arguments, QList<CliVerb> &&verbs) = delete;

    bool isValid() const { return m_error.isEmpty(); }
    QString errorMessage() const { return m_error; }

    // Null when no verb was recognised. Points into the table given to parse().
    const CliVerb *verb() const { return m_verb; }
    bool isHelpRequested() const { return m_help; }
    bool isJson() const { return m_json; }
    // The global --home and --db; empty when not given.
    QString home() const { return m_home; }
    QString database() const { return m_database; }

    bool isSet(const QString &option) const { return m_values.contains(option); }
    // The option's value (the last one for a repeated option); empty when not set.
    QString value(const QString &option) const;
    QStringList values(const QString &option) const { return m_values.value(option); }
    // An Integer, Count or RunId option's value; already checked by parse().
    std::optional<qint64> number(const QString &option) const;

    QStringList positionals() const { return m_positionals; }
    QString positional(qsizetype index) const { return m_positionals.value(index); }

    // Parses one typed value; empty when it is fine, else why not.
    static QString checkValue(const CliOption &option, const QString &value);

private:
    bool takeOption(const QString &token, const QStringList &arguments, qsizetype &index);
    bool takePositional(const QString &token, const QList<CliVerb> &verbs);
    void checkComplete();
    void fail(const QString &message);

    QString m_error;
    const CliVerb *m_verb = nullptr;
    QString m_pendingVerb; // the first words of a verb that has sub-verbs
    bool m_help = false;
    bool m_json = false;
    QString m_home;
    QString m_database;
    QHash<QString, QStringList> m_values;
    QStringList m_positionals;
};
