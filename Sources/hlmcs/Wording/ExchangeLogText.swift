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
        for (pattern, key) in forms {
            if let m = try? pattern.wholeMatch(in: what) {
                let values = (1..<m.count).compactMap { m[$0].substring.map(String.init) }
                return Strings.fill(s[key], values)
            }
        }
        return what
    }

    /// The forms of ``ExchangeLogEntry/what``, most particular first.
    /// `[key, pattern]`: the key first, so the catalogue check finds it used.
    nonisolated(unsafe) static let forms: [(Regex<AnyRegexOutput>, String)] = [
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
        ["tables.exchangeLog.what.profilePoint", "read profile (\\S+) point (\\d+)"],
        ["tables.exchangeLog.what.current", "read current point (\\d+)"],
        ["tables.exchangeLog.what.events", "read events point (\\d+)"],
        ["tables.exchangeLog.what.profile", "read profile (\\S+)"],
        ["tables.exchangeLog.what.read", "read (.+)"],
        ["tables.exchangeLog.what.get", "get (.+)"],
        ["tables.exchangeLog.what.setClock", "set clock"],
        ["tables.exchangeLog.what.syncClock", "sync clock"],
        ["tables.exchangeLog.what.setTimeZone", "set time zone"],
        ["tables.exchangeLog.what.set", "set (.+)"],
        ["tables.exchangeLog.what.writeGPRS", "write gprs (.+)"],
        ["tables.exchangeLog.what.writeIP", "write ip (.+)"],
        ["tables.exchangeLog.what.invoke", "invoke (.+)"],
        ["tables.exchangeLog.what.removeMeter", "remove meter point (\\d+)"],
        ["tables.exchangeLog.what.removeAll", "remove all meters"],
        ["tables.exchangeLog.what.clearPoint", "clear (\\S+) point (\\d+)"],
        ["tables.exchangeLog.what.clearAll", "clear (\\S+) all points"],
        ["tables.exchangeLog.what.firmware", "firmware (.+) (\\d+) bytes"],
    ].map { (try! Regex($0[1]), $0[0]) }

    static func time(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&t, &parts)
        return String(format: "%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
