#include "cliapp.h"

#include "cliarguments.h"
#include "clisession.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

CliApp::CliApp()
{
    CliVerb help;
    help.name = u"help"_s;
    help.optionalPositionals = {u"VERB"_s};
    help.summary = u"List the verbs, or show how to call one"_s;
    help.run = [this](CliSession &session) {
        const QString name = session.arguments().positional(0);
        if (name.isEmpty())
            return session.reply(QJsonValue(helpText(nullptr)), helpText(nullptr));
        for (const CliVerb &verb : std::as_const(m_verbs)) {
            if (verb.name == name || verb.name.startsWith(name + u' '))
                return session.reply(QJsonValue(helpText(&verb)), helpText(&verb));
        }
        return session.usage(u"unknown verb %1"_s.arg(name));
    };
    m_verbs << help;
}

void CliApp::addVerbs(const QList<CliVerb> &verbs)
{
    m_verbs += verbs;
}

QString CliApp::helpText(const CliVerb *verb) const
{
    if (verb)
        return u"usage: qanbanctl %1\n%2\n"_s.arg(verb->synopsis(), verb->summary);
    QString text = u"usage: qanbanctl [--home DIR] [--db PATH] [--json] VERB [ARGUMENTS]\n\n"
                   "Verbs:\n"_s;
    qsizetype width = 0;
    for (const CliVerb &candidate : m_verbs)
        width = qMax(width, candidate.name.size());
    for (const CliVerb &candidate : m_verbs) {
        text += u"  "_s + candidate.name.leftJustified(width) + u"  "_s + candidate.summary
            + u'\n';
    }
    text += u"\nOptions take their value as --name VALUE or --name=VALUE.\n"
            "Run 'qanbanctl help VERB' for a verb's arguments.\n"_s;
    return text;
}

int CliApp::run(const QStringList &arguments)
{
    const CliArguments parsed = CliArguments::parse(arguments, m_verbs);
    CliSession session(parsed);
    if (parsed.isHelpRequested()) {
        const QString text = helpText(parsed.verb());
        return session.reply(QJsonValue(text), text);
    }
    if (!parsed.isValid())
        return session.usage(parsed.errorMessage());
    return parsed.verb()->run(session);
}
