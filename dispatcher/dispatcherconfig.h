#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// The dispatcher's settings: the [dispatcher] section of <home>/qanban.conf, then the
// command line on top. Keys and defaults live here and nowhere else.
//
// In the file an invalid value is ignored with a warning (a typo must not stop a board);
// on the command line the same value is a usage error (checkValue() says why).
struct DispatcherConfig {
    double interval = 5.0;           // seconds between safety-net ticks
    int maxInProgress = 0;           // running workers in total; 0: no cap
    int maxInProgressPerProfile = 0; // per assignee, unless the profile sets its own; 0: no cap
    QString defaultAssignee;         // applied to unassigned ready tasks; blank: none
    std::optional<int> failureLimit; // unset: the kernel's default (2)
    int claimTtl = 900;              // seconds a claim lives without a heartbeat
    int retryBackoff = 30;           // seconds before the first retry; doubles each failure
    int rateLimitCooldown = 300;     // seconds before a rate-limited task runs again
    double killGrace = 10.0;         // seconds between SIGTERM and SIGKILL
    int stuckTicks = 6;              // safety-net ticks with nothing startable before a warning

    static QStringList keys();

    // Reads the [dispatcher] section over the defaults; warnings collects one line per
    // ignored value (also logged).
    static DispatcherConfig load(const QString &path, QStringList *warnings = nullptr);
    // Applies one key=value; returns why it is invalid, or an empty string.
    QString apply(const QString &key, const QString &value);
    // The problem with a value for key, or an empty string when it is fine.
    static QString checkValue(const QString &key, const QString &value);
};
