#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS (default 300) and prints its figures.
#   Fuzz/run.sh [SECONDS] [TARGET...]      targets: fuzz-hdlc fuzz-apdu fuzz-axdr fuzz-session
# Corpora start from Fuzz/seeds/<target>/ (the test vectors) and grow in
# Fuzz/corpus-<target>/; crashes are written to Fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(fuzz-hdlc fuzz-apdu fuzz-axdr fuzz-session)
export HLMCS_FUZZ=1
mkdir -p Fuzz/artifacts
for t in "${targets[@]}"; do
    swift build -c release --sanitize=fuzzer --scratch-path .build-fuzz --product "$t" >/dev/null
done
bin=$(swift build -c release --sanitize=fuzzer --scratch-path .build-fuzz --show-bin-path)
status=0
for t in "${targets[@]}"; do
    mkdir -p "Fuzz/corpus-$t"
    log="Fuzz/artifacts/$t.log"
    seeds=(); [ -d "Fuzz/seeds/$t" ] && seeds=("Fuzz/seeds/$t")
    SWIFT_BACKTRACE=enable=no "$bin/$t" -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="Fuzz/artifacts/$t-" "Fuzz/corpus-$t" "${seeds[@]}" >"$log" 2>&1 || status=1
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    crashes=$(find Fuzz/artifacts -name "$t-crash-*" | wc -l)
    echo "$t: ${runs:-?} executions in ${seconds}s, crash files: $crashes (log: $log)"
done
exit $status
