#!/bin/sh
# The part of run-in-desktop-session.sh that runs inside the private D-Bus session.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
/usr/bin/python3 "$here/fake_sni_watcher.py" 120 &
/usr/bin/python3 "$here/fake_notifyd.py" 120 >>"$QANBAN_NOTIFY_LOG" &
for name in org.kde.StatusNotifierWatcher org.freedesktop.Notifications; do
    for _ in $(seq 100); do
        if dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
            org.freedesktop.DBus.NameHasOwner "string:$name" 2>/dev/null | grep -q "boolean true"
        then
            break
        fi
        sleep 0.05
    done
done
set +e
"$@"
status=$?
kill $(jobs -p) 2>/dev/null || true
exit $status
