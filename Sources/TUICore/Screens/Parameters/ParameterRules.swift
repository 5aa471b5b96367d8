import DLMS
import ES951
import Foundation

/// What is wrong with a value typed on a Parameters page: the key of its message in
/// `Resources/ui/parameters.json` and its arguments. Messages never quote what was typed,
/// so a password cannot leak into one.
struct ParameterProblem: Hashable, Sendable {
    var key: String
    var arguments: [String] = []

    func text(_ strings: UIStrings) -> String { strings.text(key, arguments) }
}

/// The rules of the fields of the Basic parameters and Clock pages (SPEC F-31, F-32;
/// ES951-MAP.md: the serial number is a visible-string of digits, up to 16; the logical
/// address is `serial % 10000 + 1000`).
enum ParameterRules {
    static let serialDigits = SerialNumberRule.maximumDigits
    /// The LLS password is an octet-string of printable ASCII here (it is typed in F3 too).
    static let passwordLength = 64
    /// The set-time field's format.
    static let timeFormat = "YYYY-MM-DD HH:MM:SS"

    static func isCyrillic(_ c: Character) -> Bool {
        c.unicodeScalars.contains { (0x0400...0x052F).contains($0.value) }
    }

    /// Why `c` may not be typed into the serial number field (nil: it may).
    static func serialKeyProblem(_ c: Character, current: String) -> ParameterProblem? {
        if isCyrillic(c) { return ParameterProblem(key: "parameters.error.cyrillic") }
        guard c.isASCII, c.isNumber else { return ParameterProblem(key: "parameters.error.digitsOnly") }
        if current.count >= serialDigits {
            return ParameterProblem(key: "parameters.error.serialLong", arguments: [String(serialDigits)])
        }
        return nil
    }

    /// Why `text` is not a serial number the device takes (nil: it is).
    static func serialProblem(_ text: String) -> ParameterProblem? {
        switch SerialNumberRule.problem(text) {
        case nil: nil
        case .empty: ParameterProblem(key: "parameters.error.serialEmpty")
        case .notDigits: ParameterProblem(key: "parameters.error.digitsOnly")
        case .tooLong(let maximum): ParameterProblem(key: "parameters.error.serialLong", arguments: [String(maximum)])
        }
    }

    /// Why `c` may not be typed into a password field (nil: it may).
    static func passwordKeyProblem(_ c: Character, current: String) -> ParameterProblem? {
        if isCyrillic(c) { return ParameterProblem(key: "parameters.error.cyrillic") }
        guard c.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else {
            return ParameterProblem(key: "parameters.error.passwordChars")
        }
        if current.count >= passwordLength {
            return ParameterProblem(key: "parameters.error.passwordLong", arguments: [String(passwordLength)])
        }
        return nil
    }

    /// Why `c` may not be typed into the set-time field (nil: it may).
    static func timeKeyProblem(_ c: Character, current: String) -> ParameterProblem? {
        if isCyrillic(c) { return ParameterProblem(key: "parameters.error.cyrillic") }
        guard c.isASCII, c.isNumber || c == "-" || c == ":" || c == " " else {
            return ParameterProblem(key: "parameters.error.timeFormat", arguments: [timeFormat])
        }
        if current.count >= timeFormat.count {
            return ParameterProblem(key: "parameters.error.timeFormat", arguments: [timeFormat])
        }
        return nil
    }

    /// The time typed as `YYYY-MM-DD HH:MM:SS`, in a zone `utcOffsetMinutes` east of UTC
    /// (the device's), or why it is not one.
    static func time(_ text: String, utcOffsetMinutes: Int) -> Result<COSEMDateTime, ParameterError> {
        let pattern = #/^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/#
        guard let m = text.wholeMatch(of: pattern) else {
            return .failure(ParameterError(ParameterProblem(key: "parameters.error.timeFormat", arguments: [timeFormat])))
        }
        guard let t = COSEMDateTime(year: Int(m.1)!, month: Int(m.2)!, day: Int(m.3)!, hour: Int(m.4)!,
                                    minute: Int(m.5)!, second: Int(m.6)!, hundredths: 0,
                                    utcOffsetMinutes: utcOffsetMinutes) else {
            return .failure(ParameterError(ParameterProblem(key: "parameters.error.noSuchTime")))
        }
        return .success(t)
    }

    /// The zones offered (minutes east of UTC): UTC−12…UTC+14 in whole hours and the
    /// usual half hours.
    static let zones: [Int] = (Array(stride(from: -720, through: 840, by: 60))
        + [-570, -210, 210, 270, 330, 390, 570, 630]).sorted()
}

/// A problem as an `Error` (for `Result`).
struct ParameterError: Error, Hashable {
    var problem: ParameterProblem
    init(_ problem: ParameterProblem) { self.problem = problem }
}

/// Times and durations as the Parameters pages show them.
enum ParameterText {
    /// "2026-11-25 11:40:50" for the instant `seconds` at `utcOffsetMinutes`.
    static func time(_ seconds: Int64, utcOffsetMinutes: Int) -> String {
        COSEMDateTime(secondsSince1970: seconds, utcOffsetMinutes: utcOffsetMinutes).flatMap(InfoPage.dateTimeText) ?? "—"
    }

    /// "11:40:50" for the instant `seconds` at `utcOffsetMinutes`.
    static func clockTime(_ seconds: Int64, utcOffsetMinutes: Int) -> String {
        String(time(seconds, utcOffsetMinutes: utcOffsetMinutes).suffix(8))
    }

    /// "5 s", "2 min 5 s", "3 h 0 min", "2 d 4 h" for a span of `seconds` (≥ 0).
    static func span(_ seconds: Int64, _ s: UIStrings) -> String {
        let t = max(0, seconds)
        let (d, h, m, sec) = (t / 86_400, t % 86_400 / 3600, t % 3600 / 60, t % 60)
        let (ud, uh, um, us) = (s["unit.days"], s["unit.hours"], s["unit.minutes"], s["parameters.unit.seconds"])
        if d > 0 { return "\(d) \(ud) \(h) \(uh)" }
        if h > 0 { return "\(h) \(uh) \(m) \(um)" }
        if m > 0 { return "\(m) \(um) \(sec) \(us)" }
        return "\(sec) \(us)"
    }

    /// Words `text` into lines of at most `width` columns.
    static func wrap(_ text: String, width: Int) -> [String] { TextWrap.lines(text, width: width) }

    /// What became of a write, for the outcome line (nil when taken).
    static func notTaken(_ outcome: FieldWrite.Outcome, _ s: UIStrings) -> String? {
        switch outcome {
        case .accepted: nil
        case .refused(let why): s["parameters.outcome.refused", why]
        case .notTaken(let back): s["parameters.outcome.notTaken", back]
        }
    }
}
