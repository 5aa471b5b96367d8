#!/bin/sh
# Prepares what the interoperability tests (Tests/InteropTests) need, once:
# a Python venv at .build/peer-venv with the Gurux DLMS client library,
# gurux-dlms 1.0.203 from PyPI (pinned: the test script knows its quirks).
# Idempotent and quiet when everything is already there; says what failed
# and exits non-zero otherwise.
#
#   scripts/test-tools.sh            (from anywhere; paths are the package's)
set -u

GURUX_VERSION=1.0.203
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd) || exit 1
venv="$root/.build/peer-venv"
python="$venv/bin/python"
log="$root/.build/peer-venv.log"

fail() {
    echo "test-tools: $*" >&2
    exit 1
}

installed() {
    "$python" -c 'import importlib.metadata as m, sys, gurux_dlms
sys.exit(0 if m.version("gurux-dlms") == sys.argv[1] else 1)' "$GURUX_VERSION" 2>/dev/null
}

[ -x "$python" ] && installed && exit 0

command -v python3 >/dev/null 2>&1 || fail "python3 is not installed (apt-get install python3 python3-venv)"
mkdir -p "$root/.build" || fail "cannot create $root/.build"

if [ ! -x "$python" ]; then
    if ! python3 -m venv "$venv" >"$log" 2>&1; then
        rm -rf "$venv"
        fail "python3 -m venv $venv failed (is python3-venv installed?); see $log"
    fi
fi

if ! "$python" -m pip install --disable-pip-version-check --quiet \
        "gurux-dlms==$GURUX_VERSION" >>"$log" 2>&1; then
    fail "pip install gurux-dlms==$GURUX_VERSION into $venv failed (network? PyPI?); see $log"
fi

installed || fail "gurux-dlms $GURUX_VERSION still cannot be imported by $python; see $log"
exit 0
