#include "cliarguments.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace {

const QStringList globalOptionsWithValue = {u"home"_s, u"db"_s};

bool looksLikeOption(const QString &token)
{
    return token.size() > 1 && token.startsWith(u'-');
}

} // namespace

CliArguments CliArguments::parse(const QStringList &arguments, const QList<CliVerb> &verbs)
{
    CliArguments parsed;
    bool optionsEnded = false;
    for (qsizetype index = 0; index < arguments.size() && parsed.isValid(); ++index) {
        const QString &token = arguments.at(index);
        if (!optionsEnded && token == "--"_L1) {
            optionsEnded = true;
        } else if (!optionsEnded && looksLikeOption(token)) {
            parsed.takeOption(token, arguments, index);
        } else {
            parsed.takePositional(token, verbs);
        }
    }
    if (parsed.isValid())
        parsed.checkComplete();
    return parsed;
}

void CliArguments::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

bool CliArguments::takeOption(const QString &token, const QStringList &arguments,
                              qsizetype &index)
{
    if (token == "-h"_L1 || token == "--help"_L1) {
        m_help = true;
        return true;
    }
    if (!token.startsWith("--"_L1)) {
        fail(u"unknown option %1 (options are long: --name)"_s.arg(token));
        return false;
    }
    const qsizetype equals = token.indexOf(u'=');
    const QString name = token.mid(2, equals < 0 ? -1 : equals - 2);
    const std::optional<QString> inlineValue =
        equals < 0 ? std::nullopt : std::optional<QString>(token.mid(equals + 1));

    // Reads the value that follows the option. A following option is not taken as a
    // value: `--title --body x` is a forgotten title, not the title "--body".
    auto takeValue = [&]() -> std::optional<QString> {
        if (inlineValue)
            return inlineValue;
        if (index + 1 < arguments.size() && !arguments.at(index + 1).startsWith("--"_L1))
            return arguments.at(++index);
        fail(u"--%1 needs a value (write --%1=VALUE for one that begins with -)"_s.arg(name));
        return std::nullopt;
    };

    if (name == "json"_L1) {
        if (inlineValue) {
            fail(u"--json takes no value"_s);
            return false;
        }
        m_json = true;
        return true;
    }
    if (globalOptionsWithValue.contains(name)) {
        const std::optional<QString> value = takeValue();
        if (!value)
            return false;
        if (value->isEmpty()) {
            fail(u"--%1 needs a value"_s.arg(name));
            return false;
        }
        (name == "home"_L1 ? m_home : m_database) = *value;
        return true;
    }

    if (!m_verb) {
        fail(m_pendingVerb.isEmpty()
                 ? u"unknown option --%1 before the verb"_s.arg(name)
                 : u"%1 needs a sub-verb before its options"_s.arg(m_pendingVerb));
        return false;
    }
    const CliOption *option = m_verb->option(name);
    if (!option) {
        fail(u"unknown option --%1 for %2"_s.arg(name, m_verb->name));
        return false;
    }
    if (option->kind == CliOption::Kind::Flag) {
        if (inlineValue) {
            fail(u"--%1 takes no value"_s.arg(name));
            return false;
        }
        m_values[name] = QStringList{};
        return true;
    }
    const std::optional<QString> value = takeValue();
    if (!value)
        return false;
    if (const QString problem = checkValue(*option, *value); !problem.isEmpty()) {
        fail(problem);
        return false;
    }
    if (option->kind == CliOption::Kind::Value && m_values.contains(name)) {
        fail(u"--%1 is given more than once"_s.arg(name));
        return false;
    }
    m_values[name] << *value;
    return true;
}

bool CliArguments::takePositional(const QString &token, const QList<CliVerb> &verbs)
{
    if (m_verb) {
        m_positionals << token;
        return true;
    }
    const QString words = m_pendingVerb.isEmpty() ? token : m_pendingVerb + u' ' + token;
    const CliVerb *exact = nullptr;
    bool hasSubVerbs = false;
    for (const CliVerb &verb : verbs) {
        if (verb.name == words)
            exact = &verb;
        else if (verb.name.startsWith(words + u' '))
            hasSubVerbs = true;
    }
    if (exact) {
        m_verb = exact;
        m_pendingVerb.clear();
        return true;
    }
    if (hasSubVerbs) {
        m_pendingVerb = words;
        return true;
    }
    if (m_pendingVerb.isEmpty())
        fail(u"unknown verb %1"_s.arg(token));
    else
        fail(u"unknown sub-verb %1 for %2"_s.arg(token, m_pendingVerb));
    return false;
}

void CliArguments::checkComplete()
{
    if (m_help)
        return; // help for a verb needs none of its arguments
    if (!m_pendingVerb.isEmpty()) {
        fail(u"%1 needs a sub-verb"_s.arg(m_pendingVerb));
        return;
    }
    if (!m_verb) {
        fail(u"no verb given"_s);
        return;
    }
    const qsizetype required = m_verb->positionals.size();
    const qsizetype allowed = required + m_verb->optionalPositionals.size();
    if (m_positionals.size() < required) {
        fail(u"%1 needs %2"_s.arg(m_verb->name,
                                  m_verb->positionals.mid(m_positionals.size()).join(u' ')));
        return;
    }
    if (m_positionals.size() > allowed) {
        fail(u"%1 takes no argument %2 (quote a value that has spaces)"_s.arg(
            m_verb->name, m_positionals.at(allowed)));
        return;
    }
    for (const CliOption &option : m_verb->options) {
        if (option.isRequired && !m_values.contains(option.name)) {
            fail(u"%1 needs --%2"_s.arg(m_verb->name, option.name));
            return;
        }
    }
}

QString CliArguments::checkValue(const CliOption &option, const QString &value)
{
    if (!option.choices.isEmpty() && !option.choices.contains(value)) {
        return u"--%1 must be one of %2, not %3"_s.arg(option.name,
                                                       option.choices.join(u", "_s), value);
    }
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    switch (option.type) {
    case CliOption::Type::Text:
        return {};
    case CliOption::Type::Integer:
        if (!ok || number < std::numeric_limits<int>::min()
            || number > std::numeric_limits<int>::max())
            return u"--%1 needs an integer, not %2"_s.arg(option.name, value);
        return {};
    case CliOption::Type::Count:
        if (!ok || number < 0 || number > std::numeric_limits<int>::max())
            return u"--%1 needs an integer of 0 or more, not %2"_s.arg(option.name, value);
        return {};
    case CliOption::Type::RunId:
        if (!ok || number < 1)
            return u"--%1 needs a run id (an integer), not %2"_s.arg(option.name, value);
        return {};
    }
    return {};
}

QString CliArguments::value(const QString &option) const
{
    const QStringList values = m_values.value(option);
    return values.isEmpty() ? QString() : values.constLast();
}

std::optional<qint64> CliArguments::number(const QString &option) const
{
    bool ok = false;
    const qint64 number = value(option).toLongLong(&ok);
    return ok ? std::optional<qint64>(number) : std::nullopt;
}
