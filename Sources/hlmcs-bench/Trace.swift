import DLMS

/// What a `--trace` file of hlmcs says about an exchange: SPEC's wire bound counted from
/// the frames themselves.
struct TraceFigures {
    struct Line {
        var time: Double
        var sent: Bool
        var bytes: [UInt8]
    }

    var lines: [Line]

    /// Parses `<seconds> <'>'|'<'> <hex bytes>` lines; anything else is ignored.
    init(text: String) {
        lines = text.split(separator: "\n").compactMap { raw in
            let parts = raw.split(separator: " ")
            guard parts.count >= 3, let time = Double(parts[0]), parts[1] == ">" || parts[1] == "<" else { return nil }
            let bytes = parts.dropFirst(2).compactMap { UInt8($0, radix: 16) }
            return Line(time: time, sent: parts[1] == ">", bytes: bytes)
        }
    }

    var bytes: Int { lines.reduce(0) { $0 + $1.bytes.count } }
    var frames: Int { lines.count }
    /// First to last line.
    var elapsed: Double { (lines.last?.time ?? 0) - (lines.first?.time ?? 0) }

    /// Changes of direction at the device: a received frame that follows a sent one.
    var roundTrips: Int { Self.roundTrips(lines[...]) }

    static func roundTrips(_ lines: ArraySlice<Line>) -> Int {
        var count = 0
        var previousSent = false
        for line in lines {
            if !line.sent, previousSent { count += 1 }
            previousSent = line.sent
        }
        return count
    }

    /// bytes × 10 / baud + round trips × turnaround.
    func wireBound(baud: Int, turnaround: Double) -> Double {
        Double(bytes) * 10 / Double(baud) + Double(roundTrips) * turnaround
    }

    /// Round trips after the association is open (the AARE received) and before it is
    /// released (the RLRQ sent): the requests the work itself needed.
    var roundTripsInsideAssociation: Int? {
        guard let aare = lines.firstIndex(where: { !$0.sent && Self.apduTag(of: $0.bytes) == 0x61 }),
              let rlrq = lines.firstIndex(where: { $0.sent && Self.apduTag(of: $0.bytes) == 0x62 }),
              aare < rlrq else { return nil }
        return Self.roundTrips(lines[(aare + 1)..<rlrq])
    }

    /// The first APDU byte of an HDLC I-frame (after the 3-byte LLC header), if any.
    static func apduTag(of frame: [UInt8]) -> UInt8? {
        guard let decoded = try? HDLCFrame(decoding: frame), decoded.information.count > 3 else { return nil }
        return decoded.information[3]
    }
}
