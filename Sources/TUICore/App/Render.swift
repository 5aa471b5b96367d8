import Accounts
import TextSafety

extension AppState {
    /// Draws the whole screen.
    public func render(_ context: DrawContext) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        var context = context
        context.strings = strings
        let s = strings
        if width < MainLayout.minimum.width || height < MainLayout.minimum.height {
            buffer.write(s["screen.tooSmall", "\(MainLayout.minimum.width)×\(MainLayout.minimum.height)"],
                         x: 0, y: 0, maxWidth: width)
            return buffer
        }
        let full = buffer.area
        if phase == .login {
            let (body, keys) = full.splitBottom(1)
            login.render(in: body, into: &buffer, context: context)
            KeyBar(items: login.keyBar(s)).render(in: keys, into: &buffer)
            return buffer
        }
        let layout = MainLayout(width: width, height: height)
        renderTree(layout.tree, &buffer, context)
        renderConnection(layout.connection, &buffer, context)
        renderWork(layout.work, &buffer, context)
        renderLog(layout.log, &buffer, context)
        KeyBar(items: keyBarItems()).render(in: layout.keys, into: &buffer)
        var bar = menuBar
        bar.lines = context.lines
        if let session {
            // The user and role at the right end of the menu line.
            let who = " \(session.user) · \(roleLabel(session.role)) "
            bar.render(in: full, into: &buffer)
            let w = DisplayWidth.of(who)
            if menu.open == nil || width > 60 {
                buffer.write(who, x: max(0, width - w), y: 0, style: Style(reverse: true), maxWidth: w)
            }
        }
        // The menu bar (and its drop-down) goes over the zones, the modal over everything.
        if menu.open != nil { bar.render(in: full, into: &buffer) }
        if let modal { renderModal(modal, full, &buffer, context) }
        return buffer
    }

    /// Where the text cursor goes, when a text field has the focus.
    public func cursor(_ context: DrawContext) -> (x: Int, y: Int)? {
        var context = context
        context.strings = strings
        if phase == .login {
            return login.cursorPosition(in: Rect(x: 0, y: 0, width: width, height: height - 1), context: context)
        }
        let area = modalArea
        if modal == nil, menu.open == nil, focus == .work, let p = pages.page(page) {
            let work = Frame().inner(MainLayout(width: width, height: height).work).splitBottom(1).rest
            return p.cursorPosition(in: work, context: context)
        }
        switch modal {
        case .settings(let screen): return screen.cursorPosition(in: area, context: context)
        case .users(let screen): return screen.cursorPosition(in: area, context: context)
        case .roles(let screen): return screen.cursorPosition(in: area, context: context)
        case .changePassword(let screen): return screen.cursorPosition(in: area, context: context)
        case .log(let window): return window.cursorPosition(in: area, context: context)
        case .audit(let window): return window.cursorPosition(in: area, context: context)
        default: return nil
        }
    }

    /// Modal windows get the screen minus the menu and key lines.
    var modalArea: Rect { Rect(x: 0, y: 1, width: width, height: max(0, height - 2)) }

    /// A zone's frame; the zone with the focus has its title in reverse video, which
    /// shows without colour too (NO_COLOR, a monochrome terminal: issue 18), and its
    /// border in cyan.
    func frame(_ titleKey: String, _ focused: Bool, _ context: DrawContext) -> Frame {
        Frame(title: context.strings[titleKey], lines: context.lines,
              style: focused ? Style(foreground: .cyan, bold: true) : .plain,
              titleStyle: focused ? Style(foreground: .cyan, bold: true, reverse: true) : Style(bold: true))
    }

    func renderTree(_ area: Rect, _ buffer: inout ScreenBuffer, _ context: DrawContext) {
        let f = frame("zone.tree", focus == .tree && modal == nil, context)
        f.render(in: area, into: &buffer)
        var state = tree
        if focus != .tree { state.selected = tree.selected }
        TreeView(roots: ParameterTree.roots(context.strings, permissions: session?.permissions), state: state, ascii: context.ascii)
            .render(in: f.inner(area), into: &buffer)
    }

    func renderConnection(_ area: Rect, _ buffer: inout ScreenBuffer, _ context: DrawContext) {
        let s = context.strings
        var f = frame("zone.connection", false, context)
        if let profileName {
            // The saved profile in use, in device-safe form (a name the user typed).
            f.title = s["zone.connectionProfile", OutsideText.forTerminal(profileName, limit: 40)]
        }
        f.render(in: area, into: &buffer)
        let inner = f.inner(area)
        let stateText: String
        var stateStyle = Style.plain
        switch link {
        case .disconnected: stateText = s["link.disconnected"]
        case .connecting: stateText = s["link.connecting"]; stateStyle = Style(foreground: .yellow)
        case .connected: stateText = s["link.connected"]; stateStyle = Style(foreground: .green, bold: true)
        case .failed: stateText = s["link.failed"]; stateStyle = Style(foreground: .red, bold: true)
        }
        let security = connection.security == .lls ? "LLS" : "NLS"
        let linkText = connection.medium == .demo ? s["conn.demo"] : connection.mediumSummary
        let labels = [s["conn.link"], s["conn.address"], s["conn.security"], s["conn.state"]]
        let labelWidth = labels.map(DisplayWidth.of).max() ?? 0
        let valueWidth = max(1, inner.width - labelWidth - 1)
        // A link too long for its row takes two, the second the panel's whole width
        // (issue 18 item 4: "Link TCP 127.0.0.1:4" was cut); the state and the security
        // then share the last row, without a label, so nothing is lost.
        var rows: [(label: String?, text: String, style: Style)]
        if DisplayWidth.of(linkText) <= valueWidth {
            rows = [(labels[0], linkText, .plain), (labels[1], connection.addressSummary, .plain),
                    (labels[2], security, .plain), (labels[3], stateText, stateStyle)]
        } else {
            let words = linkText.split(separator: " ", maxSplits: 1).map(String.init)
            let (first, rest) = words.count == 2 && DisplayWidth.of(words[0]) <= valueWidth ? (words[0], words[1]) : ("", linkText)
            let full = inner.width - 1
            rows = [(labels[0], first, .plain),
                    (nil, " " + (DisplayWidth.of(rest) > full ? DisplayWidth.prefix(rest, columns: full - 1) + "…" : rest), .plain),
                    (labels[1], connection.addressSummary, .plain), (nil, stateText + " · " + security, stateStyle)]
        }
        for (i, row) in rows.enumerated() where i < inner.height {
            var x = inner.x
            if let label = row.label {
                x += buffer.write(DisplayWidth.fit(label, columns: labelWidth) + " ", x: inner.x,
                                  y: inner.y + i, style: Style(dim: true), maxWidth: inner.width)
            }
            buffer.write(row.text, x: x, y: inner.y + i, style: row.style, maxWidth: max(0, inner.maxX - x))
        }
    }

    func renderWork(_ area: Rect, _ buffer: inout ScreenBuffer, _ context: DrawContext) {
        let f = frame(page.titleKey, focus == .work && modal == nil, context)
        f.render(in: area, into: &buffer)
        let inner = f.inner(area)
        guard !inner.isEmpty else { return }
        let (content, bottom) = inner.splitBottom(1)
        let shown = pages.page(page)
        shown?.render(in: content, into: &buffer, context: context, page: pageContext, focused: focus == .work && modal == nil)
        if let reading {
            renderProgress(reading, in: bottom, &buffer, context)
        } else if let status {
            renderMessage(status, above: bottom, within: inner, ascii: context.ascii, &buffer)
        } else if let hint = shown?.hint(pageContext) {
            renderMessage(hint, above: bottom, within: inner, ascii: context.ascii, &buffer)
        }
    }

    /// The status or hint on the work area's last line; a longer one wraps upwards over
    /// the page's last lines (at most a third of the area), under a rule, so a message is
    /// never cut at the edge (issue 18 item 4).
    func renderMessage(_ text: String, above bottom: Rect, within inner: Rect, ascii: Bool, _ buffer: inout ScreenBuffer) {
        var lines = TextWrap.lines(text, width: bottom.width)
        let most = max(1, inner.height / 3)
        if lines.count > most {
            lines = Array(lines.prefix(most))
            lines[most - 1] = DisplayWidth.prefix(lines[most - 1], columns: max(0, bottom.width - 1)) + "…"
        }
        let top = bottom.y - (lines.count - 1)
        if lines.count > 1, top - 1 >= inner.y {
            let rule = Rect(x: bottom.x, y: top - 1, width: bottom.width, height: 1)
            buffer.clear(rule)
            buffer.write(String(repeating: ascii ? "-" : "┄", count: bottom.width), x: bottom.x, y: top - 1, style: Style(dim: true), maxWidth: bottom.width)
        }
        for (i, line) in lines.enumerated() {
            let row = Rect(x: bottom.x, y: top + i, width: bottom.width, height: 1)
            buffer.clear(row)
            buffer.write(line, x: bottom.x, y: top + i, style: Style(dim: true), maxWidth: bottom.width)
        }
    }

    /// The progress line: a bar with rows of a list or profile when the device said how
    /// many, an estimate for the information read (its size is known), else bytes,
    /// frames and time so far.
    func renderProgress(_ reading: ReadProgressInfo, in area: Rect, _ buffer: inout ScreenBuffer, _ context: DrawContext) {
        let s = context.strings
        let done = "\(reading.bytes) B, \(reading.frames) \(s["info.frames"])"
        var fraction: Double?
        if let total = reading.totalRows, total > 0 {
            fraction = Double(reading.rows) / Double(total)
        } else if let expected = pages.page(page)?.expectedBytes, expected > 0 {
            fraction = min(0.95, Double(reading.bytes) / Double(expected))
        }
        guard let fraction else {
            let text = (status ?? s["status.reading"]) + " " + done + String(format: ", %.1f s", reading.seconds)
            buffer.write(text, x: area.x, y: area.y, style: Style(foreground: .cyan), maxWidth: area.width)
            return
        }
        let speed = reading.seconds > 0.2 ? fraction / reading.seconds : 0
        let left = speed > 0 ? Int(((1 - fraction) / speed).rounded(.up)) : nil
        let rows = reading.totalRows.map { "\(reading.rows)/\($0), " } ?? ""
        ProgressBar(fraction: fraction, done: rows + done, remaining: left.map { "~\($0) s" }, leftWord: s["common.left"],
                    ascii: context.ascii, style: Style(foreground: .cyan)).render(in: area, into: &buffer)
    }

    func renderLog(_ area: Rect, _ buffer: inout ScreenBuffer, _ context: DrawContext) {
        let title = rawTrace ? "zone.logTrace" : "zone.log"
        let f = frame(title, false, context)
        f.render(in: area, into: &buffer)
        let lines = log.filter { rawTrace || !$0.isTrace }.map(\.text)
        LogPanel(lines: lines).render(in: f.inner(area), into: &buffer)
    }

    func keyBarItems() -> [KeyBar.Item] {
        let s = strings
        if menu.open != nil {
            return [KeyBar.Item("Enter", s["key.choose"]), KeyBar.Item("Esc", s["key.close"]), KeyBar.Item("F10", s["key.quit"])]
        }
        var items = [KeyBar.Item("F1", s["key.help"]),
                     KeyBar.Item("F2", s[isConnected ? "key.disconnect" : "key.connect"]),
                     KeyBar.Item("F3", s["key.settings"])]
        items.append(KeyBar.Item("F5", s["key.read"]))
        if let p = pages.page(page) { items += p.keyBar(pageContext) }
        items.append(KeyBar.Item("F7", s["key.trace"]))
        items.append(KeyBar.Item("F9", s["key.menu"]))
        items.append(KeyBar.Item("F10", s["key.quit"]))
        if reading != nil { items.insert(KeyBar.Item("Esc", s["key.stop"]), at: 0) }
        // Too long for the line: the keys also reached through the menus go first (F7
        // trace, F3 settings, F2 connect), so Stop, the page's keys and F10 stay in view.
        for dropped in ["F7", "F3", "F2"] where Self.width(of: items) > width {
            items.removeAll { $0.key == dropped }
        }
        return items
    }

    /// The columns a key bar takes with single spaces between its items.
    static func width(of items: [KeyBar.Item]) -> Int {
        items.map { DisplayWidth.of($0.key) + 1 + DisplayWidth.of($0.label) }.reduce(0, +) + max(0, items.count - 1)
    }

    func renderModal(_ modal: Modal, _ full: Rect, _ buffer: inout ScreenBuffer, _ context: DrawContext) {
        let area = modalArea
        let keys = Rect(x: 0, y: height - 1, width: width, height: 1)
        let s = context.strings
        switch modal {
        case .help(let scroll):
            let pageKeys = pages.page(page)?.keyHelp(pageContext) ?? []
            HelpPage(scroll: scroll, page: (s[page.titleKey], pageKeys)).render(in: area, into: &buffer, context: context)
            KeyBar(items: [KeyBar.Item("↑↓ PgUp PgDn", s["key.scroll"]), KeyBar.Item("Esc", s["key.close"])])
                .render(in: keys, into: &buffer)
        case .message(let title, let lines):
            Dialog(title: title, message: lines, buttons: [s["common.ok"]], lines: context.lines)
                .render(in: area, into: &buffer)
            KeyBar(items: [KeyBar.Item("Enter", s["common.ok"])]).render(in: keys, into: &buffer)
        case .log(let window):
            window.render(lines: log.filter { rawTrace || !$0.isTrace }.map(\.text), in: area, into: &buffer, context: context)
            KeyBar(items: window.keyBar(s)).render(in: keys, into: &buffer)
        case .audit(let window):
            window.render(in: area, into: &buffer, context: context)
            KeyBar(items: window.keyBar(s)).render(in: keys, into: &buffer)
        case .leave(let way, let state):
            let (title, yes): (String, String) = switch way {
            case .quit: (s["leave.title.quit"], s["leave.button.quit"])
            case .interrupt: (s["leave.title.interrupt"], s["leave.button.quit"])
            case .switchUser: (s["leave.title.switchUser"], s["leave.button.switchUser"])
            }
            let width = max(20, area.width - 8)
            let lines = leaveConcerns.flatMap { TextWrap.lines($0, width: width) }
            Dialog(title: title, message: lines, buttons: [yes, s["common.cancel"]], state: state, lines: context.lines)
                .render(in: area, into: &buffer)
            KeyBar(items: [KeyBar.Item("Enter", s["key.choose"]), KeyBar.Item("←→", s["leave.key.button"]),
                           KeyBar.Item("Esc", s["common.cancel"])]).render(in: keys, into: &buffer)
        case .settings(let screen):
            screen.render(in: area, into: &buffer, context: context)
            KeyBar(items: screen.keyBar(s)).render(in: keys, into: &buffer)
        case .users(let screen):
            screen.render(in: area, into: &buffer, context: context)
            KeyBar(items: screen.keyBar(s)).render(in: keys, into: &buffer)
        case .roles(let screen):
            screen.render(in: area, into: &buffer, context: context)
            KeyBar(items: screen.keyBar(s)).render(in: keys, into: &buffer)
        case .changePassword(let screen):
            screen.render(in: area, into: &buffer, context: context)
            KeyBar(items: screen.keyBar(s)).render(in: keys, into: &buffer)
        }
    }
}
