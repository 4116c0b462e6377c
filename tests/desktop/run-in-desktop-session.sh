#!/bin/sh
# Runs a test in a throwaway desktop session: an Xvfb display, a private D-Bus session
# with a status-notifier watcher and a notification daemon that logs every Notify call
# to $QANBAN_NOTIFY_LOG. Usage: run-in-desktop-session.sh TEST-BINARY [ARGS...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM

# Xvfb picks a free display and writes its number to the pipe.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.05; done
[ -s "$work/display" ] || { echo "Xvfb did not start" >&2; cat "$work/xvfb.log" >&2; exit 1; }
export DISPLAY=":$(cat "$work/display")"
export QT_QPA_PLATFORM=xcb
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -m 700 "$XDG_RUNTIME_DIR"
export QANBAN_NOTIFY_LOG="$work/notify.log"
: >"$QANBAN_NOTIFY_LOG"

dbus-run-session -- sh "$here/inside-session.sh" "$@"
