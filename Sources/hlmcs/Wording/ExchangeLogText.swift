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
        case .failure(let error):
            s["tables.exchangeLog.failed"] + s.failure(for: error).message
        }
        var line = (time ?? Self.time(entry.time)) + "  \(entry.what)  \(outcome)  " + String(format: "%.3f s", seconds)
        if entry.bytes > 0 { line += "  \(entry.bytes) B  \(entry.frames) " + s["tables.exchangeLog.frames"] }
        if entry.rows > 0 { line += "  \(entry.rows) " + s["tables.exchangeLog.rows"] }
        return line
    }

    static func time(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970)
        var parts = tm()
        localtime_r(&t, &parts)
        return String(format: "%02d:%02d:%02d", parts.tm_hour, parts.tm_min, parts.tm_sec)
    }
}
