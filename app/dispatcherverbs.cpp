#include "dispatcherverbs.h"

#include "clisession.h"
#include "dispatchcommand.h"
#include "profilecommand.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

QString profileText(const Profile &profile)
{
    QStringList lines{u"%1: %2 %3"_s.arg(profile.name, profile.program,
                                         profile.arguments.join(u' '))};
    for (const auto &[key, value] : profile.environment)
        lines << u"  env %1=%2"_s.arg(key, value);
    if (!profile.secrets.isEmpty())
        lines << u"  secrets %1"_s.arg(profile.secrets.join(u", "_s));
    if (profile.maxInProgress)
        lines << u"  max_in_progress %1"_s.arg(*profile.maxInProgress);
    if (profile.maxRuntime)
        lines << u"  max_runtime %1 s"_s.arg(*profile.maxRuntime);
    return lines.join(u'\n');
}

int dispatch(CliSession &session)
{
    const CliArguments &arguments = session.arguments();
    DispatchCommand::Request request;
    request.home = session.home().root();
    request.databasePath = session.databasePath();
    request.dryRun = arguments.isSet(u"dry-run"_s);
    request.watch = arguments.isSet(u"watch"_s);
    request.untilIdle = arguments.isSet(u"until-idle"_s);
    if (request.dryRun && (request.watch || request.untilIdle))
        return session.usage(u"--dry-run is one tick: not with --watch or --until-idle"_s);
    const QHash<QString, QString> keys = DispatchCommand::optionKeys();
    for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
        if (!arguments.isSet(it.key()))
            continue;
        const QString value = arguments.value(it.key());
        if (const QString problem = DispatchCommand::checkOverride(it.value(), value);
            !problem.isEmpty())
            return session.usage(u"--%1: %2"_s.arg(it.key(), problem));
        request.overrides.insert(it.value(), value);
    }
    const bool json = session.isJson();
    const bool streaming = request.watch || request.untilIdle;
    auto print = [&session, json, streaming](const DispatchResult &result) {
        if (streaming) {
            // One line per tick that did something: a follower may be reading live.
            CliSession::writeLine(json ? CliSession::toJson(result.toJson())
                                       : result.toText().toUtf8());
        } else {
            session.reply(result.toJson(), result.toText());
        }
    };
    int failedStatus = 0;
    auto error = [&session, &failedStatus](const QString &message) {
        failedStatus = session.fail(message);
    };
    const int status = DispatchCommand::run(request, print, error);
    if (status == CliSession::UsageError)
        return status;
    return failedStatus ? failedStatus : status;
}

int profileAdd(CliSession &session)
{
    const CliArguments &arguments = session.arguments();
    Profile profile;
    profile.name = arguments.positional(0);
    profile.program = arguments.value(u"program"_s);
    profile.arguments = arguments.values(u"arg"_s);
    for (const QString &pair : arguments.values(u"env"_s)) {
        Result<QPair<QString, QString>> parsed = ProfileCommand::parseEnvironment(pair);
        if (!parsed)
            return session.usage(parsed.error().message);
        profile.environment << *parsed;
    }
    profile.secrets = arguments.values(u"secret"_s);
    profile.secrets.removeDuplicates();
    if (const auto cap = arguments.number(u"max-in-progress"_s); cap && *cap > 0)
        profile.maxInProgress = int(*cap);
    if (const auto runtime = arguments.number(u"max-runtime"_s); runtime && *runtime > 0)
        profile.maxRuntime = int(*runtime);
    ProfileCommand command(session.home().root());
    Result<Profile> added = command.add(profile);
    if (!added) {
        return added.error().code == ErrorCode::Invalid ? session.usage(added.error().message)
                                                        : session.fail(added.error());
    }
    return session.reply(added->toJson(), profileText(*added));
}

int profileList(CliSession &session)
{
    ProfileCommand command(session.home().root());
    QJsonArray json;
    QStringList text;
    for (const Profile &profile : command.list()) {
        json.append(profile.toJson());
        text << profileText(profile);
    }
    return session.reply(json, text.join(u'\n'));
}

int profileShow(CliSession &session)
{
    ProfileCommand command(session.home().root());
    Result<Profile> profile = command.show(session.arguments().positional(0));
    return profile ? session.reply(profile->toJson(), profileText(*profile))
                   : session.fail(profile.error());
}

int profileRemove(CliSession &session)
{
    ProfileCommand command(session.home().root());
    QString warning;
    Result<Profile> removed = command.remove(session.arguments().positional(0), &warning);
    if (!removed)
        return session.fail(removed.error());
    if (!warning.isEmpty())
        std::fprintf(stderr, "qanbanctl: warning: %s\n", qUtf8Printable(warning));
    return session.reply(removed->toJson(), u"removed %1"_s.arg(removed->name));
}

int secretSet(CliSession &session)
{
    const QString name = session.arguments().positional(0);
    const QString variable = session.arguments().positional(1);
    // The value comes from stdin only: never argv, never echoed.
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return session.fail(u"cannot read the secret from stdin"_s);
    QString value = QString::fromUtf8(input.readAll());
    if (value.endsWith(u'\n'))
        value.chop(1);
    if (value.endsWith(u'\r'))
        value.chop(1);
    ProfileCommand command(session.home().root());
    Result<Profile> profile = command.setSecret(name, variable, value);
    value.fill(u'\0');
    if (!profile) {
        return profile.error().code == ErrorCode::Invalid ? session.usage(profile.error().message)
                                                          : session.fail(profile.error());
    }
    return session.reply(QJsonObject{{u"profile"_s, name}, {u"var"_s, variable}},
                         u"set secret %1 of profile %2"_s.arg(variable, name));
}

int secretRemove(CliSession &session)
{
    const QString name = session.arguments().positional(0);
    const QString variable = session.arguments().positional(1);
    ProfileCommand command(session.home().root());
    Result<Profile> profile = command.removeSecret(name, variable);
    if (!profile)
        return session.fail(profile.error());
    return session.reply(QJsonObject{{u"profile"_s, name}, {u"var"_s, variable}},
                         u"removed secret %1 of profile %2"_s.arg(variable, name));
}

} // namespace

QList<CliVerb> DispatcherVerbs::verbs()
{
    const QStringList name{u"NAME"_s};
    const QStringList nameVar{u"NAME"_s, u"VAR"_s};
    return {
        {u"dispatch"_s,
         {},
         {},
         {CliOption::flag(u"dry-run"_s), CliOption::count(u"max-in-progress"_s),
          CliOption::count(u"max-in-progress-per-profile"_s),
          CliOption::text(u"default-assignee"_s, u"P"_s), CliOption::count(u"failure-limit"_s),
          CliOption::count(u"retry-backoff"_s, u"SECONDS"_s), CliOption::flag(u"watch"_s),
          CliOption::flag(u"until-idle"_s), CliOption::text(u"interval"_s, u"SECONDS"_s)},
         u"Start workers for ready tasks (one tick, or --watch to keep dispatching)"_s,
         dispatch},
        {u"profile add"_s,
         name,
         {},
         {CliOption::text(u"program"_s, u"P"_s).required(), CliOption::repeated(u"arg"_s, u"A"_s),
          CliOption::repeated(u"env"_s, u"K=V"_s), CliOption::repeated(u"secret"_s, u"VAR"_s),
          CliOption::count(u"max-in-progress"_s),
          CliOption::count(u"max-runtime"_s, u"SECONDS"_s)},
         u"Add or replace a worker profile"_s,
         profileAdd},
        {u"profile list"_s, {}, {}, {}, u"List the worker profiles"_s, profileList},
        {u"profile show"_s, name, {}, {}, u"Show one worker profile"_s, profileShow},
        {u"profile remove"_s, name, {}, {}, u"Remove a worker profile and its secrets"_s,
         profileRemove},
        {u"profile secret set"_s, nameVar, {}, {},
         u"Store a profile's secret in the keychain; the value is read from stdin"_s, secretSet},
        {u"profile secret remove"_s, nameVar, {}, {},
         u"Remove a profile's secret from the keychain"_s, secretRemove},
    };
}
