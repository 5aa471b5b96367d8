#!/bin/sh
# Installs the Debian packages the build and the tests need, when they are missing:
# the SQLite and ncursesw headers (AccountStore links SQLite, TUINcurses links
# ncursesw), tmux (the terminal UI's end-to-end tests) and Unicode's confusables data;
# with --with-packaging what scripts/package and scripts/test-package.sh use (dpkg-dev's
# dpkg-shlibdeps, binutils' strip, lintian, man-db's man, strace). Quiet when all are there.
#
#   scripts/system-packages.sh [--with-test-tools] [--with-packaging]   (sudo when not root)
set -eu

missing=""
for package in libsqlite3-dev libncurses-dev; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
test_tools=false
packaging=false
for option in "$@"; do
    case "$option" in
        --with-test-tools) test_tools=true ;;
        --with-packaging) packaging=true ;;
        *) echo "usage: scripts/system-packages.sh [--with-test-tools] [--with-packaging]" >&2; exit 2 ;;
    esac
done
if $packaging; then
    for package in dpkg-dev binutils lintian man-db strace; do
        dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
    done
fi
if $test_tools; then
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
