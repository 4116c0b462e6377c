#!/bin/sh
# Runs a test against a real secret service: a private D-Bus session with an unlocked
# gnome-keyring, in a throwaway HOME so the user's own keyring is never touched.
# Works without a terminal or standard input (CI). Usage: run-with-keyring.sh TEST [ARGS]
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "run-with-keyring: $tool is missing (scripts/install-deps.sh --test)" >&2
        exit 1
    fi
done
scratch=$(mktemp -d "${TMPDIR:-/tmp}/qanban-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -p "$scratch/home" "$scratch/run"
chmod 700 "$scratch/run"
HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run" \
    XDG_DATA_HOME="$scratch/home/.local/share" XDG_CONFIG_HOME="$scratch/home/.config" \
    DISPLAY= dbus-run-session -- sh -c '
        printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        exec "$@"' keyring-session "$@" </dev/null
