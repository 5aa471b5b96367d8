/// What ``HDLCStreamDecoder`` found next in the byte stream.
public enum HDLCStreamEvent: Hashable, Sendable {
    /// A frame whose HCS and FCS check; `raw` is its bytes, flags included.
    case frame(HDLCFrame, raw: [UInt8])
    /// Bytes that are clearly a frame (format, addresses and HCS check) but cannot be
    /// accepted: a failed FCS, a missing closing flag, an unknown control byte. The link
    /// layer may count these or answer them (e.g. with FRMR); `raw` is the candidate's bytes.
    case invalid(HDLCError, raw: [UInt8])
}

/// Finds HDLC frames (frame format type 3, IEC 62056-46 §6.4) in a byte stream: the
/// sans-I/O receive half of the link, like a swift-nio `ByteToMessageDecoder`.
///
/// It copes with garbage before and between frames, echoed frames, reads split anywhere
/// (down to one byte at a time), consecutive frames with separate flags (`…7E 7E A0…`) or a
/// shared flag (`…7E A0…`, the closing flag of one frame opening the next), and `7E` bytes
/// inside a frame: there is no byte stuffing, so the end of a frame comes from its length
/// field, and the candidate is then confirmed by its closing flag and its FCS.
///
/// Resynchronisation: a `7E` that is not followed by a plausible header (format nibble
/// 0xA, a length no larger than `maxFrameLength`, addresses, and the HCS when the frame
/// has information) is garbage, and the search goes on from the next byte. A header is
/// judged as soon as its 14 bytes are present, so a false start does not hold back the
/// frames behind it until its announced length arrives. A candidate whose HCS checks but
/// whose closing flag or FCS does not becomes an ``HDLCStreamEvent/invalid(_:raw:)`` event.
/// A frame cut short is reported only once the bytes its length announces have arrived
/// (the stream has no other end marker); after a missing closing flag the search resumes
/// right after the opening flag, so frames inside the announced span are still found.
/// Frames without information have no HCS, so a damaged one is dropped as garbage.
///
/// ```swift
/// var decoder = HDLCStreamDecoder()
/// decoder.append(bytesFromTheChannel)
/// while let event = decoder.next() { … }
/// ```
public struct HDLCStreamDecoder: Sendable {
    /// The longest candidate (flags included) that is waited for; longer ones are garbage.
    public let maxFrameLength: Int
    /// Bytes skipped as garbage so far. Flags (`7E`) that only separate or close frames are
    /// not counted; a stray `7E` that opens nothing is.
    public private(set) var discardedBytes: Int = 0

    private var buffer: [UInt8] = []
    /// Start of the bytes not consumed yet.
    private var offset = 0
    /// True when `buffer[offset]` is the closing flag of the frame just returned, kept as a
    /// possible opening flag of the next one; dropping it is not counting garbage.
    private var offsetIsClosingFlag = false

    public init(maxFrameLength: Int = 2100) {
        self.maxFrameLength = maxFrameLength
    }

    /// Bytes received and not consumed yet (a partial frame, or a flag).
    public var bufferedByteCount: Int { buffer.count - offset }

    /// Adds received bytes at the end of the stream.
    public mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// The next event in stream order, or nil when more data is needed. Every event
    /// consumes at least one byte, so a `while let` loop over `next()` ends.
    public mutating func next() -> HDLCStreamEvent? {
        while true {
            let count = buffer.count
            // Find an opening flag.
            guard offset < count else { return nil }
            if buffer[offset] != 0x7E {
                var i = offset + 1
                while i < count, buffer[i] != 0x7E { i += 1 }
                drop(i - offset, garbage: true)
                if i == count { return nil }
            }
            // Skip extra flags between frames: the last one opens the candidate.
            while offset + 1 < count, buffer[offset + 1] == 0x7E { drop(1, garbage: false) }
            let start = offset
            guard count - start >= 3 else { return nil }
            let f1 = buffer[start + 1]
            guard f1 & 0xF0 == 0xA0 else { dropFlag(); continue }
            let length = Int(f1 & 0x07) << 8 | Int(buffer[start + 2])
            let end = start + length + 2
            guard length >= HDLCFrame.minimumLength, length + 2 <= maxFrameLength else {
                dropFlag(); continue
            }
            if end > count {
                // Incomplete: judge the header as soon as it is all present.
                if count - start >= HDLCFrame.maximumHeaderSpan {
                    do { _ = try HDLCFrame.parseHeader(buffer, start: start, end: end) } catch {
                        dropFlag(); continue
                    }
                }
                return nil
            }
            let header: HDLCFrame.Header
            do { header = try HDLCFrame.parseHeader(buffer, start: start, end: end) } catch {
                dropFlag(); continue
            }
            guard buffer[end - 1] == 0x7E else {
                guard header.hasInformation else { dropFlag(); continue }
                // A checked header whose frame is cut short: report it, then look for
                // frames inside the bytes it announced (consume only its opening flag).
                let raw = Array(buffer[start..<end])
                drop(1, garbage: false)   // reported, not garbage
                return .invalid(.missingFlag, raw: raw)
            }
            do {
                let frame = try HDLCFrame.decode(buffer, start: start, end: end)
                return consumeFrame(start: start, end: end) { .frame(frame, raw: $0) }
            } catch {
                if case .unknownControl = error {
                    return consumeFrame(start: start, end: end) { .invalid(error, raw: $0) }
                }
                guard header.hasInformation else { dropFlag(); continue }
                return consumeFrame(start: start, end: end) { .invalid(error, raw: $0) }
            }
        }
    }

    /// Consumes the frame at `start..<end` but its closing flag, which may open the next.
    private mutating func consumeFrame(start: Int, end: Int,
                                       _ make: ([UInt8]) -> HDLCStreamEvent) -> HDLCStreamEvent {
        let event = make(Array(buffer[start..<end]))
        offset = end - 1
        offsetIsClosingFlag = true
        return event
    }

    /// Drops the flag at `offset`: garbage unless it closed the previous frame.
    private mutating func dropFlag() {
        drop(1, garbage: !offsetIsClosingFlag)
    }

    private mutating func drop(_ n: Int, garbage: Bool) {
        guard n > 0 else { return }
        if garbage { discardedBytes &+= n }
        offset += n
        offsetIsClosingFlag = false
    }

    /// Frees consumed bytes: all of them when nothing is pending, else once they are the
    /// larger part of a sizeable buffer (amortised O(1) per byte).
    private mutating func compact() {
        if offset == 0 { return }
        if offset >= buffer.count {
            buffer.removeAll(keepingCapacity: true)
            offset = 0
        } else if offset >= 4096, offset * 2 >= buffer.count {
            buffer.removeSubrange(0..<offset)
            offset = 0
        }
    }
}
