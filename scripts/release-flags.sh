# The release build's flags, one place for scripts/package (what a laptop installs) and
# scripts/bench (what the figures measure). Sourced by bash: sets the array release_flags.
#
# --static-swift-stdlib  the Swift runtime linked in: no Swift .so files to ship.
# -z now                 every symbol bound at start, then read-only (full RELRO;
#                        lintian's hardening-no-bindnow). Only libc, ncursesw, SQLite are
#                        dynamic: no slower start.
# lld, -z pack-relative-relocs
#                        the position-independent executable's 100,000 relative
#                        relocations as a 20 kB bitmap (DT_RELR, glibc >= 2.36) instead
#                        of a 2.4 MB table that the loader reads, and keeps resident, at
#                        every start (issue 19: -2.8 MB resident).
# --no-export-dynamic    the static runtime's 22,000 symbols stay out of the dynamic
#                        symbol table; nothing looks them up (-1.5 MB of .dynsym and
#                        .dynstr; the Swift runtime finds types through its own sections).
# shellcheck disable=SC2034
release_flags=(-c release --static-swift-stdlib
    -Xlinker -z -Xlinker now
    -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs
    -Xlinker --no-export-dynamic)
