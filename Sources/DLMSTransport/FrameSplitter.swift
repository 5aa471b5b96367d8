/// Splits a byte stream into HDLC frames (IEC 62056-46 frame format type 3: `7E`, a
/// format field `A?` holding the length, …, `7E`) and everything else, without checking
/// CRCs: enough to apply faults per frame and to trace, while IEC 62056-21 messages and
/// stray bytes pass through untouched. Frames sharing one flag (`…7E A0…`) are not
/// recognised as frames (our sessions never send them) and pass through as bytes.
struct FrameSplitter: Sendable {
    enum Piece: Equatable, Sendable {
        case frame([UInt8])
        case other([UInt8])
    }

    private var buffer: [UInt8] = []

    var pendingCount: Int { buffer.count }

    mutating func append(_ bytes: [UInt8]) { buffer += bytes }

    /// The next complete piece, or nil when a frame is still incomplete (or nothing is left).
    mutating func next() -> Piece? {
        guard let first = buffer.first else { return nil }
        if first != 0x7E {
            let end = buffer.firstIndex(of: 0x7E) ?? buffer.count
            return take(end, frame: false)
        }
        guard buffer.count >= 3 else { return nil }
        guard buffer[1] & 0xF0 == 0xA0 else { return take(1, frame: false) }   // a lone flag
        let length = Int(buffer[1] & 0x07) << 8 | Int(buffer[2])
        guard length >= 5 else { return take(1, frame: false) }
        let end = length + 2
        guard buffer.count >= end else { return nil }
        return buffer[end - 1] == 0x7E ? take(end, frame: true) : take(1, frame: false)
    }

    /// Whatever is left (an incomplete frame given up on).
    mutating func flush() -> [UInt8] {
        defer { buffer.removeAll() }
        return buffer
    }

    private mutating func take(_ n: Int, frame: Bool) -> Piece {
        let piece = Array(buffer[0..<n])
        buffer.removeFirst(n)
        return frame ? .frame(piece) : .other(piece)
    }
}
