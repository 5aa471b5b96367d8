import Resources

/// One grid event code (manual В5.1): Russian name as the manual writes it, English
/// name, and whether only a three-phase meter reports it.
public struct EventInfo: Sendable, Hashable {
    public var code: Int
    public var russian: String
    public var english: String
    public var threePhaseOnly: Bool

    public init(code: Int, russian: String, english: String, threePhaseOnly: Bool) {
        self.code = code; self.russian = russian; self.english = english; self.threePhaseOnly = threePhaseOnly
    }
}

/// The 63 event codes of the grid event log (1/0.0.96.11.0.255/2), from `events.json`.
///
/// ```swift
/// let events = try EventCatalogue.builtIn()
/// events.event(63)?.english      // "Event log cleared"
/// ```
public struct EventCatalogue: Sendable, Hashable {
    /// In code order.
    public var events: [EventInfo]
    private var byCode: [Int: Int]

    /// - Throws: `MapError.duplicateEvent`, `.invalidValue` for a code below 1.
    public init(events: [EventInfo]) throws(MapError) {
        let sorted = events.sorted { $0.code < $1.code }
        self.events = sorted
        byCode = [:]
        for (i, e) in sorted.enumerated() {
            guard e.code >= 1 else { throw .invalidValue(path: "events.code", value: String(e.code)) }
            guard byCode.updateValue(i, forKey: e.code) == nil else { throw .duplicateEvent(e.code) }
        }
    }

    /// From `events.json` bytes: `{"format": 1, "events": [{"code", "russian", "english",
    /// "threePhaseOnly"}]}`.
    /// - Throws: `MapError` as `DeviceMap.init(data:)` does, and `.duplicateEvent`.
    public init(data: [UInt8]) throws(MapError) {
        struct File: Decodable {
            struct Event: Decodable { var code: Int; var russian: String; var english: String; var threePhaseOnly: Bool }
            var format: Int
            var events: [Event]
        }
        let file = try decodeJSON(File.self, from: data)
        guard file.format == 1 else { throw .unsupportedFormat(file.format) }
        try self.init(events: file.events.map {
            EventInfo(code: $0.code, russian: $0.russian, english: $0.english, threePhaseOnly: $0.threePhaseOnly)
        })
    }

    /// The catalogue the program ships with (`Resources/events.json`).
    public static func builtIn() throws -> EventCatalogue {
        let bytes: [UInt8]
        do { bytes = try ResourceBundle.bytes(of: .events) } catch {
            throw MapError.resourceMissing(ResourceBundle.File.events.rawValue)
        }
        return try EventCatalogue(data: bytes)
    }

    public func event(_ code: Int) -> EventInfo? { byCode[code].map { events[$0] } }
}
