#!/bin/sh
# Installs the Debian 12 packages Qanban needs to build, run and test.
# Idempotent: when every package is already present it returns without touching apt.
set -eu

# qt6-translations-l10n: Qt's own texts (dialog buttons) in the user's language;
# libqt6svg6: the plugins that draw the SVG icons. desktop-file-utils and appstream
# validate the desktop file and metainfo in the install test. libsqlite3-dev: the kernel
# calls the SQLite that QtSql runs on directly.
PACKAGES="qt6-base-dev qt6-tools-dev qt6-l10n-tools libqt6sql6-sqlite libqt6sql6-psql \
qtkeychain-qt6-dev libsecret-1-0 cmake ninja-build g++ libgl-dev \
qt6-translations-l10n libqt6svg6 libsqlite3-dev"
if [ "${1:-}" = "--test" ]; then
    PACKAGES="$PACKAGES xvfb xauth xdotool imagemagick gnome-keyring libsecret-tools \
dbus-daemon trayer dunst postgresql python3-dbus python3-gi \
desktop-file-utils appstream"
fi

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "qanban: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
