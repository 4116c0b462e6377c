#!/bin/sh
# The first set-up command: installs what is missing, builds, and opens the board on the
# default database (a SQLite file in the per-user data folder).
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh
sh scripts/build.sh
BUILD_DIR=${QANBAN_BUILD_DIR:-build}
exec "$BUILD_DIR/app/qanbanctl" stats "$@"
