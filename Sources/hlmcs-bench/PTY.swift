#if canImport(Glibc)
import Glibc
#endif
import Foundation

// hlmcs on a pseudo-terminal, as a person at a terminal would run it: the TUI figures.

/// Starts `arguments` on a new pseudo-terminal; returns the master side and the pid.
func spawnOnPTY(_ arguments: [String], environment: [String]) -> (master: Int32, pid: pid_t)? {
    var master: Int32 = -1, slave: Int32 = -1
    var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else { return nil }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    for fd in 0...2 { posix_spawn_file_actions_adddup2(&actions, slave, Int32(fd)) }
    posix_spawn_file_actions_addclose(&actions, master)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    posix_spawnattr_setflags(&attributes, 0x80)   // POSIX_SPAWN_SETSID (glibc)
    var pid: pid_t = 0
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    let rc = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
    argv.forEach { free($0) }
    envp.forEach { free($0) }
    posix_spawn_file_actions_destroy(&actions)
    posix_spawnattr_destroy(&attributes)
    close(slave)
    return rc == 0 ? (master, pid) : nil
}

/// Reads the master until `marker` appeared or `timeout` passed; returns when it appeared.
func waitFor(_ marker: String, master: Int32, from start: ContinuousClock.Instant, timeout: Duration) -> Duration? {
    var seen = [UInt8]()
    let needle = Array(marker.utf8)
    var buffer = [UInt8](repeating: 0, count: 4096)
    while ContinuousClock.now - start < timeout {
        var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, 20) > 0 else { continue }
        let n = read(master, &buffer, buffer.count)
        if n <= 0 { return nil }
        seen += buffer[0..<n]
        if seen.count >= needle.count,
           (0...(seen.count - needle.count)).contains(where: { seen[$0..<($0 + needle.count)].elementsEqual(needle) }) {
            return ContinuousClock.now - start
        }
    }
    return nil
}

func writeKeys(_ text: String, _ master: Int32) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
}

/// Reads what is there within `milliseconds` (discarding it).
func drain(_ master: Int32, quietMilliseconds: Int32) -> Int {
    var total = 0
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, quietMilliseconds) > 0 else { return total }
        let n = read(master, &buffer, buffer.count)
        if n <= 0 { return total }
        total += n
    }
}

/// F10 (xterm), then waits up to 5 s for hlmcs to end (SIGKILL after), keeping the pty
/// drained, and closes it.
func quitHlmcs(_ master: Int32, _ pid: pid_t) {
    writeKeys("\u{1B}[21~", master)
    var status: Int32 = 0
    let deadline = ContinuousClock.now + .seconds(5)
    while waitpid(pid, &status, WNOHANG) == 0 {
        if ContinuousClock.now > deadline { kill(pid, SIGKILL); waitpid(pid, &status, 0); break }
        _ = drain(master, quietMilliseconds: 5)
    }
    close(master)
}

