#!/bin/sh
# Regenerates the shell completions in completions/ from built binaries
# (swift-argument-parser writes them: `hlmcs --generate-completion-script bash`):
#   completions/hlmcs.bash      completions/_hlmcs      completions/hlmcs.fish
#   completions/es951-sim.bash  completions/_es951-sim  completions/es951-sim.fish
#
#   scripts/completions.sh [--check] [BIN_DIR]
#
# BIN_DIR holds hlmcs and es951-sim (default: `swift build --show-bin-path`, the debug
# build; e.g. .build/release). With --check nothing is written: exit 1 when a committed
# file differs from what the binaries generate (the files named), 0 when all match.
# Exit 2 when a binary is missing or fails.
set -u
cd "$(dirname "$0")/.." || exit 2

check=false
if [ "${1:-}" = "--check" ]; then check=true; shift; fi
case "${1:-}" in
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac
if [ $# -gt 1 ]; then echo "usage: scripts/completions.sh [--check] [BIN_DIR]" >&2; exit 2; fi
if [ $# -eq 1 ]; then
    bin=$1
else
    bin=$(swift build --show-bin-path) || { echo "completions: swift build --show-bin-path failed; give BIN_DIR" >&2; exit 2; }
fi

for program in hlmcs es951-sim; do
    if [ ! -x "$bin/$program" ]; then
        echo "completions: no $bin/$program: build it first (swift build), or give BIN_DIR" >&2
        exit 2
    fi
done

work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT INT TERM

# name in completions/ for a shell: bash → PROGRAM.bash, zsh → _PROGRAM, fish → PROGRAM.fish
file_for() {
    case "$2" in
        bash) echo "$1.bash" ;;
        zsh) echo "_$1" ;;
        fish) echo "$1.fish" ;;
    esac
}

for program in hlmcs es951-sim; do
    for shell in bash zsh fish; do
        name=$(file_for "$program" "$shell")
        if ! "$bin/$program" --generate-completion-script "$shell" >"$work/$name" 2>"$work/error"; then
            echo "completions: $bin/$program --generate-completion-script $shell failed:" >&2
            cat "$work/error" >&2
            exit 2
        fi
    done
done
rm -f "$work/error"

if $check; then
    status=0
    for file in "$work"/*; do
        name=$(basename "$file")
        if ! cmp -s "$file" "completions/$name"; then
            echo "completions: completions/$name is out of date (scripts/completions.sh $bin)" >&2
            status=1
        fi
    done
    [ $status -eq 0 ] && echo "completions: up to date"
    exit $status
fi

mkdir -p completions || exit 2
for file in "$work"/*; do
    cp "$file" "completions/$(basename "$file")" || exit 2
done
echo "completions: wrote $(cd "$work" && ls | sed 's|^|completions/|' | tr '\n' ' ')"
