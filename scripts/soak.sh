#!/usr/bin/env bash
# Fault soak (issue 9): reads commercial profiles with `hlmcs profile … --csv` from
# es951-sim over TCP while the simulator injects faults, and checks that every read
# either gives exactly the data of a clean read or fails clearly — never wrong data,
# never a hang, never a crash.
#
#   Part 1: --reads N (default 100) reads through `--faults corrupt=0.05,drop=0.03,seed=S`,
#           S = --seed + read number (a fresh simulator per read, so each read sees its own
#           faults and can be replayed alone).
#   Part 2: --cuts N (default 20) reads through `--faults cut-after=K` (a fresh simulator
#           per read: cut-after applies to a simulator's first connection only), K spread
#           from 1 (during the association) to just past the simulator's last frame of
#           the read (cut-after counts frames, also inside a window written at once).
#   Kinds (daily, monthly, active-max, reactive-max) and points (1…100) vary by read.
#   The reference of each kind and point is a clean read (no faults) of the same data
#   (same simulator --seed, same device date), taken once and kept.
#
# Each read is classified:
#   identical      exit 0 and the CSV byte-identical to the clean reference;
#   clear failure  exit 1…127 (not a signal), a non-empty message on stderr, and no CSV
#                  at the destination (hlmcs writes a temporary file and renames it only
#                  when the whole read succeeded, so a failed read must leave nothing);
#                  a failure that leaves a file byte-identical to the reference is still
#                  counted here, and said in the log;
#   wrong data     exit 0 with a CSV that differs from the reference or with no CSV at
#                  all, OR a non-zero exit that leaves a CSV that differs from the
#                  reference (a file at the destination looks like a finished export to
#                  whoever opens it, whatever the exit status said);
#   hang           not finished within --deadline seconds (default 120): killed with
#                  `timeout -s KILL`;
#   crash          ended by a signal (exit ≥ 128) other than the deadline's kill;
#   unclear failure  exit 1…127 with nothing on stderr (counted apart; fails the soak).
# After each read the simulator must still be alive (it is checked, then stopped).
# Leftover temporary CSV files (.NAME.PID.N.tmp) are reported too.
#
# Output: one line per read in the log file (--log, default under $TMPDIR); on stdout a
# summary per part, and the seed (part 1) or cut point (part 2) and the command of every
# read that was not identical, so it can be replayed. Exit 1 if any read gave wrong data,
# hung or crashed (or failed unclearly, or the simulator died); 0 otherwise.
#
# Time: about 10–20 minutes for 100 + 20 reads on a 2-core machine (a dropped frame
# costs hlmcs a 5 s response timeout); `--reads 10 --cuts 4` takes about 1–2 minutes.
#
#   scripts/soak.sh [--reads N] [--cuts N] [--seed S] [--deadline SECONDS] [--log FILE]
#
# Binaries: $HLMCS_BIN_DIR (a folder with hlmcs and es951-sim), else a release build of
# this checkout (`swift build -c release --static-swift-stdlib`, as scripts/bench builds).
set -euo pipefail
cd "$(dirname "$0")/.."

reads=100
cuts=20
base_seed=1
deadline=120
log=""
while (($#)); do
    case "$1" in
        --reads) reads="$2"; shift 2 ;;
        --cuts) cuts="$2"; shift 2 ;;
        --seed) base_seed="$2"; shift 2 ;;
        --deadline) deadline="$2"; shift 2 ;;
        --log) log="$2"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "soak.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
for n in "$reads" "$cuts" "$base_seed" "$deadline"; do
    [[ "$n" =~ ^[0-9]+$ ]] || { echo "soak.sh: $n is not a number" >&2; exit 2; }
done

if [[ -n "${HLMCS_BIN_DIR:-}" ]]; then
    bin="$HLMCS_BIN_DIR"
else
    swift build -c release --static-swift-stdlib >&2
    bin="$(swift build -c release --show-bin-path)"
fi
hlmcs="$bin/hlmcs"
sim="$bin/es951-sim"
for b in "$hlmcs" "$sim"; do
    [[ -x "$b" ]] || { echo "soak.sh: no executable $b" >&2; exit 2; }
done

scratch="$(mktemp -d "${TMPDIR:-/tmp}/hlmcs-soak.XXXXXX")"
[[ -n "$log" ]] || log="${TMPDIR:-/tmp}/hlmcs-soak-$(date -u +%Y%m%d-%H%M%S).log"
keep="${log%.log}.d"          # files of the reads that went wrong, kept for the lead
: >"$log"
rm -f "$keep"/corrupt+drop-* "$keep"/cut-after-* 2>/dev/null || true   # a previous run's, same --log

sim_pid=""
stop_sim() {
    [[ -n "$sim_pid" ]] || return 0
    kill -TERM "$sim_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$sim_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$sim_pid" 2>/dev/null || true
    wait "$sim_pid" 2>/dev/null || true
    sim_pid=""
}
cleanup() { stop_sim; rm -rf "$scratch"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# The scratch database and its administrator (password on stdin, never printed).
password="soak-pass-1"
export HLMCS_DB="$scratch/hlmcs.sqlite" HLMCS_USER="Администратор" HLMCS_PASSWORD="$password" LANG=C.UTF-8
printf '%s\n' "$password" | "$hlmcs" users init >"$scratch/init.out" 2>&1 \
    || { echo "soak.sh: hlmcs users init failed:" >&2; cat "$scratch/init.out" >&2; exit 1; }

# Starts es951-sim (data seed 1, 100 points) with extra options; sets sim_pid and sim_addr.
start_sim() {
    local out="$scratch/sim.out"
    : >"$out"
    "$sim" --tcp 127.0.0.1:0 "$@" >"$out" 2>>"$scratch/sim.err" &
    sim_pid=$!
    for _ in $(seq 200); do
        sim_addr="$(sed -n 's/^LISTEN tcp //p' "$out")"
        [[ -n "$sim_addr" ]] && return 0
        kill -0 "$sim_pid" 2>/dev/null || break
        sleep 0.05
    done
    echo "soak.sh: es951-sim $* did not listen:" >&2
    tail -5 "$scratch/sim.err" >&2
    exit 1
}

# The simulator's "today" is its date at start in its time zone (UTC+3): the profiles
# end there, so a reference is only good for reads on the same device date.
device_date() { TZ=UTC-3 date +%F; }

now() { date +%s.%N; }

# One read: hlmcs profile KIND --point P --csv OUT against $sim_addr, under the deadline.
# Sets rc, elapsed; stderr in $1.err, the trace in $1.trace.
run_read() {
    local base="$1" kind="$2" point="$3"
    rm -f "$base.csv" "$base.err" "$base.trace"
    local t0 t1
    t0="$(now)"
    rc=0
    # In a subshell whose stderr is dropped: bash's own "Killed" line for the deadline's kill.
    (timeout -s KILL "$deadline" "$hlmcs" profile --lang en --tcp "$sim_addr" "$kind" --point "$point" \
        --csv "$base.csv" --trace "$base.trace" >"$base.out" 2>"$base.err" </dev/null; exit $?) 2>/dev/null || rc=$?
    t1="$(now)"
    elapsed="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')"
}

# Clean references, one per kind, point and device date: refs/DATE/KIND-POINT.csv, with
# the frames the clean read sent and received (for retries and cut points).
declare -A ref_sent ref_received ref_bursts
clean_elapsed=()
reference() {
    local kind="$1" point="$2" date ref
    while :; do
        date="$(device_date)"
        ref="$scratch/refs/$date/$kind-$point"
        if [[ -f "$ref.csv" ]]; then break; fi
        mkdir -p "$scratch/refs/$date"
        start_sim
        run_read "$ref" "$kind" "$point"
        stop_sim
        if ((rc != 0)) || [[ ! -f "$ref.csv" ]]; then
            echo "soak.sh: the clean read of $kind point $point failed (exit $rc):" >&2
            cat "$ref.err" >&2
            exit 1
        fi
        [[ "$(device_date)" == "$date" ]] || { rm -f "$ref.csv"; continue; }   # the day turned: again
        clean_elapsed+=("$elapsed")
        ref_sent[$date/$kind-$point]="$(grep -c ' > ' "$ref.trace" || true)"
        ref_received[$date/$kind-$point]="$(grep -c ' < ' "$ref.trace" || true)"
        # The simulator writes each answer (a whole window of frames) in one write; its fault
        # channel splits the write into frames: cut-after=N cuts after the N-th frame.
        ref_bursts[$date/$kind-$point]="$(awk '$2 == "<" && last != "<" { n++ } { last = $2 } END { print n + 0 }' "$ref.trace")"
        printf 'clean %s point %s: %s s, %s frames sent, %s received in %s answers, %s bytes of CSV\n' "$kind" "$point" \
            "$elapsed" "${ref_sent[$date/$kind-$point]}" "${ref_received[$date/$kind-$point]}" \
            "${ref_bursts[$date/$kind-$point]}" "$(wc -c <"$ref.csv")" >>"$log"
        break
    done
    ref_path="$ref.csv"
    ref_key="$date/$kind-$point"
}

kinds=(daily monthly active-max reactive-max)
kind_of() { echo "${kinds[$(( $1 % 4 ))]}"; }
point_of() { echo $(( ($1 * 37) % 100 + 1 )); }   # 1…100, a different point each read

# Classifies the read just made ($base, rc, elapsed) against $ref_path; sets class, note.
classify() {
    local base="$1"
    note=""
    local message
    message="$(tr -s ' \t\n' ' ' <"$base.err" | sed 's/^ //; s/ $//')"
    local tmps
    tmps="$(find "$scratch/run" -maxdepth 1 -name '.*.tmp' | wc -l)"
    if ((tmps > 0)); then
        note+=" leftover-tmp=$tmps"
        find "$scratch/run" -maxdepth 1 -name '.*.tmp' -delete
    fi
    if ((rc == 137)) && awk -v e="$elapsed" -v d="$deadline" 'BEGIN { exit !(e >= d - 0.5) }'; then
        class="hang"
    elif ((rc >= 128)); then
        class="crash"; note+=" signal=$((rc - 128))"
    elif ((rc == 0)); then
        if [[ -f "$base.csv" ]] && cmp -s "$base.csv" "$ref_path"; then
            class="identical"
        else
            class="wrong data"
            if [[ ! -f "$base.csv" ]]; then note+=" exit-0-without-csv"; fi
        fi
    elif [[ -f "$base.csv" ]] && ! cmp -s "$base.csv" "$ref_path"; then
        class="wrong data"; note+=" failed-but-left-a-differing-csv"
    elif [[ -z "$message" ]]; then
        class="unclear failure"
    else
        class="clear failure"
        if [[ -f "$base.csv" ]]; then note+=" failed-but-left-an-identical-csv"; fi
    fi
    stderr_line="${message:0:200}"
}

declare -A count
total_start="$(now)"
overall=0

# One part: $1 = label, $2 = number of reads, $3 = a function giving the --faults value
# of read i (sets faults, replay_key).
run_part() {
    local label="$1" n="$2" spec_of="$3"
    local i kind point base times=() sim_dead=0 retried=0 waited=0 plain=0
    count=([identical]=0 ["clear failure"]=0 ["wrong data"]=0 [hang]=0 [crash]=0 ["unclear failure"]=0)
    mkdir -p "$scratch/run"
    for ((i = 1; i <= n; i++)); do
        kind="$(kind_of "$i")"
        point="$(point_of "$i")"
        reference "$kind" "$point"
        "$spec_of" "$i" "$kind" "$point"
        base="$scratch/run/read"
        start_sim --faults "$faults"
        run_read "$base" "$kind" "$point"
        local alive="alive"
        kill -0 "$sim_pid" 2>/dev/null || { alive="DEAD"; sim_dead=$((sim_dead + 1)); }
        stop_sim
        classify "$base"
        count[$class]=$((count[$class] + 1))
        times+=("$elapsed")
        local sent extra
        sent="$(grep -c ' > ' "$base.trace" 2>/dev/null || true)"
        extra=$(( ${sent:-0} - ${ref_sent[$ref_key]} ))
        # Retries: frames sent beyond the clean read's (hlmcs resent a request), or a wait
        # of a whole response timeout (5 s; a clean read takes ~0.1 s) — e.g. a lost UA
        # to the closing DISC, which costs time but no resent frame.
        if [[ "$class" == identical ]] && ((extra > 0)); then retried=$((retried + 1)); fi
        if [[ "$class" == identical ]] && awk -v e="$elapsed" 'BEGIN { exit !(e >= 4) }'; then waited=$((waited + 1)); fi
        # Two silences after SNRMs make hlmcs fall back to a plain SNRM (no parameters: the
        # defaults, 128-byte frames and window 1) for the whole read: many more frames.
        if grep -Eq '^[0-9.]+ > 7e a0 0[789a]( [0-9a-f]{2})+ 93( [0-9a-f]{2}){2} 7e$' "$base.trace" 2>/dev/null; then
            plain=$((plain + 1)); note+=" plain-SNRM"
        fi
        printf '%s #%d %s point %d faults %s: %s exit %d %s s, sent %s frames (clean %s), simulator %s%s | %s\n' \
            "$label" "$i" "$kind" "$point" "$faults" "$class" "$rc" "$elapsed" "${sent:-0}" "${ref_sent[$ref_key]}" \
            "$alive" "$note" "$stderr_line" >>"$log"
        if [[ "$class" != identical || "$alive" != alive ]]; then
            echo "  $label #$i: $class (exit $rc, ${elapsed} s${note}) — $replay_key; replay: es951-sim --tcp 127.0.0.1:4059 --faults $faults & hlmcs profile --tcp 127.0.0.1:4059 $kind --point $point --csv out.csv"
        fi
        if [[ "$class" != identical && "$class" != "clear failure" ]] || [[ "$alive" != alive ]]; then
            overall=1
            mkdir -p "$keep"
            for f in csv err trace out; do
                if [[ -f "$base.$f" ]]; then cp "$base.$f" "$keep/$label-$i.$f"; fi
            done
            cp "$ref_path" "$keep/$label-$i.reference.csv"
        fi
    done
    local stats
    stats="$(printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END {
        m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        printf "median %.1f s, max %.1f s", m, t[NR] }')"
    local extra_counts=""
    if ((count["unclear failure"] > 0)); then extra_counts+=", unclear failure ${count["unclear failure"]}"; fi
    if ((sim_dead > 0)); then extra_counts+=", simulator died $sim_dead"; fi
    echo "$label: $n reads: identical ${count[identical]}, clear failure ${count["clear failure"]}, wrong data ${count["wrong data"]}, hang ${count[hang]}, crash ${count[crash]}$extra_counts ($stats); of the identical: $retried with frames resent, $waited waited out a response timeout; $plain reads fell back to a plain SNRM"
}

part1_spec() {
    local seed=$((base_seed + $1))
    faults="corrupt=0.05,drop=0.03,seed=$seed"
    replay_key="seed $seed"
}

# Cut points spread from 1 to one past the frames the simulator sends in the clean read
# of that kind and point: the first cuts hit the association (frames 1–2: UA, AARE), the
# middle ones the profile's blocks, the last ones the release (RLRE, UA), which hlmcs may
# lose without harm to the data.
part2_spec() {
    local i="$1" frames=${ref_received[$ref_key]}
    local k=$(( cuts > 1 ? 1 + (i - 1) * frames / (cuts - 1) : frames / 2 ))
    faults="cut-after=$k"
    replay_key="cut-after $k"
}

echo "log: $log"
if ((reads > 0)); then run_part "corrupt+drop" "$reads" part1_spec; fi
if ((cuts > 0)); then run_part "cut-after" "$cuts" part2_spec; fi
clean_stats="$(printf '%s\n' "${clean_elapsed[@]}" | sort -g | awk '{ t[NR] = $1 } END {
    if (NR) printf "%d clean reads: median %.2f s, max %.2f s", NR, (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), t[NR] }')"
echo "references: $clean_stats; total $(awk -v a="$total_start" -v b="$(now)" 'BEGIN { printf "%.0f", b - a }') s"
if [[ -d "$keep" ]]; then echo "files of the reads that went wrong: $keep"; fi
exit "$overall"
