#!/usr/bin/env bash
# The install test of the Debian package (issue 19), part of scripts/test: unpacks
# dist/hlmcs_VERSION_ARCH.deb into a temporary root (dpkg-deb -x: no root rights, no
# dpkg database touched) and runs it from there as a laptop without Swift would, with
# `env -i PATH=<root>/usr/bin:/usr/bin:/bin`:
#   - `hlmcs --version` is the version of Sources/ES951/ProgramVersion.swift, and
#     neither it, `hlmcs info --help` nor `es951-sim` opens a file under the checkout
#     (strace, where ptrace is allowed): es951-sim reads the device map from the unpacked
#     tree, found beside the executable;
#   - `man hlmcs` and `man es951-sim` (from <root>/usr/share/man) render their NAME;
#   - `hlmcs users init` (the password on standard input) makes the database under
#     $XDG_DATA_HOME/hlmcs/, and `users list` logs in with it;
#   - `hlmcs --demo` in tmux (a private server, TERM=xterm-256color, a new database):
#     the login screen, the first login setting the administrator's password, the
#     information screen, F5 reads the demo's serial number, F10 quits, the prompt is back.
#
# Which .deb: dist/hlmcs_VERSION_ARCH.deb (so of the sources' version) when
# dist/hlmcs_VERSION_ARCH.stamp, written by scripts/package, names the newest commit that
# touched a packaged path (`scripts/package --print-stamp` up to its "+dirty-…" part):
# uncommitted changes do not count, so a .deb built from a working tree is reused until
# the next commit (run scripts/package to package them). Otherwise, or outside git
# ("unknown"), it is built first with `scripts/package --no-lintian`: on 2 cores from a
# warm .build-release 40 s when no source changed, 85 s after a change to TUICore, 2 to
# 2.5 minutes after a few commits; 7.5 minutes cold. .ci/run builds it (with lintian)
# before scripts/test, so that scripts/test reuses it.
#
#   scripts/test-package.sh [DEB]     (DEB: test that file, built or not from these sources)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
scripts/system-packages.sh --with-test-tools --with-packaging

if [ $# -ge 1 ]; then
    deb=$1
else
    deb=$(scripts/package --print-path)
    stamp=${deb%.deb}.stamp
    current=$(scripts/package --print-stamp)
    current=${current%%+*}
    if [ "$current" != unknown ] && [ -f "$deb" ] && [ -f "$stamp" ] && [ "$(cut -d+ -f1 "$stamp")" = "$current" ]; then
        echo "test-package: $deb is from commit $current"
    else
        echo "test-package: $deb is missing or not from commit $current: scripts/package --no-lintian"
        scripts/package --no-lintian >/dev/null
    fi
fi
version=$(scripts/package --print-version)

work=$(mktemp -d /tmp/hlmcs-package-test.XXXXXX)
socket="hlmcs-package-$$"
cleanup() {
    tmux -L "$socket" kill-server >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
root="$work/root"
home="$work/home"
mkdir -p "$root" "$home"
dpkg-deb -x "$deb" "$root"
failures=0
fail() { echo "test-package: FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "test-package: ok: $*"; }

# Depends covers what the loader needs: packed relocations (GLIBC_ABI_DT_RELR) need
# glibc 2.36, which dpkg-shlibdeps alone did not say.
glibc_floor=$(dpkg-deb -f "$deb" Depends | sed -nE 's/.*libc6 \(>= ([0-9.]+)\).*/\1/p')
if readelf -V "$root/usr/lib/hlmcs/hlmcs" | grep -q GLIBC_ABI_DT_RELR && dpkg --compare-versions "${glibc_floor:-0}" lt 2.36; then
    fail "the binaries need glibc 2.36 (DT_RELR) but Depends says libc6 >= ${glibc_floor:-nothing}"
else
    pass "Depends: libc6 (>= ${glibc_floor:-?}) covers the loader the binaries need"
fi

# No Swift toolchain, no variable of this shell: what a laptop's user has.
run() { env -i PATH="$root/usr/bin:/usr/bin:/bin" HOME="$home" LANG=C.UTF-8 XDG_DATA_HOME="$home/data" "$@"; }
if run sh -c 'command -v swift' >/dev/null; then fail "swift is on the test's PATH"; fi

# --version, and no file of the checkout opened (the build folders least of all), when
# strace may trace here (some containers forbid ptrace: then only the outputs are checked).
traced() {
    local log=$1; shift
    if $strace; then
        run strace -f -qq -e trace=open,openat,stat,newfstatat,lstat,access,readlink,execve -o "$work/strace-$log" "$@"
    else
        run "$@"
    fi
}
strace=false
if strace -f -qq -o /dev/null true 2>/dev/null; then strace=true; else echo "test-package: strace cannot trace here"; fi
if shown=$(traced version "$root/usr/bin/hlmcs" --version); then
    if [ "$shown" = "$version" ]; then pass "hlmcs --version is $shown"
    else fail "hlmcs --version says '$shown', the sources $version"; fi
else
    fail "hlmcs --version failed"
fi
traced help "$root/usr/bin/hlmcs" info --help >"$work/info-help" 2>&1 ||
    fail "hlmcs info --help failed: $(head -3 "$work/info-help")"
grep -q -- "--tcp" "$work/info-help" || fail "hlmcs info --help names no --tcp"
# es951-sim reads the device map before it listens: it must come from the unpacked tree.
traced sim sh -c 'es951-sim --tcp 127.0.0.1:0 & echo $! >"$1"; wait' sh "$work/sim.pid" >"$work/sim" 2>&1 &
deadline=$((SECONDS + 20))
until grep -q "^LISTEN tcp" "$work/sim" 2>/dev/null || [ $SECONDS -ge $deadline ]; do sleep 0.1; done
[ -s "$work/sim.pid" ] && kill "$(cat "$work/sim.pid")" 2>/dev/null || true
wait || true
grep -q "^LISTEN tcp" "$work/sim" || fail "es951-sim did not listen: $(head -3 "$work/sim")"
if $strace; then
    grep -q "\"$root/usr/lib/hlmcs/hlmcs_Resources.resources/es951-map.json\"" "$work/strace-sim" ||
        fail "es951-sim did not read the device map from $root/usr/lib/hlmcs"
    if grep -q -h -F "\"$repo/" "$work"/strace-*; then
        grep -h -F "\"$repo/" "$work"/strace-* | head -5 >&2
        fail "a file of the checkout $repo was opened (above)"
    else
        pass "data files from the unpacked tree; no file of the checkout opened"
    fi
fi

# The man pages, as `man NAME` finds them.
for page in hlmcs es951-sim; do
    if run env MANPAGER=cat MANWIDTH=80 man -M "$root/usr/share/man" "$page" 2>&1 | head -8 >"$work/man" &&
        grep -q "^NAME" "$work/man" && grep -E -q "^ *$page +- " "$work/man"; then
        pass "man $page: $(grep -E "^ *$page +- " "$work/man" | sed 's/^ *//; s/  */ /g')"
    else
        fail "man $page did not render its NAME section: $(cat "$work/man")"
    fi
done

# users init: the first administrator's password on standard input (not a terminal).
if printf 'package-test-1\n' | run "$root/usr/bin/hlmcs" users init >"$work/init" 2>&1; then
    if [ -f "$home/data/hlmcs/hlmcs.sqlite" ]; then pass "users init made \$XDG_DATA_HOME/hlmcs/hlmcs.sqlite"
    else fail "users init made no $home/data/hlmcs/hlmcs.sqlite: $(ls -R "$home")"; fi
    if run env HLMCS_USER=Administrator HLMCS_PASSWORD=package-test-1 "$root/usr/bin/hlmcs" users list \
            >"$work/list" 2>&1 && grep -q "Administrator" "$work/list"; then
        pass "users list logs in with that password"
    else
        fail "users list: $(head -3 "$work/list")"
    fi
else
    fail "users init failed: $(head -3 "$work/init")"
fi

# hlmcs --demo in tmux, on a new database of its own.
tmux() { env -u TMUX tmux -L "$socket" -f /dev/null "$@"; }
screen() { tmux capture-pane -p -t pkg 2>/dev/null || true; }
# Polls the screen every 0.1 s for an extended regular expression, 20 s at most.
wait_for() {
    local deadline=$((SECONDS + 20))
    while [ $SECONDS -lt $deadline ]; do
        if screen | grep -E -q -- "$1"; then return 0; fi
        sleep 0.1
    done
    fail "$2: no /$1/ on screen within 20 s:"
    screen >&2
    return 1
}
tmux new-session -d -x 80 -y 24 -s pkg \
    "env -i PATH='$root/usr/bin:/usr/bin:/bin' HOME='$home' LANG=C.UTF-8 TERM=xterm-256color XDG_DATA_HOME='$home/tui' PS1='$ ' sh"
tmux send-keys -t pkg "hlmcs --demo --lang en; echo \"STATUS=\$?\"" Enter
demo() {
    wait_for "HLMCS — ES-951 concentrator configurator" "login screen" || return 1
    tmux send-keys -t pkg -l Administrator
    tmux send-keys -t pkg Enter
    wait_for "Set a password for" "first login" || return 1
    tmux send-keys -t pkg -l package-test-2
    tmux send-keys -t pkg Tab
    tmux send-keys -t pkg -l package-test-2
    tmux send-keys -t pkg Enter
    wait_for "Serial number" "information screen" || return 1
    tmux send-keys -t pkg F5
    wait_for "95100001" "the demo's serial number after F5" || return 1
    pass "hlmcs --demo: login screen, first login, information screen, F5 read 95100001"
    # F10 quits at once with nothing to lose; should it ask ("Quit hlmcs?"), F10 again says yes.
    tmux send-keys -t pkg F10
    local deadline=$((SECONDS + 20)) asked=false
    while [ $SECONDS -lt $deadline ]; do
        if screen | grep -q "^STATUS="; then break; fi
        if ! $asked && screen | grep -q "Quit hlmcs?"; then tmux send-keys -t pkg F10; asked=true; fi
        sleep 0.1
    done
    wait_for '^STATUS=0$' "exit status 0 after F10" || return 1
    # The prompt is back: the shell answers a command.
    tmux send-keys -t pkg "echo PROMPT-''BACK" Enter
    wait_for '^PROMPT-BACK$' "the shell's prompt after quitting" || return 1
    pass "F10 quit (status 0), the shell's prompt is back"
}
demo || true

if [ $failures -ne 0 ]; then
    echo "test-package: $failures failure(s) with $deb" >&2
    exit 1
fi
echo "test-package: $deb passed"
