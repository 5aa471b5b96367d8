import Concentrator
import Foundation

/// One exchange-log entry as a line, for the TUI's log zone and for `--verbose` alike:
/// `10:04:05  GET 16 attributes  ok  0.412 s  612 B  3 frames`.
enum ExchangeLogText {
    /// - Parameter time: how the time is written (the log zone: the local clock;
    ///   `--verbose`: the audit log's UTC timestamp).
    static func line(_ entry: ExchangeLogEntry, strings s: Strings, time: String? = nil) -> String {
        let seconds = Double(entry.duration.components.seconds) + Double(entry.duration.components.attoseconds) / 1e18
        let outcome: String = switch entry.outcome {
        case .success: s["tables.exchangeLog.success"]
        case .written(let accepted, let of): s["tables.exchangeLog.written", String(accepted), String(of)]
        // Stopped by the user (Esc): not an error (issue 18 item 8).
        case .failure(.cancelled): s["tables.exchangeLog.stopped"]
        case .failure(let error):
            s["tables.exchangeLog.failed"] + s.failure(for: error).message
        }
        var duration = String(format: "%.3f", seconds)
        if s.language == .ru { duration = duration.replacingOccurrences(of: ".", with: ",") }
        var line = (time ?? Self.time(entry.time)) + "  \(what(entry.what, s))  \(outcome)  " + s["tables.exchangeLog.seconds", duration]
        if entry.bytes > 0 { line += "  " + s["tables.exchangeLog.bytes", String(entry.bytes)] + "  \(entry.frames) " + s["tables.exchangeLog.frames"] }
        if entry.rows > 0 { line += "  \(entry.rows) " + s["tables.exchangeLog.rows"] }
        return line
    }

    /// What the concentrator did (``ExchangeLogEntry/what``, English words the
    /// `Concentrator` writes) in the user's language (issue 20 item 7: `open ок` mixed
    /// them): each form the concentrator writes, its parameters (an attribute, a point,
    /// a list's name) kept. A form not in the table stays as written.
    static func what(_ what: String, _ s: Strings) -> String {
        let words = what.split(separator: " ", omittingEmptySubsequences: false)
        for (key, pattern) in forms {
            if let values = match(words[...], pattern.split(separator: " ")[...]) {
                return Strings.fill(s[key], values.map(String.init))
            }
        }
        return what
    }

    /// The forms of ``ExchangeLogEntry/what``, most particular first, as words: `{word}`
    /// one word, `{number}` one word of digits, `{text}` one or more words; any other
    /// word is itself. (Matched by hand: a runtime `Regex` brought ~0.7 MB of the regex
    /// engine's code into resident memory for the log zone alone, issue 19.)
    /// `[key, pattern]`: the key first, so the catalogue check finds it used.
    static let forms: [(String, String)] = [
        ["tables.exchangeLog.what.open", "open"],
        ["tables.exchangeLog.what.close", "close"],
        ["tables.exchangeLog.what.learn", "learn device"],
        ["tables.exchangeLog.what.identity", "read identity"],
        ["tables.exchangeLog.what.info", "read info"],
        ["tables.exchangeLog.what.clock", "read clock"],
        ["tables.exchangeLog.what.gprs", "read gprs"],
        ["tables.exchangeLog.what.ip", "read ip"],
        ["tables.exchangeLog.what.topology", "read topology"],
        ["tables.exchangeLog.what.objectList", "read object list"],
        ["tables.exchangeLog.what.meterList", "read meter-list"],
        ["tables.exchangeLog.what.profilePoint", "read profile {word} point {number}"],
        ["tables.exchangeLog.what.current", "read current point {number}"],
        ["tables.exchangeLog.what.events", "read events point {number}"],
        ["tables.exchangeLog.what.profile", "read profile {word}"],
        ["tables.exchangeLog.what.read", "read {text}"],
        ["tables.exchangeLog.what.get", "get {text}"],
        ["tables.exchangeLog.what.setClock", "set clock"],
        ["tables.exchangeLog.what.syncClock", "sync clock"],
        ["tables.exchangeLog.what.setTimeZone", "set time zone"],
        ["tables.exchangeLog.what.set", "set {text}"],
        ["tables.exchangeLog.what.writeGPRS", "write gprs {text}"],
        ["tables.exchangeLog.what.writeIP", "write ip {text}"],
        ["tables.exchangeLog.what.invoke", "invoke {text}"],
        ["tables.exchangeLog.what.removeMeter", "remove meter point {number}"],
        ["tables.exchangeLog.what.removeAll", "remove all meters"],
        ["tables.exchangeLog.what.clearPoint", "clear {word} point {number}"],
        ["tables.exchangeLog.what.clearAll", "clear {word} all points"],
        ["tables.exchangeLog.what.firmware", "firmware {text} {number} bytes"],
    ].map { ($0[0], $0[1]) }

    /// The values `pattern` takes from `words`, or nil when they do not fit it. `{text}`
    /// tries the fewest words first, then more (a file name with spaces).
    static func match(_ words: ArraySlice<Substring>, _ pattern: ArraySlice<Substring>) -> [Substring]? {
        guard let head = pattern.first else { return words.isEmpty ? [] : nil }
        let rest = pattern.dropFirst()
        switch head {
        case "{text}":
            guard !words.isEmpty else { return nil }
            for n in 1...words.count {
                if let tail = match(words.dropFirst(n), rest) {
                    return [words.prefix(n).joined(separator: " ")[...]] + tail
                }
            }
            return nil
        case "{word}", "{number}":
            guard let word = words.first, !word.isEmpty,
                  head == "{word}" || word.allSatisfy({ ("0"..."9").contains($0) }),
                  let tail = match(words.dropFirst(), rest) else { return nil }
            return [word] + tail
        default:
            guard words.first == head, let tail = match(words.dropFirst(), rest) else { return nil }
            return tail
        }
    }

    static func time(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&t, &parts)
        return String(format: "%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
