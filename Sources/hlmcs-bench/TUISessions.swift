#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// `hlmcs --demo` on a pseudo-terminal (80×24, xterm-256color, English), driven by keys
/// as a person would: the TUI figures that need the whole program.
struct DemoSession {
    let master: Int32
    let pid: pid_t

    /// Starts `hlmcs --demo EXTRA…` on a new database in `database`.
    init?(hlmcs: String, database: String, extra: [String] = []) {
        let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "HLMCS_DB=\(database)", "HOME=/tmp"]
        guard let (master, pid) = spawnOnPTY([hlmcs, "--demo", "--lang", "en"] + extra, environment: environment) else { return nil }
        self.master = master; self.pid = pid
    }

    func expect(_ marker: String, within timeout: Duration = .seconds(30)) -> Bool {
        waitFor(marker, master: master, from: ContinuousClock.now, timeout: timeout) != nil
    }

    func send(_ keys: String) { writeKeys(keys, master) }

    /// The first login of a new database: the administrator, then its new password twice.
    func logIn() -> Bool {
        guard expect("F10") else { return false }
        send("Administrator\r")
        guard expect("Set a password") else { return false }
        send("bench-pass-1\tbench-pass-1\r")
        return expect("Exchange log")
    }

    /// A later login on the same database: the administrator and its password.
    func logInAgain() -> Bool {
        guard expect("F10") else { return false }
        send("Administrator\tbench-pass-1\r")
        return expect("Exchange log")
    }

    /// F2 (connect), then Down five times: Information → … → Meter list.
    func openMeterList() -> Bool {
        send(Keys.f2)
        guard expect("connected") else { return false }
        for _ in 0..<5 { send(Keys.down) }
        return expect("Meter list")
    }

    func quit() { quitHlmcs(master, pid) }
}

/// xterm key sequences (keypad mode: application cursor keys).
enum Keys {
    static let f2 = "\u{1B}OQ"
    static let f5 = "\u{1B}[15~"
    static let down = "\u{1B}OB"
    static let up = "\u{1B}OA"
}

enum TUISessions {
    /// Spawn to the login screen's key bar ("F10") written.
    static func startToLogin(hlmcs: String, database: String) -> Double? {
        let start = ContinuousClock.now
        guard let session = DemoSession(hlmcs: hlmcs, database: database) else { return nil }
        defer { session.quit() }
        return waitFor("F10", master: session.master, from: start, timeout: .seconds(20)).map(seconds)
    }

    /// Key to redraw while a read is in flight (F5 at 1200 baud: several seconds), Down/Up
    /// in the tree: from writing the key to the first byte of the redraw, and to the last.
    static func keysDuringARead(hlmcs: String, database: String) -> [(first: Double, last: Double)] {
        guard let session = DemoSession(hlmcs: hlmcs, database: database, extra: ["--demo-baud", "1200"]) else { return [] }
        defer { session.quit() }
        guard session.logIn() else { return [] }
        _ = drain(session.master, quietMilliseconds: 200)
        session.send(Keys.f5)
        guard session.expect("Esc", within: .seconds(20)) else { return [] }
        _ = drain(session.master, quietMilliseconds: 30)
        var times: [(first: Double, last: Double)] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        for i in 0..<40 {
            _ = drain(session.master, quietMilliseconds: 15)   // progress redraws in between
            let sent = ContinuousClock.now
            session.send(i % 2 == 0 ? Keys.down : Keys.up)
            var first: Duration?
            var last = sent
            while true {
                var p = pollfd(fd: session.master, events: Int16(POLLIN), revents: 0)
                guard poll(&p, 1, first == nil ? 1000 : 10) > 0 else { break }
                let n = read(session.master, &buffer, buffer.count)
                if n <= 0 { break }
                if first == nil { first = ContinuousClock.now - sent }
                last = ContinuousClock.now
            }
            if let first { times.append((seconds(first), seconds(last - sent))) }
        }
        return times
    }

    /// The first page (20 rows) of a 1000-meter list at 9600 baud, from F5 on an open
    /// association to the rows on screen (the first meter address written: "70B3D51F",
    /// the demo meters' EUI-64 prefix). Before the first page hlmcs learns the device:
    /// on a new database (`known` false) it reads the whole object list (~2.8 kB, ~3 s
    /// at 9600 baud) and keeps it; on the same database again (`known`) it reads only
    /// the device's name and firmware (89 B) to find the kept list.
    static func firstMeterPage(hlmcs: String, database: String, known: Bool) -> Double? {
        guard let session = DemoSession(hlmcs: hlmcs, database: database,
                                        extra: ["--demo-meters", "1000", "--demo-baud", "9600"]) else { return nil }
        defer { session.quit() }
        guard known ? session.logInAgain() : session.logIn(), session.openMeterList() else { return nil }
        _ = drain(session.master, quietMilliseconds: 100)
        let start = ContinuousClock.now
        session.send(Keys.f5)
        return waitFor("70B3D51F", master: session.master, from: start, timeout: .seconds(30)).map(seconds)
    }

    /// Resident memory of hlmcs with the whole 1000-meter list read (the exchange log's
    /// "1000 rows"), in MB: VmRSS now, VmHWM the peak, RssAnon the part that is the
    /// program's own (heap and stacks; the rest is mapped code and data of the files).
    ///
    /// The executable's pages are first dropped from the page cache, as after a reboot:
    /// a file just written (linked, or unpacked by dpkg) sits in the cache in large
    /// folios, which the kernel (6.x, ext4) maps whole, and hlmcs then shows ~4 MB more
    /// of the same code resident than when it is read from the disk.
    static func memoryWithMeters(hlmcs: String, database: String) -> (resident: Double, peak: Double, anonymous: Double)? {
        dropFromPageCache(hlmcs)
        guard let session = DemoSession(hlmcs: hlmcs, database: database, extra: ["--demo-meters", "1000"]) else { return nil }
        defer { session.quit() }
        guard session.logIn(), session.openMeterList() else { return nil }
        session.send(Keys.f5)
        guard session.expect("1000 rows", within: .seconds(60)) else { return nil }
        _ = drain(session.master, quietMilliseconds: 300)
        guard let status = try? String(contentsOfFile: "/proc/\(session.pid)/status", encoding: .utf8) else { return nil }
        func kilobytes(_ key: String) -> Double? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return nil }
            return line.split(separator: " ").compactMap { Double($0) }.first
        }
        guard let rss = kilobytes("VmRSS"), let hwm = kilobytes("VmHWM"), let anon = kilobytes("RssAnon") else { return nil }
        return (rss / 1024, hwm / 1024, anon / 1024)
    }
}

/// Writes `path` out and asks the kernel to forget its cached pages (clean, unmapped
/// pages are dropped; no privilege needed).
func dropFromPageCache(_ path: String) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return }
    defer { close(fd) }
    _ = fdatasync(fd)
    _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_DONTNEED))
}
