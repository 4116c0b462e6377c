#!/bin/sh
# The first set-up command: installs what is missing, builds, and opens the board on the
# default database (qanban.db in the per-user data folder, or $QANBAN_HOME).
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
sh scripts/build.sh >/dev/null
BUILD_DIR=${QANBAN_BUILD_DIR:-build}
exec "$BUILD_DIR/app/qanban" "$@"
