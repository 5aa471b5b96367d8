import DLMS

// The application half of the hostile device (es951-sim `--answer`, `--hostile
// endless-blocks`, `--hostile huge-array`; ``HostileBehaviour``). ``ServerApplication``
// asks ``ServerApplication/hostileAnswer(_:client:now:connection:)`` first: nil means
// "answer as the device does". Only GETs of an association are touched; AARQ, RLRQ, SET,
// ACTION and everything before the association go the usual way.

/// A long GET the hostile device is sending in blocks.
struct HostileGet: Sendable {
    var stream: HostileStream
    /// Blocks sent so far (the number of the last one).
    var sent: UInt32
}

/// The raw data of a GET answer, handed out a block at a time: `prefix`, then the tail
/// (nothing, filler bytes, or array entries) for as long as it is asked for.
struct HostileStream: Sendable {
    enum Tail: Sendable {
        /// The stream ends after the prefix.
        case none
        /// ``HostileBehaviour/filler`` forever.
        case filler
        /// These encoded entries, one after the other, round and round.
        case entries([[UInt8]])
        /// Meter-list rows (as 7/0.0.94.7.128.255/2 holds them), points 1, 2, 3…
        case meterRows
    }

    private var buffer: [UInt8]
    private var cursor = 0
    private let tail: Tail
    /// Entries of the tail produced so far.
    private(set) var entriesProduced = 0

    init(prefix: [UInt8], tail: Tail) {
        buffer = prefix
        if case .entries(let entries) = tail, entries.isEmpty { self.tail = .meterRows } else { self.tail = tail }
    }

    var isEndless: Bool { if case .none = tail { false } else { true } }
    var isExhausted: Bool { !isEndless && cursor == buffer.count }

    /// The next `count` bytes (fewer only at the end of a finite stream).
    mutating func take(_ count: Int) -> [UInt8] {
        while buffer.count - cursor < count, refill() {}
        let end = min(buffer.count, cursor + count)
        let out = Array(buffer[cursor..<end])
        cursor = end
        if cursor >= 1 << 16 {
            buffer.removeFirst(cursor)
            cursor = 0
        }
        return out
    }

    private mutating func refill() -> Bool {
        switch tail {
        case .none:
            return false
        case .filler:
            buffer.append(contentsOf: repeatElement(HostileBehaviour.filler, count: 1024))
        case .entries(let entries):
            buffer.append(contentsOf: entries[entriesProduced % entries.count])
            entriesProduced += 1
        case .meterRows:
            entriesProduced += 1
            buffer.append(contentsOf: Self.meterRow(entriesProduced).encoded)
        }
        return true
    }

    /// A plausible row of the meter list: point, serial, EUI-64, short address, type,
    /// tariffs, power limit (the columns 0.0.94.7.150…156.255).
    static func meterRow(_ n: Int) -> DLMSData {
        let point = UInt16(truncatingIfNeeded: (n - 1) % 0xFFFF + 1)
        let serial = "9510" + String(String(100_000 + n % 100_000).suffix(5))
        let eui: [UInt8] = [0x70, 0xB3, 0xD5, 0x1E, 0x00, UInt8(truncatingIfNeeded: n >> 16),
                            UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n)]
        return .structure([.longUnsigned(point), .visibleString(Array(serial.utf8)), .octetString(eui),
                           .longUnsigned(point &+ 0x100), .enumerated(UInt8(1 + n % 2)), .unsigned(UInt8(1 + n % 4)),
                           .doubleLongUnsigned(UInt32(5_000 + (n % 10) * 1_000))])
    }
}

extension ServerApplication {
    private static let getRequestTag: UInt8 = 0xC0
    private static let aarqTag: UInt8 = 0x60
    private static let releaseRequestTag: UInt8 = 0x62

    /// The hostile answer to one request APDU, with its log line; nil to answer as the device does.
    mutating func hostileAnswer(_ bytes: [UInt8], client: UInt16, now: HostTime,
                                connection: Int) -> ([UInt8], Summary)? {
        guard hostile.touchesApplication, let tag = bytes.first else { return nil }
        guard tag == Self.getRequestTag else {
            if tag == Self.aarqTag || tag == Self.releaseRequestTag { hostileGets[connection] = nil }
            return nil
        }
        guard let association = associations[connection], association.client == client,
              case .getRequest(let request)? = try? APDU(decoding: bytes) else {
            hostileGets[connection] = nil
            return nil
        }
        var summary = Summary(client: client, service: "GET", object: "-", result: "-",
                              requestBytes: bytes.count, responseBytes: 0)
        let response: [UInt8]?
        switch request {
        case .normal(let invokeID, let attribute, let access):
            hostileGets[connection] = nil
            summary.service = access == nil ? "GET" : "GET(selective)"
            summary.object = attribute.description
            response = hostileGet([AttributeWithAccess(attribute, access: access)], list: false, invokeID: invokeID,
                                  association: association, now: now, connection: connection, summary: &summary)
        case .withList(let invokeID, let attributes):
            hostileGets[connection] = nil
            summary.service = "GET-with-list"
            summary.object = "\(attributes.count) attributes"
            response = hostileGet(attributes, list: true, invokeID: invokeID,
                                  association: association, now: now, connection: connection, summary: &summary)
        case .next(let invokeID, let number):
            guard let pending = hostileGets[connection] else { return nil }
            summary.service = "GET-next"
            summary.object = "block \(number)"
            response = hostileNext(pending, number: number, invokeID: invokeID, association: association,
                                   connection: connection, summary: &summary)
        }
        guard let response else { return nil }
        summary.responseBytes = response.count
        return (response, summary)
    }

    private func hostileBlockSize(_ association: Association) -> Int { max(16, association.maxPDU - 12) }

    /// A GET normal (one attribute) or with-list; nil when nothing hostile applies to it.
    private mutating func hostileGet(_ attributes: [AttributeWithAccess], list: Bool, invokeID: InvokeIDAndPriority,
                                     association: Association, now: HostTime, connection: Int,
                                     summary: inout Summary) -> [UInt8]? {
        let endlessBlocks = hostile.modes.contains(.endlessBlocks)
        let hugeArray = hostile.modes.contains(.hugeArray)
        let answered = attributes.filter { hostile.answers[$0.attribute] != nil }.count
        guard answered > 0 || endlessBlocks || hugeArray else { return nil }
        let context = ReadContext(client: association.client, point: Int(association.point),
                                  logicalAddress: association.logicalAddress, conformance: association.conformance,
                                  maxPDU: association.maxPDU, mechanism: association.mechanism, now: now)
        var body = ByteWriter()
        if list { body.writeLength(attributes.count) }
        var tail = HostileStream.Tail.none
        var notes: [String] = []
        if answered > 0 { notes.append("\(answered) canned") }
        for item in attributes {
            if let raw = hostile.answers[item.attribute] {
                if list { body.write(UInt8(0)) }
                body.write(raw)
                continue
            }
            let result = read(item.attribute, access: item.access, context: context)
            if hugeArray, case .data(.array(let entries)) = result {
                // The array claims 0xFFFFFFFF entries; what follows it in a list never comes.
                if list { body.write(UInt8(0)) }
                body.write([0x01, 0x84, 0xFF, 0xFF, 0xFF, 0xFF] as [UInt8])
                tail = .entries(entries.map(\.encoded))
                notes.append("huge array")
                break
            }
            if list {
                result.encode(into: &body)
            } else if case .data(let value) = result {
                value.encode(into: &body)
            } else if !endlessBlocks {
                return nil          // an error, and nothing hostile to do with it
            }                       // (endless blocks of an error: filler only)
        }
        if case .none = tail, endlessBlocks {
            tail = .filler
            notes.append("endless blocks")
        }
        if case .none = tail, answered == 0 { return nil }
        summary.result = "hostile: " + notes.joined(separator: ", ")
        if case .none = tail {
            let header: [UInt8] = list ? [GetResponse.tag, 0x03, invokeID.rawValue] : [GetResponse.tag, 0x01, invokeID.rawValue, 0x00]
            if header.count + body.count <= association.maxPDU { return header + body.bytes }
        }
        var stream = HostileStream(prefix: body.bytes, tail: tail)
        let raw = stream.take(hostileBlockSize(association))
        let last = stream.isExhausted
        if !last { hostileGets[connection] = HostileGet(stream: stream, sent: 1) }
        summary.result += ", block 1" + (last ? " (last)" : "")
        return APDU.getResponse(.withDataBlock(invokeID: invokeID, block: DataBlockG(
            lastBlock: last, blockNumber: 1, result: .raw(raw)))).encoded()
    }

    /// GET-Request-Next during a hostile long GET. An endless one goes on whatever the
    /// number acknowledged; a finite one checks it as the device does.
    private mutating func hostileNext(_ pending: HostileGet, number: UInt32, invokeID: InvokeIDAndPriority,
                                      association: Association, connection: Int, summary: inout Summary) -> [UInt8] {
        var pending = pending
        guard pending.stream.isEndless || number == pending.sent else {
            hostileGets[connection] = nil
            summary.result = "block number invalid"
            return APDU.getResponse(.withDataBlock(invokeID: invokeID, block: DataBlockG(
                lastBlock: true, blockNumber: number &+ 1, result: .error(.dataBlockNumberInvalid)))).encoded()
        }
        let raw = pending.stream.take(hostileBlockSize(association))
        pending.sent &+= 1
        let last = pending.stream.isExhausted
        hostileGets[connection] = last ? nil : pending
        summary.result = "hostile: block \(pending.sent)" + (last ? " (last)" : pending.stream.isEndless ? " (endless)" : "")
        return APDU.getResponse(.withDataBlock(invokeID: invokeID, block: DataBlockG(
            lastBlock: last, blockNumber: pending.sent, result: .raw(raw)))).encoded()
    }
}
