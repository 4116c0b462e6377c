#!/bin/sh
# The second set-up command: installs what is missing, builds, and runs every test.
set -eu
cd "$(dirname "$0")/.."
sh scripts/install-deps.sh --test
sh scripts/build.sh
BUILD_DIR=${QANBAN_BUILD_DIR:-build}
ctest --test-dir "$BUILD_DIR" --output-on-failure -j2 "$@"
