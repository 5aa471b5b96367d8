import Accounts
import Foundation

/// What the data pages' text fields accept, checked as the user types (issue 7): a point
/// number in a range, event codes 1…63, and a time window of the device's local time.
enum DataInput {
    /// The most metering points a concentrator keeps (SPEC F-35).
    static let maxPoint = 1000

    /// A character typed into a number field: digits only ("data.problem.digits" else).
    static func digitProblem(_ c: Character) -> String? {
        c.isASCII && c.isNumber ? nil : "data.problem.digits"
    }

    /// A character typed into a date field: digits, `-`, `:` and a space.
    static func dateCharacterProblem(_ c: Character) -> String? {
        c.isASCII && (c.isNumber || c == "-" || c == ":" || c == " ") ? nil : "data.problem.dateCharacters"
    }

    /// The point typed, when it is a whole number in `range`.
    static func point(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text),
              range.contains(n) else { return nil }
        return n
    }

    /// The words of a bad point, nil for a good one.
    static func pointProblem(_ text: String, in range: ClosedRange<Int>, _ s: UIStrings) -> String? {
        point(text, in: range) == nil ? s["data.problem.point", String(range.lowerBound), String(range.upperBound)] : nil
    }

    /// The event codes of the grid event log (manual В5.1).
    static let eventCodes = 1...63

    /// A character typed into the Code field: digits, commas between codes, spaces.
    static func codeCharacterProblem(_ c: Character) -> String? {
        c.isASCII && (c.isNumber || c == "," || c == " ") ? nil : "data.problem.codeCharacters"
    }

    /// The event codes typed, comma-separated (issue 18 item 11): each 1…63, each once
    /// (a code typed twice counts once); empty text, or only commas, is "all codes" (the
    /// empty set); `.failure` for a bad one. Spaces around a code are allowed.
    static func codes(_ text: String) -> Result<Set<Int>, DataInputError> {
        var codes: Set<Int> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let digits = part.trimmingCharacters(in: .whitespaces)
            if digits.isEmpty { continue }
            guard digits.count <= 2, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits), eventCodes.contains(n)
            else { return .failure(DataInputError(key: "data.problem.code")) }
            codes.insert(n)
        }
        return .success(codes)
    }

    /// The codes as the field shows them: `3,7,12` (in order); empty for all codes.
    static func codesText(_ codes: Set<Int>) -> String {
        codes.sorted().map(String.init).joined(separator: ",")
    }

    /// A time typed as `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`, the device's local time. The
    /// date returned carries those wall-clock fields as UTC (the page does not know the
    /// device's time zone; the runtime gives the fields the device's zone before asking).
    /// Empty text is nil (an open side of the window).
    static func time(_ text: String) -> Result<Date?, DataInputError> {
        if text.isEmpty { return .success(nil) }
        guard text.wholeMatch(of: #/\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?/#) != nil else {
            return .failure(DataInputError(key: "data.problem.date"))
        }
        guard let date = TimeInput.parse(text, timeZone: .gmt), let year = Int(text.prefix(4)), (1970...2099).contains(year) else {
            return .failure(DataInputError(key: "data.problem.noSuchDate"))
        }
        return .success(date)
    }
}

/// Why a typed value is refused: the key of its words in `Resources/ui/data.json`.
struct DataInputError: Error, Equatable {
    var key: String
}

/// The From and To fields of a time window (SPEC F-41, F-51): both empty is the whole
/// profile or log; either side may stay open.
struct TimeWindowInput: Sendable, Hashable {
    enum Side: Sendable, Hashable { case from, to }

    var from = TextFieldState()
    var to = TextFieldState()

    /// The first problem, on its side, in words; nil when both sides are good and in order.
    func problem(_ s: UIStrings) -> (side: Side, text: String)? {
        switch (DataInput.time(from.text), DataInput.time(to.text)) {
        case (.failure(let e), _): return (.from, s[e.key])
        case (_, .failure(let e)): return (.to, s[e.key])
        case (.success(let a?), .success(let b?)) where a > b: return (.from, s["data.problem.order"])
        default: return nil
        }
    }

    /// The window to ask for (nil sides are open); nil when it has a problem.
    var dates: (from: Date?, to: Date?)? {
        guard case .success(let a) = DataInput.time(from.text), case .success(let b) = DataInput.time(to.text) else { return nil }
        if let a, let b, a > b { return nil }
        return (a, b)
    }

    subscript(side: Side) -> TextFieldState {
        get { side == .from ? from : to }
        set { if side == .from { from = newValue } else { to = newValue } }
    }
}

/// One line of fields side by side ("Point: [1    ]  Profile: < Daily >"): where each
/// starts, so keys, drawing and the cursor agree.
struct InlineFields {
    enum Item {
        case text(label: String, state: TextFieldState, box: Int)
        case choice(label: String, value: String)
        /// Dim words after the fields (the code's name).
        case note(String)
    }

    var items: [Item]

    /// The rectangle of item `index` on line `y` of `area` (two spaces between items; the
    /// last one gets the rest of the line).
    func rect(_ index: Int, in area: Rect) -> Rect {
        var x = area.x
        for (i, item) in items.enumerated() {
            let width: Int = switch item {
            case .text(let label, _, let box): DisplayWidth.of(label) + 3 + box + 1
            case .choice(let label, let value): DisplayWidth.of(label) + 2 + DisplayWidth.of(value) + 4
            case .note(let text): DisplayWidth.of(text)
            }
            if i == index { return Rect(x: x, y: area.y, width: max(0, min(width, area.maxX - x)), height: 1) }
            x += width + 2
        }
        return Rect(x: x, y: area.y, width: 0, height: 0)
    }

    func render(in area: Rect, focus: Int?, into buffer: inout ScreenBuffer) {
        for (i, item) in items.enumerated() {
            let r = rect(i, in: area)
            guard r.width > 0 else { continue }
            switch item {
            case .text(let label, let state, _):
                TextField(label: label, state: state, focused: focus == i).render(in: r, into: &buffer)
            case .choice(let label, let value):
                ChoiceField(label: label, options: [value], focused: focus == i).render(in: r, into: &buffer)
            case .note(let text):
                buffer.write(text, x: r.x, y: r.y, style: Style(dim: true), maxWidth: r.width)
            }
        }
    }

    func cursor(_ index: Int, in area: Rect) -> (x: Int, y: Int)? {
        guard items.indices.contains(index), case .text(let label, let state, _) = items[index] else { return nil }
        return TextField(label: label, state: state).cursorPosition(in: rect(index, in: area))
    }
}

/// What a key did to one of the data pages' text fields.
enum FieldKey: Equatable {
    case edited
    /// A character the field refuses: the key of the words saying why.
    case refused(String)
    /// Up or Down: to the previous or next field.
    case move(Int)
    /// Enter: read.
    case read

    /// Applies `key` to `state`; characters are checked by `problem` first.
    static func apply(_ key: Key, to state: inout TextFieldState, _ problem: (Character) -> String?) -> FieldKey {
        switch key {
        case .character(let c):
            if let p = problem(c) { return .refused(p) }
            state.handle(key)
        case .up: return .move(-1)
        case .down: return .move(1)
        case .enter: return .read
        default: state.handle(key)
        }
        return .edited
    }
}
