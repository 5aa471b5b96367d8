#!/usr/bin/env bash
# Builds libFuzzer targets (release, -sanitize=fuzzer, in .build-fuzz) and prints the
# folder that holds them. The build's output is shown only when it fails.
#   Fuzz/build.sh TARGET...        (used by Fuzz/run.sh and scripts/fuzz-smoke.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
export HLMCS_FUZZ=1
mkdir -p .build-fuzz
for t in "$@"; do
    swift build -c release --sanitize=fuzzer --scratch-path .build-fuzz --product "$t" >.build-fuzz/build.log 2>&1 ||
        { cat .build-fuzz/build.log >&2; exit 1; }
done
swift build -c release --sanitize=fuzzer --scratch-path .build-fuzz --show-bin-path
