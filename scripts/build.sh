#!/usr/bin/env bash
# Configures and builds Passend in build/ (or $BUILD_DIR). Extra arguments go to cmake,
# e.g. scripts/build.sh -DPASSEND_SANITIZE=ON for the ASan/UBSan build.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPASSEND_WERROR=ON "$@"
cmake --build "$build_dir" -j "$(nproc)"
