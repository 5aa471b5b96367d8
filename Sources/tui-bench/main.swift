// tui-bench: the terminal UI's speed figures (issue 6), printed one per line with the goal.
//
//   swift run -c release tui-bench [path/to/hlmcs]
//
// 1. start to login screen: `hlmcs --demo` started on a pseudo-terminal (80×24,
//    TERM=xterm-256color), timed from spawn until the login screen's key bar ("F10") has
//    been written; the first start on a new database, then 20 starts on it.
// 2. key to redraw on a 1000-row table: Down in a 1000-row `TableView` at 120×36 —
//    `move`, `render` into a new buffer and the diff against the previous screen (what the
//    terminal layer then writes) — over 2000 keys.
// 3. key to redraw of the main window (`AppState.update` + `render` + diff), 2000 keys.
// 4. key to redraw through the terminal while a read is in flight: `hlmcs --demo
//    --demo-baud 1200` on a pty, F5, then Down/Up in the tree: from writing the key to
//    the first byte of the redraw, and to the last (10 ms quiet).
#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TUICore

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

func report(_ name: String, _ value: Double, _ unit: String, goal: String) {
    let padded = name.padding(toLength: max(name.count, 48), withPad: " ", startingAt: 0)
    print(padded + String(format: " %10.3f ", value) + unit.padding(toLength: 3, withPad: " ", startingAt: 0) + "  goal " + goal)
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
}

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

func send(_ text: String, _ master: Int32) {
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
func quit(_ master: Int32, _ pid: pid_t) {
    send("\u{1B}[21~", master)
    var status: Int32 = 0
    let deadline = ContinuousClock.now + .seconds(5)
    while waitpid(pid, &status, WNOHANG) == 0 {
        if ContinuousClock.now > deadline { kill(pid, SIGKILL); waitpid(pid, &status, 0); break }
        _ = drain(master, quietMilliseconds: 5)
    }
    close(master)
}

/// Key to redraw mid-read, through ncurses and the pty: (first byte, last byte) per key.
func keysDuringARead(hlmcs: String, database: String) -> [(first: Double, last: Double)] {
    let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "HLMCS_DB=\(database)", "HOME=/tmp"]
    guard let (master, pid) = spawnOnPTY([hlmcs, "--demo", "--demo-baud", "1200", "--lang", "en"],
                                         environment: environment) else { return [] }
    defer { quit(master, pid) }
    var start = ContinuousClock.now
    guard waitFor("F10", master: master, from: start, timeout: .seconds(20)) != nil else { return [] }
    send("Administrator\r", master)
    start = ContinuousClock.now
    if waitFor("Set a password", master: master, from: start, timeout: .seconds(20)) != nil {
        send("bench-pass-1\tbench-pass-1\r", master)
    } else {
        send("\tbench-pass-1\r", master)
    }
    start = ContinuousClock.now
    guard waitFor("Exchange log", master: master, from: start, timeout: .seconds(20)) != nil else { return [] }
    _ = drain(master, quietMilliseconds: 200)
    send("\u{1B}[15~", master)   // F5: connect and read at 1200 baud (several seconds)
    start = ContinuousClock.now
    guard waitFor("Esc", master: master, from: start, timeout: .seconds(20)) != nil else { return [] }
    _ = drain(master, quietMilliseconds: 30)
    var times: [(first: Double, last: Double)] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    for i in 0..<40 {
        _ = drain(master, quietMilliseconds: 15)   // progress redraws in between
        let sent = ContinuousClock.now
        send(i % 2 == 0 ? "\u{1B}OB" : "\u{1B}OA", master)   // keypad mode: application cursor keys
        var first: Duration?
        var last = sent
        while true {
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, first == nil ? 1000 : 10) > 0 else { break }
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            if first == nil { first = ContinuousClock.now - sent }
            last = ContinuousClock.now
        }
        if let first { times.append((seconds(first), seconds(last - sent) - 0)) }
    }
    return times
}

/// Issue 7: the first page (20 rows) of a 1000-meter list at 9600 baud, from F5 on an
/// open association to the rows on screen (the first meter address written: "70B3D51F", the demo meters' EUI-64 prefix).
func firstMeterPage(hlmcs: String, database: String) -> Double? {
    let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "HLMCS_DB=\(database)", "HOME=/tmp"]
    guard let (master, pid) = spawnOnPTY([hlmcs, "--demo", "--demo-meters", "1000", "--demo-baud", "9600", "--lang", "en"],
                                         environment: environment) else { return nil }
    defer { quit(master, pid) }
    func expect(_ marker: String) -> Bool {
        waitFor(marker, master: master, from: ContinuousClock.now, timeout: .seconds(30)) != nil
    }
    guard expect("F10") else { return nil }
    send("Administrator\r", master)
    guard expect("Set a password") else { return nil }
    send("bench-pass-1\tbench-pass-1\r", master)
    guard expect("Exchange log") else { return nil }
    send("\u{1B}OQ", master)                  // F2: connect (association open before the key)
    guard expect("connected") else { return nil }
    for _ in 0..<5 { send("\u{1B}OB", master) }   // Information → … → Meter list
    guard expect("Meter list") else { return nil }
    _ = drain(master, quietMilliseconds: 100)
    let start = ContinuousClock.now
    send("\u{1B}[15~", master)                // F5
    guard let elapsed = waitFor("70B3D51F", master: master, from: start, timeout: .seconds(30)) else { return nil }
    return seconds(elapsed)
}

func startToLogin(hlmcs: String, database: String) -> Double? {
    let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "HLMCS_DB=\(database)", "HOME=/tmp"]
    let start = ContinuousClock.now
    guard let (master, pid) = spawnOnPTY([hlmcs, "--demo", "--lang", "en"], environment: environment) else { return nil }
    let elapsed = waitFor("F10", master: master, from: start, timeout: .seconds(20))
    quit(master, pid)
    return elapsed.map(seconds)
}

// MARK: - 1. Start to login screen

let arguments = CommandLine.arguments
let here = URL(fileURLWithPath: arguments[0]).deletingLastPathComponent()
let hlmcs = arguments.count > 1 ? arguments[1] : here.appendingPathComponent("hlmcs").path
guard FileManager.default.isExecutableFile(atPath: hlmcs) else {
    print("tui-bench: no hlmcs at \(hlmcs) (build it: swift build -c release --product hlmcs)")
    exit(2)
}
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tui-bench-\(getpid())")
try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let database = folder.appendingPathComponent("hlmcs.sqlite").path
print("hlmcs: \(hlmcs)")
if let first = startToLogin(hlmcs: hlmcs, database: database) {
    report("start to login screen, new database", first * 1000, "ms", goal: "<= 100 ms")
} else {
    print("start to login screen: the login screen did not appear within 20 s")
}
var starts: [Double] = []
for _ in 0..<20 { if let t = startToLogin(hlmcs: hlmcs, database: database) { starts.append(t) } }
report("start to login screen, median of \(starts.count)", percentile(starts, 0.5) * 1000, "ms", goal: "<= 100 ms")
report("start to login screen, slowest of \(starts.count)", (starts.max() ?? .nan) * 1000, "ms", goal: "<= 100 ms")
let midRead = keysDuringARead(hlmcs: hlmcs, database: folder.appendingPathComponent("keys.sqlite").path)
if midRead.isEmpty {
    print("key to redraw mid-read: hlmcs did not reach a read in flight")
} else {
    report("key to first redraw byte, mid-read, median", percentile(midRead.map(\.first), 0.5) * 1000, "ms", goal: "<= 5 ms")
    report("key to first redraw byte, mid-read, p95", percentile(midRead.map(\.first), 0.95) * 1000, "ms", goal: "<= 5 ms")
    report("key to redraw written, mid-read, median", percentile(midRead.map(\.last), 0.5) * 1000, "ms", goal: "-")
}
var pages: [Double] = []
for i in 0..<3 {
    if let t = firstMeterPage(hlmcs: hlmcs, database: folder.appendingPathComponent("meters\(i).sqlite").path) { pages.append(t) }
}
if pages.isEmpty {
    print("first page of 1000 meters: the rows did not appear")
} else {
    report("first 20 of 1000 meters at 9600 baud, median of \(pages.count)", percentile(pages, 0.5), "s", goal: "<= 1.5 s")
}
try? FileManager.default.removeItem(at: folder)

// MARK: - 2. Key to redraw on a 1000-row table

let rows = (0..<1000).map { i in
    ["\(i + 1)", String(95_200_000 + i * 7), "CE 102M", i % 9 == 0 ? "blacklist" : "online",
     "2026-11-25 0\(i % 10):15", "\(i % 4)"]
}
let columns = [TableColumn("№", width: 5, alignment: .right), TableColumn("Serial", width: 10),
               TableColumn("Type", width: 10), TableColumn("State", width: 10),
               TableColumn("Last poll", width: 16), TableColumn("Fails", width: 5, alignment: .right)]
var table = TableState()
var previous = ScreenBuffer(width: 120, height: 36)
var keyTimes: [Double] = []
var changed = 0
for _ in 0..<2000 {
    let start = ContinuousClock.now
    table.move(table.selected == 999 ? -999 : 1, rowCount: rows.count, height: 33)
    var screen = ScreenBuffer(width: 120, height: 36)
    TableView(columns: columns, rowCount: rows.count, state: table) { rows[$0] }
        .render(in: Rect(x: 0, y: 1, width: 120, height: 34), into: &screen)
    changed += screen.changes(from: previous).count
    previous = screen
    keyTimes.append(seconds(ContinuousClock.now - start))
}
report("key to redraw, 1000-row table 120x36, median", percentile(keyTimes, 0.5) * 1000, "ms", goal: "<= 5 ms")
report("key to redraw, 1000-row table 120x36, p99", percentile(keyTimes, 0.99) * 1000, "ms", goal: "<= 5 ms")
report("cells changed per key (table)", Double(changed) / 2000, "", goal: "-")

// MARK: - 3. Key to redraw of the main window

let catalogue = [UILanguage.ru: try UIStrings.bundled(.ru), .en: try UIStrings.bundled(.en)]
var state = AppState(width: 120, height: 36, language: .ru, strings: catalogue)
_ = state.update(.loggedIn(SessionInfo(user: "Администратор", role: .administrator, permissions: [])))
let context = DrawContext(strings: catalogue[.ru]!)
previous = state.render(context)
var mainTimes: [Double] = []
for i in 0..<2000 {
    let start = ContinuousClock.now
    _ = state.update(.key(i % 20 < 10 ? .down : .up))
    let screen = state.render(context)
    _ = screen.changes(from: previous)
    previous = screen
    mainTimes.append(seconds(ContinuousClock.now - start))
}
report("key to redraw, main window 120x36, median", percentile(mainTimes, 0.5) * 1000, "ms", goal: "<= 5 ms")
report("key to redraw, main window 120x36, p99", percentile(mainTimes, 0.99) * 1000, "ms", goal: "<= 5 ms")
