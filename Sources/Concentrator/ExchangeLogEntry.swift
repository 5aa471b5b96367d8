import Foundation

/// One entry of the exchange log (issue 5): one per command — when it started, what it
/// was, how it ended, how long it took, and the traffic it cost.
public struct ExchangeLogEntry: Equatable, Sendable {
    public enum Outcome: Equatable, Sendable {
        case success
        /// Writes: how many were taken of how many made.
        case written(accepted: Int, of: Int)
        case failure(ConcentratorError)
    }
    public var time: Date
    /// What was done: `"read info"`, `"set 1/0.0.96.1.0.255/2"`, `"read profile daily point 3"`.
    public var what: String
    public var outcome: Outcome
    public var duration: Duration
    /// Bytes both ways (0 when the connection's channel is not counted).
    public var bytes: Int
    /// HDLC frames both ways.
    public var frames: Int
    /// Rows read (lists and profiles).
    public var rows: Int

    public init(time: Date, what: String, outcome: Outcome, duration: Duration, bytes: Int, frames: Int, rows: Int = 0) {
        self.time = time; self.what = what; self.outcome = outcome; self.duration = duration
        self.bytes = bytes; self.frames = frames; self.rows = rows
    }
}

/// Progress of a long read: traffic and rows so far in this operation.
public struct ReadProgress: Equatable, Sendable {
    public var bytes: Int
    public var frames: Int
    public var rows: Int
    /// Rows expected, when the device said (entries in use).
    public var totalRows: Int?
    public init(bytes: Int, frames: Int, rows: Int, totalRows: Int? = nil) {
        self.bytes = bytes; self.frames = frames; self.rows = rows; self.totalRows = totalRows
    }
}
