#!/usr/bin/env bash
# A short fuzz run for CI: builds the five libFuzzer targets (release, -sanitize=fuzzer,
# in .build-fuzz) and runs each for 20 000 executions from its seeds (the test vectors
# and every crash ever found), in a scratch corpus. Fails when any target crashes.
# Takes about 30 s on a fresh clone, most of it the build (only DLMS and the targets). The long runs
# (10 million executions a target) are `Fuzz/run.sh --runs 10000000`.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(fuzz-hdlc fuzz-apdu fuzz-axdr fuzz-session fuzz-models)
bin=$(Fuzz/build.sh "${targets[@]}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for t in "${targets[@]}"; do
    mkdir -p "$work/corpus-$t"
    if SWIFT_BACKTRACE=enable=no "$bin/$t" -runs=20000 -seed=1 -print_final_stats=1 \
        -artifact_prefix="$work/$t-" "$work/corpus-$t" "Fuzz/seeds/$t" >"$work/$t.log" 2>&1; then
        runs=$(grep -E '^stat::number_of_executed_units' "$work/$t.log" | awk '{print $2}')
        echo "fuzz smoke $t: $runs executions, no crash"
    else
        echo "fuzz smoke $t: FAILED" >&2
        tail -40 "$work/$t.log" >&2
        status=1
    fi
done
exit $status
