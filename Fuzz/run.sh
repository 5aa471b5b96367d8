#!/usr/bin/env bash
# Runs each libFuzzer target and prints its figures.
#   Fuzz/run.sh [SECONDS] [TARGET...]          each target for SECONDS (default 300)
#   Fuzz/run.sh --runs N [TARGET...]           each target for N executions (e.g. 10000000)
# targets: fuzz-hdlc fuzz-apdu fuzz-axdr fuzz-session fuzz-models. One target at a time (one core).
# Corpora start from Fuzz/seeds/<target>/ (the test vectors) and grow in
# Fuzz/corpus-<target>/ (not committed); crashes are written to Fuzz/artifacts/, to be
# fixed and then copied into Fuzz/seeds/<target>/ so every later run replays them.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=(-max_total_time=300); what="300 s"
if [ "${1:-}" = "--runs" ]; then
    limit=(-runs="$2"); what="$2 runs asked"; shift 2
elif [ -n "${1:-}" ] && [ "${1#fuzz-}" = "$1" ]; then
    limit=(-max_total_time="$1"); what="$1 s"; shift
fi
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(fuzz-hdlc fuzz-apdu fuzz-axdr fuzz-session fuzz-models)
mkdir -p Fuzz/artifacts
bin=$(Fuzz/build.sh "${targets[@]}")
status=0
for t in "${targets[@]}"; do
    mkdir -p "Fuzz/corpus-$t"
    log="Fuzz/artifacts/$t.log"
    seeds=(); [ -d "Fuzz/seeds/$t" ] && seeds=("Fuzz/seeds/$t")
    start=$(date +%s)
    SWIFT_BACKTRACE=enable=no "$bin/$t" "${limit[@]}" -print_final_stats=1 \
        -artifact_prefix="Fuzz/artifacts/$t-" "Fuzz/corpus-$t" "${seeds[@]}" >"$log" 2>&1 || status=1
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
    crashes=$(find Fuzz/artifacts -name "$t-crash-*" -o -name "$t-leak-*" -o -name "$t-timeout-*" -o -name "$t-oom-*" | wc -l)
    corpus=$(find "Fuzz/corpus-$t" -type f | wc -l)
    echo "$t: ${runs:-?} executions ($what) in $(( $(date +%s) - start )) s, corpus $corpus inputs, crash files: $crashes (log: $log)"
done
exit $status
