#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import TUICore

/// The real terminal, through ncursesw: the only place in the program that calls ncurses.
///
/// Widgets render into a `ScreenBuffer`; `draw` sends the terminal only the cells that
/// changed since the previous draw (ratatui's "buffer diff to the backend").
///
///     let terminal = try Terminal.start()
///     defer { terminal.stop() }
///     var screen = ScreenBuffer(width: terminal.size.width, height: terminal.size.height)
///     screen.write("Привет", x: 0, y: 0)
///     terminal.draw(screen)
///     let key = terminal.readKey(timeoutMilliseconds: 100)
///
/// The terminal is restored by `stop()`, and also on SIGINT, SIGTERM, SIGHUP, a crash
/// signal and `exit`; Ctrl-Z restores it and `fg` repaints.
public final class Terminal {
    /// Box characters that this terminal's locale can show.
    public let lineDrawing: LineDrawing
    /// False under `NO_COLOR` or on a terminal without colours: draw with attributes only.
    public let colorsEnabled: Bool
    /// The escape delay (milliseconds) that tells Esc from Alt+key.
    public static let escapeDelay: Int32 = 25
    /// How long a lone Esc waits for a digit (Esc 5 = F5): after it, Esc is Esc. A second
    /// Esc is Esc at once.
    public static let escapeDigitWindow: Duration = .seconds(1)

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>
    private var last: ScreenBuffer?
    private var pairs: ColorPairs
    private var pendingKey: Key?
    /// When a lone Esc came, while it waits for a digit.
    private var escapeSince: ContinuousClock.Instant?
    private var stopped = false
    private var cursorShown = false

    private init(screen: OpaquePointer?, window: UnsafeMutablePointer<WINDOW>, lineDrawing: LineDrawing,
                 colorsEnabled: Bool, pairs: ColorPairs) {
        self.screen = screen
        self.window = window
        self.lineDrawing = lineDrawing
        self.colorsEnabled = colorsEnabled
        self.pairs = pairs
    }

    /// Takes over the terminal.
    /// - Parameter preferUnicode: false forces ASCII line drawing.
    /// - Throws: `.noTerminal` when stdin or stdout is not a terminal, `.termNotSet` /
    ///   `.unknownTerminal(TERM)` when ncurses cannot describe it, `.alreadyStarted`.
    /// - Parameter mouse: clicks on the menus, the tree and the key bar, and the wheel
    ///   (`--no-mouse` leaves the mouse to the terminal: its own text selection).
    public static func start(preferUnicode: Bool = true, mouse: Bool = false) throws(TerminalError) -> Terminal {
        guard TerminalRestore.active == 0 else { throw .alreadyStarted }
        let unicode = setUpLocale() && preferUnicode
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .noTerminal }
        guard let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty else { throw .termNotSet }
        // newterm (unlike initscr) returns NULL for a TERM without a terminfo entry.
        // Our handlers go in first: ncurses installs its own (which `exit(1)`) only where
        // it finds the default disposition, and SIGWINCH stays with ncurses.
        TerminalRestore.install()
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r"),
              let screen = newterm(term, output, input) else {
            TerminalRestore.uninstall()
            throw .unknownTerminal(term)
        }
        set_term(screen)
        guard let window = cnc_stdscr() else { throw .unknownTerminal(term) }
        TerminalRestore.active = 1
        let wakes = TerminalRestore.installWake()

        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(escapeDelay)
        curs_set(0)
        if mouse { _ = cnc_mouse(1) }

        var colors = false, defaults = false
        if getenv("NO_COLOR").map({ $0.pointee != 0 }) != true && has_colors() {
            colors = start_color() == OK
            defaults = colors && use_default_colors() == OK
        }
        let pairs = ColorPairs(capacity: colors ? Int(cnc_COLOR_PAIRS()) : 0, defaultsSupported: defaults)
        let terminal = Terminal(screen: screen, window: window, lineDrawing: unicode ? .unicode : .ascii,
                                colorsEnabled: colors, pairs: pairs)
        terminal.wakesOnSignals = wakes
        return terminal
    }

    /// `setlocale(LC_ALL, "")`, then C.UTF-8 when the user's locale is not UTF-8
    /// (TOOLCHAIN.md: an uninstalled `en_US.UTF-8` or `LC_ALL=C` loses Cyrillic).
    /// - Returns: whether the user's own locale is UTF-8, i.e. the terminal may be
    ///   trusted with box-drawing characters; under `LANG=C` it is not, and the boxes
    ///   are drawn in ASCII (issue 18 item 9).
    static func setUpLocale() -> Bool {
        if setlocale(LC_ALL, "") != nil, isUTF8Codeset() { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_ALL, name) != nil {
            if isUTF8Codeset() { return false }
        }
        setlocale(LC_ALL, "")
        return false
    }

    private static func isUTF8Codeset() -> Bool {
        guard let codeset = cnc_codeset() else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) {
        var rows: Int32 = 0, columns: Int32 = 0
        cnc_getmaxyx(window, &rows, &columns)
        return (Int(columns), Int(rows))
    }

    /// Shows `buffer`, writing only the cells that differ from the previous draw (all of
    /// them after a size change), then refreshes.
    public func draw(_ buffer: ScreenBuffer) {
        draw(buffer, cursor: nil)
    }

    /// Shows `buffer` like ``draw(_:)``, with the text cursor at `cursor` (hidden when nil).
    public func draw(_ buffer: ScreenBuffer, cursor: (x: Int, y: Int)?) {
        guard !stopped else { return }
        let changes: [(x: Int, y: Int, cell: Cell)]
        if let last, last.width == buffer.width, last.height == buffer.height {
            changes = buffer.changes(from: last)
        } else {
            werase(window)
            changes = buffer.changes(from: ScreenBuffer(width: 0, height: 0))
        }
        for change in changes where !change.cell.text.isEmpty {
            put(change.cell, x: change.x, y: change.y)
        }
        last = buffer
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < buffer.width, cursor.y < buffer.height {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            if !cursorShown { curs_set(1); cursorShown = true }
        } else if cursorShown {
            curs_set(0)
            cursorShown = false
        }
        wrefresh(window)
    }

    /// Forgets what is on screen, so the next `draw` writes every cell (after Ctrl-L, or
    /// when something else wrote to the terminal).
    public func invalidate() {
        last = nil
        clearok(window, true)
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var characters = cell.text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        var pair: Int16 = 0
        if colorsEnabled {
            let (number, isNew) = pairs.pair(foreground: cell.style.foreground, background: cell.style.background)
            if isNew {
                let colours = pairs.colorNumbers(foreground: cell.style.foreground, background: cell.style.background)
                init_pair(number, colours.foreground, colours.background)
            }
            pair = number
        }
        var character = cchar_t()
        setcchar(&character, characters, AttributeMapping.attributes(for: cell.style), pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &character)
    }

    /// Waits up to `timeoutMilliseconds` (negative: forever) for a key.
    /// - Returns: the key, `.resize` after the window changed size, or `nil` on timeout.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard !stopped else { return nil }
        // Keys in the order they came: a lone Esc before a Ctrl-C after it.
        if escapeSince != nil, TerminalRestore.pendingInterrupt != 0 { escapeSince = nil; return .escape }
        if let key = takeInterrupt() { return key }
        if let key = pendingKey { pendingKey = nil; return key }
        if let since = escapeSince {
            let left = Self.escapeDigitWindow - (ContinuousClock.now - since)
            if left <= .zero { escapeSince = nil; return .escape }
            guard let next = readRaw(timeout: Int32(clamping: min(timeoutMilliseconds, left.millisecondsUp))) else { return takeInterrupt() }
            escapeSince = nil
            if let f = KeyMapper.functionKey(after: next) { return f }
            if next != .escape { pendingKey = next }
            return .escape
        }
        guard let first = readRaw(timeout: Int32(clamping: timeoutMilliseconds)) else { return takeInterrupt() }
        guard first == .escape else { return first }
        guard let next = readRaw(timeout: Self.escapeDelay) else {
            // A lone Esc: a digit may follow (Esc 0 = F10); the loop goes on meanwhile.
            escapeSince = .now
            return nil
        }
        if case .character(let c) = next, c == "[" || c == "O" {
            // A sequence this TERM's terminfo does not know (vt100 in an xterm).
            var text = String(c)
            while text.count < 8, let more = readRaw(timeout: Self.escapeDelay), case .character(let m) = more {
                text.append(m)
                if m.isLetter && text.count > 1 || m == "~" { break }
            }
            return KeyMapper.sequence(text) ?? .alt(c)
        }
        let (key, consumed) = KeyMapper.afterEscape(next)
        if !consumed { pendingKey = next }
        return key
    }

    /// How long the next `readKey` may wait at most for what it already holds to become a
    /// key (a lone Esc waiting for a digit), in milliseconds; nil when nothing is pending.
    public var pendingMilliseconds: Int? {
        if pendingKey != nil || TerminalRestore.pendingInterrupt != 0 { return 0 }
        guard let since = escapeSince else { return nil }
        return (Self.escapeDigitWindow - (ContinuousClock.now - since)).millisecondsUp
    }

    /// Waits until the keyboard has input, `other` is readable (-1: none), a signal comes,
    /// or `milliseconds` pass; keys ncurses already holds are read first by the caller
    /// (``readKey(timeoutMilliseconds:)`` with 0 until nil), so none waits here.
    /// A negative `milliseconds` waits with no timeout: only when ``wakesOnSignals``.
    public func waitForInput(or other: Int32, milliseconds: Int) {
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
        if other >= 0 { fds.append(pollfd(fd: other, events: Int16(POLLIN), revents: 0)) }
        if TerminalRestore.wakeRead >= 0 { fds.append(pollfd(fd: TerminalRestore.wakeRead, events: Int16(POLLIN), revents: 0)) }
        _ = poll(&fds, nfds_t(fds.count), milliseconds < 0 && !wakesOnSignals ? 250 : Int32(clamping: milliseconds))
        TerminalRestore.drainWake()
    }

    /// True when a resize or a Ctrl-C wakes ``waitForInput(or:milliseconds:)`` from any
    /// thread (the signal pipe is open), so it may wait with no timeout.
    public private(set) var wakesOnSignals = false

    /// Ctrl-C as a key (`.control("c")`) instead of the end of the program: the program
    /// asks before it quits with work in flight. A second Ctrl-C the program does not
    /// take still ends it, the terminal restored.
    public var interceptsInterrupt: Bool {
        get { TerminalRestore.interceptInterrupt != 0 }
        set { TerminalRestore.interceptInterrupt = newValue ? 1 : 0 }
    }

    private func takeInterrupt() -> Key? {
        guard TerminalRestore.pendingInterrupt != 0 else { return nil }
        TerminalRestore.pendingInterrupt = 0
        return .control("c")
    }

    private func readRaw(timeout: Int32) -> Key? {
        wtimeout(window, timeout)
        var character: wint_t = 0
        let result = wget_wch(window, &character)
        guard result != ERR else { return nil }
        if result == KEY_CODE_YES, Int32(bitPattern: character) == cnc_KEY_MOUSE() {
            var x: Int32 = 0, y: Int32 = 0
            switch cnc_mouse_event(&x, &y) {
            case 1: return .click(x: Int(x), y: Int(y))
            case 4: return .up
            case 5: return .down
            // Not a key: the next one ncurses holds, so none is left in its buffer unread
            // while the loop sleeps on the descriptor.
            default: return readRaw(timeout: 0)
            }
        }
        return KeyMapper.map(code: Int32(bitPattern: character), isKeyCode: result == KEY_CODE_YES)
    }

    /// Gives the terminal back (endwin). Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        // A blank screen, the cursor home, before the terminal is given back: a terminal
        // without an alternate screen (vt100) keeps no last frame, and one that copies the
        // alternate screen into the shell's after a resize (tmux) copies nothing.
        if TerminalRestore.active != 0 {
            werase(window)
            wmove(window, 0, 0)
            wrefresh(window)
        }
        TerminalRestore.restoreNow()
        TerminalRestore.uninstallWake()
        TerminalRestore.uninstall()
        if let screen { delscreen(screen) }
        screen = nil
    }

    deinit { stop() }
}
