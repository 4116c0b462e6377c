#include "cliverb.h"

using namespace Qt::StringLiterals;

CliOption CliOption::flag(const QString &name)
{
    CliOption option;
    option.name = name;
    option.kind = Kind::Flag;
    return option;
}

CliOption CliOption::text(const QString &name, const QString &valueName)
{
    CliOption option;
    option.name = name;
    option.valueName = valueName;
    return option;
}

CliOption CliOption::integer(const QString &name, const QString &valueName)
{
    CliOption option = text(name, valueName);
    option.type = Type::Integer;
    return option;
}

CliOption CliOption::count(const QString &name, const QString &valueName)
{
    CliOption option = text(name, valueName);
    option.type = Type::Count;
    return option;
}

CliOption CliOption::runId(const QString &name)
{
    CliOption option = text(name, u"RUN"_s);
    option.type = Type::RunId;
    return option;
}

CliOption CliOption::repeated(const QString &name, const QString &valueName)
{
    CliOption option = text(name, valueName);
    option.kind = Kind::Repeated;
    return option;
}

CliOption CliOption::required() const
{
    CliOption option = *this;
    option.isRequired = true;
    return option;
}

CliOption CliOption::oneOf(const QStringList &values) const
{
    CliOption option = *this;
    option.choices = values;
    return option;
}

QString CliOption::synopsis() const
{
    QString text = u"--"_s + name;
    if (kind != Kind::Flag)
        text += u' ' + (choices.isEmpty() ? valueName : choices.join(u'|'));
    if (kind == Kind::Repeated)
        text = u"["_s + text + u"]..."_s;
    else if (!isRequired)
        text = u'[' + text + u']';
    return text;
}

const CliOption *CliVerb::option(const QString &optionName) const
{
    for (const CliOption &candidate : options) {
        if (candidate.name == optionName)
            return &candidate;
    }
    return nullptr;
}

QString CliVerb::synopsis() const
{
    QStringList parts{name};
    parts += positionals;
    for (const QString &positional : optionalPositionals)
        parts << u'[' + positional + u']';
    for (const CliOption &option : options)
        parts << option.synopsis();
    return parts.join(u' ');
}
