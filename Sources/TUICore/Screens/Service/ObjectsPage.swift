/// The object list (`hlmcs objects`): F5 reads the association's object list and compares
/// it with the device map — objects missing from the device, extra on it, or of another
/// class or version — or says there are no differences. Up/Down/PageUp/PageDown scroll.
public struct ObjectsPage: WorkPage {
    public internal(set) var differences: [ObjectDifference]?
    var compared = 0
    var scroll = 0
    var note: ServiceNote?

    public init() {}

    public var hasTextFocus: Bool { false }

    public mutating func read(_ context: PageContext) -> [PageRequest] {
        note = nil
        return [.readObjects]
    }

    public mutating func handle(_ key: Key, _ context: PageContext) -> [PageRequest] {
        let count = differences?.count ?? 0
        let page = max(1, context.area.height - 3)
        switch key {
        case .up: scroll -= 1
        case .down: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        case .home: scroll = 0
        case .end: scroll = count
        default: return []
        }
        scroll = max(0, min(scroll, max(0, count - page)))
        return []
    }

    public mutating func receive(_ result: PageResult, _ context: PageContext) {
        switch result {
        case .objects(let list, let n):
            differences = list
            compared = n
            scroll = 0
        case .failed(let failure): note = ServiceNote(text: failure.text, isError: true)
        case .stopped: note = ServiceNote(text: context.strings["service.stopped"], isError: true)
        default: break
        }
    }

    /// F5 (read and compare) is the app's key, already on the bar.
    /// Every key of the page, for F1 (issue 18 item 6).
    public func keyHelp(_ context: PageContext) -> [KeyBar.Item] {
        let s = context.strings
        return [KeyBar.Item("F5", s["help.page.checkObjects"]), KeyBar.Item("\u{2191}\u{2193} PgUp PgDn Home End", s["help.page.scroll"])]
    }

    public func keyBar(_ context: PageContext) -> [KeyBar.Item] { [] }

    func kindWord(_ kind: ObjectDifference.Kind, _ s: UIStrings) -> String { s["service.objects." + kind.rawValue] }

    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext, page: PageContext, focused: Bool) {
        guard !area.isEmpty else { return }
        let s = context.strings
        var y = area.y
        if let note { y = note.render(at: y, in: area, into: &buffer) }
        guard let differences else {
            ServiceText.hint(s["service.objects.hint"], at: y, in: area, into: &buffer)
            return
        }
        guard !differences.isEmpty else {
            _ = ServiceNote(text: s["service.objects.none", String(compared)], isError: false).render(at: y, in: area, into: &buffer)
            return
        }
        let counts = ObjectDifference.Kind.allKinds.map { k in differences.filter { $0.kind == k }.count }
        buffer.write(s["service.objects.summary", String(differences.count), String(compared), String(counts[0]), String(counts[1]), String(counts[2])],
                     x: area.x, y: y, style: Style(foreground: .red, bold: true), maxWidth: area.width)
        y += 1
        let kindWidth = ObjectDifference.Kind.allKinds.map { DisplayWidth.of(kindWord($0, s)) }.max() ?? 0
        let lnWidth = 17
        let wide = area.width >= kindWidth + lnWidth + 30
        if y < area.maxY {
            var header = DisplayWidth.fit(s["service.objects.kind"], columns: kindWidth) + " " + DisplayWidth.fit(s["service.objects.ln"], columns: lnWidth)
            header += " " + (wide ? DisplayWidth.fit(s["service.objects.map"], columns: 12) + " " + s["service.objects.device"] : s["service.objects.mapDevice"])
            buffer.write(header, x: area.x, y: y, style: Style(dim: true), maxWidth: area.width)
            y += 1
        }
        for d in differences.dropFirst(scroll) where y < area.maxY {
            var line = DisplayWidth.fit(kindWord(d.kind, s), columns: kindWidth) + " " + DisplayWidth.fit(d.logicalName, columns: lnWidth)
            if wide {
                line += " " + DisplayWidth.fit(d.map ?? "—", columns: 12) + " " + (d.device ?? "—")
            } else {
                line += " " + (d.map ?? "—") + "→" + (d.device ?? "—")
            }
            buffer.write(line, x: area.x, y: y, maxWidth: area.width)
            y += 1
        }
    }

    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? { nil }
}

extension ObjectDifference.Kind {
    static let allKinds: [ObjectDifference.Kind] = [.missing, .extra, .mismatched]
}
