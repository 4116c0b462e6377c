#include "dispatcherconfig.h"

#include "dispatcherlog.h"

#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {

std::optional<int> wholeNumber(const QString &value, int minimum)
{
    bool ok = false;
    const int number = value.trimmed().toInt(&ok);
    if (!ok || number < minimum)
        return std::nullopt;
    return number;
}

std::optional<double> seconds(const QString &value, bool allowZero)
{
    bool ok = false;
    const double number = value.trimmed().toDouble(&ok);
    if (!ok || number < 0 || (!allowZero && number == 0) || number > 86400.0 * 365)
        return std::nullopt;
    return number;
}

} // namespace

QStringList DispatcherConfig::keys()
{
    return {u"interval"_s,       u"max_in_progress"_s,     u"max_in_progress_per_profile"_s,
            u"default_assignee"_s, u"failure_limit"_s,     u"claim_ttl"_s,
            u"retry_backoff"_s,  u"rate_limit_cooldown"_s, u"kill_grace"_s,
            u"stuck_ticks"_s};
}

QString DispatcherConfig::checkValue(const QString &key, const QString &value)
{
    DispatcherConfig scratch;
    return scratch.apply(key, value);
}

QString DispatcherConfig::apply(const QString &key, const QString &value)
{
    const QString wholeOrZero = u"%1 must be a whole number of 0 or more, not '%2'"_s;
    const QString wholeOrOne = u"%1 must be a whole number of 1 or more, not '%2'"_s;
    if (key == "interval"_L1) {
        const std::optional<double> number = seconds(value, false);
        if (!number)
            return u"interval must be a number of seconds above 0, not '%1'"_s.arg(value);
        interval = *number;
    } else if (key == "kill_grace"_L1) {
        const std::optional<double> number = seconds(value, true);
        if (!number)
            return u"kill_grace must be a number of seconds, 0 or more, not '%1'"_s.arg(value);
        killGrace = *number;
    } else if (key == "max_in_progress"_L1) {
        const std::optional<int> number = wholeNumber(value, 0);
        if (!number)
            return wholeOrZero.arg(key, value);
        maxInProgress = *number;
    } else if (key == "max_in_progress_per_profile"_L1) {
        const std::optional<int> number = wholeNumber(value, 0);
        if (!number)
            return wholeOrZero.arg(key, value);
        maxInProgressPerProfile = *number;
    } else if (key == "default_assignee"_L1) {
        defaultAssignee = value.trimmed();
    } else if (key == "failure_limit"_L1) {
        const std::optional<int> number = wholeNumber(value, 1);
        if (!number)
            return wholeOrOne.arg(key, value);
        failureLimit = *number;
    } else if (key == "claim_ttl"_L1) {
        const std::optional<int> number = wholeNumber(value, 1);
        if (!number)
            return wholeOrOne.arg(key, value);
        claimTtl = *number;
    } else if (key == "retry_backoff"_L1) {
        const std::optional<int> number = wholeNumber(value, 0);
        if (!number)
            return wholeOrZero.arg(key, value);
        retryBackoff = *number;
    } else if (key == "rate_limit_cooldown"_L1) {
        const std::optional<int> number = wholeNumber(value, 0);
        if (!number)
            return wholeOrZero.arg(key, value);
        rateLimitCooldown = *number;
    } else if (key == "stuck_ticks"_L1) {
        const std::optional<int> number = wholeNumber(value, 1);
        if (!number)
            return wholeOrOne.arg(key, value);
        stuckTicks = *number;
    } else {
        return u"unknown setting %1"_s.arg(key);
    }
    return {};
}

DispatcherConfig DispatcherConfig::load(const QString &path, QStringList *warnings)
{
    DispatcherConfig config;
    if (path.isEmpty() || !QFileInfo(path).isFile())
        return config;
    QSettings settings(path, QSettings::IniFormat);
    auto warn = [&](const QString &message) {
        qCWarning(lcDispatcher, "%s: %s (ignored)", qUtf8Printable(path),
                  qUtf8Printable(message));
        if (warnings)
            *warnings << message;
    };
    if (settings.status() != QSettings::NoError) {
        warn(u"the file cannot be read as INI"_s);
        return config;
    }
    settings.beginGroup(u"dispatcher"_s);
    const QStringList present = settings.childKeys();
    for (const QString &key : present) {
        // A list value (a comma in the text) comes back as a QStringList: join it so the
        // check sees what was written.
        const QVariant raw = settings.value(key);
        const QString value = raw.typeId() == QMetaType::QStringList
            ? raw.toStringList().join(u", "_s) : raw.toString();
        if (const QString problem = config.apply(key, value); !problem.isEmpty())
            warn(problem);
    }
    settings.endGroup();
    return config;
}
