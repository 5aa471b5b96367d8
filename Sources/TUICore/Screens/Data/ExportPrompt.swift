import DLMS
import ES951
import Foundation

/// How a CSV file is to be written, as the export box chose it (SPEC F-42; issue 18
/// item 10): the separators (nil: the interface language's, `;` and `,` in Russian, `,`
/// and `.` in English), whether an existing file may be replaced (only after the
/// runtime said it exists and the user pressed Enter again), and the unit of energy
/// columns (issue 18 item 11: as the page shows them; the header names it).
public struct CSVChoice: Hashable, Sendable {
    public var separator: Character?
    public var decimal: Character?
    public var overwrite: Bool
    public var energyUnit: EnergyUnit

    public init(separator: Character? = nil, decimal: Character? = nil, overwrite: Bool = false, energyUnit: EnergyUnit = .wh) {
        self.separator = separator
        self.decimal = decimal
        self.overwrite = overwrite
        self.energyUnit = energyUnit
    }
}

/// The box that asks where to write a CSV file (SPEC F-42): the file name (a default
/// offered: ``ExportName``), the separator and the decimal separator (Left/Right change
/// them), how many rows. Enter writes, Esc cancels; a refusal (no such folder…) stays in
/// the box until the name is changed; a file that exists is replaced only after a second
/// Enter.
struct ExportPrompt: Sendable, Hashable {
    enum Field: Int, CaseIterable, Sendable { case path, separator, decimal }

    static let separators: [Character] = [";", ",", "\t"]
    static let decimals: [Character] = [",", "."]

    var path: TextFieldState
    var rows: Int
    var focus = Field.path
    var separator: Character
    var decimal: Character
    /// The language's separators, to tell a choice from them.
    let defaultSeparator: Character
    let defaultDecimal: Character
    /// The words of a problem with the name, or of the runtime's refusal.
    var message: String?
    /// True once Enter sent the request, until its result comes.
    var writing = false
    /// The file named exists: the next Enter with the same name replaces it.
    var replacing: String?

    init(defaultPath: String, rows: Int, russian: Bool = false) {
        path = TextFieldState(text: defaultPath)
        self.rows = rows
        defaultSeparator = russian ? ";" : ","
        defaultDecimal = russian ? "," : "."
        separator = defaultSeparator
        decimal = defaultDecimal
    }

    enum Outcome: Equatable { case write(String, CSVChoice), cancel }

    /// What Enter asks for: the choices differing from the language's, replacing when
    /// the user confirmed it.
    func choice(for name: String) -> CSVChoice {
        CSVChoice(separator: separator == defaultSeparator ? nil : separator,
                  decimal: decimal == defaultDecimal ? nil : decimal,
                  overwrite: replacing == name)
    }

    /// Edits the name and the separators; Enter with a good name asks to write it, Esc
    /// cancels.
    mutating func handle(_ key: Key, _ s: UIStrings) -> Outcome? {
        guard !writing else { return key == .escape ? .cancel : nil }
        switch key {
        case .escape: return .cancel
        case .tab, .down: focus = Field(rawValue: (focus.rawValue + 1) % Field.allCases.count)!
        case .backTab, .up: focus = Field(rawValue: (focus.rawValue + Field.allCases.count - 1) % Field.allCases.count)!
        case .enter:
            let name = path.text.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { message = s["data.problem.path"]; return nil }
            if separator == decimal { message = s["data.problem.sameSeparators"]; return nil }
            writing = true
            message = nil
            return .write(name, choice(for: name))
        // In the name field ←/→ move the cursor and a space is typed; elsewhere they choose.
        case .left where focus != .path, .right where focus != .path, .character(" ") where focus != .path:
            let step = key == .left ? -1 : 1
            if focus == .separator { separator = Self.cycle(Self.separators, separator, step) }
            if focus == .decimal { decimal = Self.cycle(Self.decimals, decimal, step) }
            message = separator == decimal ? s["data.problem.sameSeparators"] : nil
        case .character(let c) where c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }):
            message = s["data.problem.pathCharacters"]
        default:
            guard focus == .path else { break }
            if path.handle(key) { message = nil; replacing = nil }
        }
        return nil
    }

    static func cycle(_ options: [Character], _ current: Character, _ step: Int) -> Character {
        let i = options.firstIndex(of: current) ?? 0
        return options[(i + step + options.count) % options.count]
    }

    /// The runtime found the file there: say so; Enter again replaces it.
    mutating func exists(_ name: String, _ s: UIStrings) {
        writing = false
        replacing = path.text.trimmingCharacters(in: .whitespaces)
        message = s["data.export.exists", name]
    }

    /// The box, centred in `area`.
    func box(in area: Rect) -> Rect {
        let w = min(area.width, max(40, min(70, area.width - 4)))
        let h = min(area.height, 9)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + max(0, (area.height - h) / 2), width: w, height: h)
    }

    func field(in area: Rect, _ s: UIStrings) -> (TextField, Rect) {
        let b = box(in: area)
        let r = Rect(x: b.x + 2, y: b.y + 2, width: max(0, b.width - 4), height: 1)
        return (TextField(label: s["data.field.file"], state: path, focused: focus == .path), r)
    }

    static func name(_ c: Character, _ s: UIStrings) -> String { c == "\t" ? s["data.export.tab"] : String(c) }

    func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) {
        let s = context.strings
        let b = box(in: area)
        guard b.width >= 10, b.height >= 5 else { return }
        buffer.clear(b)
        Frame(title: s["data.export.title"], lines: context.lines, style: Style(foreground: .cyan, bold: true),
              titleStyle: Style(bold: true)).render(in: b, into: &buffer)
        let x = b.x + 2, w = b.width - 4
        buffer.write(s.counted("data.export.rowsOnly", rows), x: x, y: b.y + 1, maxWidth: w)
        let (field, r) = field(in: area, s)
        field.render(in: r, into: &buffer)
        for (i, f) in [Field.separator, .decimal].enumerated() {
            let label = s[f == .separator ? "data.export.separator" : "data.export.decimal"]
            let value = "< " + Self.name(f == .separator ? separator : decimal, s) + " >"
            let y = b.y + 3 + i
            let used = buffer.write(label + ": ", x: x, y: y, maxWidth: w)
            buffer.write(value, x: x + used, y: y, style: focus == f ? Style(reverse: true) : .plain, maxWidth: max(0, w - used))
        }
        let messageY = b.y + 5
        if let message {
            let lines = TextWrap.lines(message, width: w).prefix(2)
            for (i, line) in lines.enumerated() {
                buffer.write(line, x: x, y: messageY + i, style: Style(foreground: replacing != nil ? .yellow : .red), maxWidth: w)
            }
        } else if writing {
            buffer.write(s["data.export.writing"], x: x, y: messageY, style: Style(dim: true), maxWidth: w)
        }
        buffer.write(s["data.export.keys"], x: x, y: b.maxY - 2, style: Style(dim: true), maxWidth: w)
    }

    func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? {
        guard focus == .path else { return nil }
        let (field, r) = field(in: area, context.strings)
        return field.cursorPosition(in: r)
    }
}

/// Default names of exported files (issue 18 item 10): what, the concentrator's serial
/// number and the days the rows cover, so two exports of two units or two windows never
/// take each other's name: `profile-daily-point3-95100001-20261201-20261207.csv`. Device
/// text goes into a name only as `[A-Za-z0-9._-]`; anything else as hex.
public enum ExportName {
    public static func make(_ what: String, serial: String?, times: [COSEMDateTime?] = []) -> String {
        var parts = [what]
        if let serial, !serial.isEmpty { parts.append(safe(serial)) }
        let days = times.compactMap { $0.flatMap(day) }
        if let first = days.min(), let last = days.max() {
            parts.append(first == last ? first : first + "-" + last)
        }
        return parts.joined(separator: "-") + ".csv"
    }

    /// `text` as a file name may hold it: letters, digits, `.`, `_`, `-` of ASCII as they
    /// are; any other text as the hex of its UTF-8 bytes (at most 32 bytes).
    public static func safe(_ text: String) -> String {
        let bytes = Array(text.utf8.prefix(32))
        let plain = bytes.allSatisfy { b in
            (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x2E || b == 0x5F || b == 0x2D
        }
        if plain, bytes.first != 0x2E, bytes.first != 0x2D { return String(decoding: bytes, as: UTF8.self) }
        return "x" + bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func day(_ t: COSEMDateTime) -> String? {
        let (y, m, d) = (t.date.year, t.date.month, t.date.dayOfMonth)
        guard (1970...2199).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return String(format: "%04d%02d%02d", Int(y), Int(m), Int(d))
    }
}
