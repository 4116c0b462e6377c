#!/bin/sh
# Configures (once) and builds Qanban into ${QANBAN_BUILD_DIR:-build}. Fast when nothing changed.
set -eu
cd "$(dirname "$0")/.."
BUILD_DIR=${QANBAN_BUILD_DIR:-build}
if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQANBAN_WERROR=ON >/dev/null
fi
cmake --build "$BUILD_DIR"
