#!/bin/sh
# Installs the Debian packages the build and the tests need, when they are missing:
# the SQLite and ncursesw headers (AccountStore links SQLite, TUINcurses links
# ncursesw), tmux (the terminal UI's end-to-end tests) and Unicode's confusables data. Quiet when all are there.
#
#   scripts/system-packages.sh            (uses sudo when not root)
set -eu

missing=""
for package in libsqlite3-dev libncurses-dev; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
if [ "${1:-}" = "--with-test-tools" ]; then
    command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
    python3 -c 'import ensurepip' >/dev/null 2>&1 || missing="$missing python3-venv"
    # Unicode's confusables data: the check that Sources/Accounts/ConfusablesTable.swift
    # is what the generator makes of it (Tests/AccountsTests/ConfusablesTableTests).
    dpkg -s python3-confusable-homoglyphs >/dev/null 2>&1 || missing="$missing python3-confusable-homoglyphs"
fi
[ -z "$missing" ] && exit 0

echo "system-packages: installing$missing" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq $missing
