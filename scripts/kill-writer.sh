#!/usr/bin/env bash
# Kills a process writing to the account database with SIGKILL, N times (default 100), at
# random moments, then runs PRAGMA integrity_check and checks that every transaction the
# writer reported as committed is there, whole. Not part of `swift test` (takes ~1 min).
#
#   scripts/kill-writer.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-100}"
swift build --product hlmcs-stress-writer >/dev/null
bin="$(swift build --show-bin-path)/hlmcs-stress-writer"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/kill.sqlite"
keys="$work/committed.txt"
: >"$keys"
for ((i = 1; i <= rounds; i++)); do
    "$bin" write "$db" >>"$keys" 2>/dev/null &
    pid=$!
    # 20–400 ms: sometimes during opening and migrating, mostly mid-transaction.
    sleep "0.$(printf '%03d' $((RANDOM % 380 + 20)))"
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null || true
done
echo "killed $rounds writers"
"$bin" check "$db" "$keys"
