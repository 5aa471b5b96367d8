/// The data-link half of an HDLC connection in normal response mode, shared by the
/// client (primary) and the server (secondary) once SNRM/UA is done (IEC 62056-46 §6.4).
///
/// It owns the sequence numbers V(S)/V(R), the negotiated parameters, segmentation of
/// outgoing APDUs into I-frames (window at a time, P/F on the last frame of a burst),
/// reassembly of incoming segments, acknowledgement with RR, and go-back-N recovery:
/// a frame received out of sequence is discarded and the peer is told (RR with our V(R))
/// where to resume; an RR whose N(R) leaves frames unacknowledged makes us send them again.
///
/// It is a value: feed it frames, it returns frames to send and completed APDUs. No I/O.
public struct HDLCLink: Sendable {
    public enum Role: Sendable { case client, server }

    /// What one received frame produced.
    public struct Output: Equatable, Sendable {
        /// Frames to send now (acknowledgements, the next burst, retransmissions).
        public var frames: [HDLCFrame] = []
        /// A completed incoming APDU, LLC header removed.
        public var apdu: [UInt8]?
        /// The frame was new information (not a duplicate or out of sequence).
        public var progressed = false
        public init() {}
    }

    public let role: Role
    public var local: HDLCAddress
    public var remote: HDLCAddress
    /// From this side's point of view: `maxInfoTransmit`/`windowTransmit` bound what we send.
    public let parameters: HDLCParameters

    /// V(S): the N(S) of the next new I-frame we send.
    public private(set) var sendSequence: UInt8 = 0
    /// V(R): the N(S) we expect next from the peer.
    public private(set) var receiveSequence: UInt8 = 0

    /// Segments of the outgoing APDU not yet sent: information field and S bit.
    private var queue: [(information: [UInt8], segmented: Bool)] = []
    private var queueHead = 0
    /// I-frames sent and not yet acknowledged, oldest first.
    public private(set) var unacknowledged: [HDLCFrame] = []
    private var assembly: [UInt8] = []
    private var assembling = false
    /// N(R) values that acknowledged nothing in flight (see `acknowledge(upTo:)`).
    public private(set) var staleAcknowledgements = 0
    /// The most bytes the segments of one incoming APDU may add up to.
    public let maxAPDUBytes: Int

    public init(role: Role, local: HDLCAddress, remote: HDLCAddress, parameters: HDLCParameters,
                maxAPDUBytes: Int = ClientConfiguration.hardResponseLimit) {
        self.role = role; self.local = local; self.remote = remote; self.parameters = parameters
        self.maxAPDUBytes = maxAPDUBytes
    }

    private var outgoingLLC: [UInt8] { role == .client ? LLC.command : LLC.response }
    private var incomingLLC: [UInt8] { role == .client ? LLC.response : LLC.command }

    /// True while segments of an outgoing APDU wait to be sent or acknowledged.
    public var isSending: Bool { queueHead < queue.count || !unacknowledged.isEmpty }
    /// True while part of an incoming APDU has arrived and the rest has not.
    public var isReceiving: Bool { assembling }

    // MARK: - Sending

    /// Queues one APDU and returns the first burst of I-frames (up to the window).
    public mutating func send(apdu: [UInt8]) -> [HDLCFrame] {
        let segments = HDLCSegmentation.segments(of: apdu, llc: outgoingLLC,
                                                 maxInfo: max(parameters.maxInfoTransmit, 4))
        queue = segments.enumerated().map { ($0.element, $0.offset < segments.count - 1) }
        queueHead = 0
        return nextBurst()
    }

    /// New I-frames up to the window; P/F on the last one of the burst.
    private mutating func nextBurst() -> [HDLCFrame] {
        var frames: [HDLCFrame] = []
        let window = max(1, min(parameters.windowTransmit, 7))
        while unacknowledged.count < window, queueHead < queue.count {
            let segment = queue[queueHead]
            queueHead += 1
            let frame = HDLCFrame(destination: remote, source: local,
                                  control: .information(sendSequence: sendSequence,
                                                        receiveSequence: receiveSequence, poll: false),
                                  segmented: segment.segmented, information: segment.information)
            sendSequence = (sendSequence &+ 1) & 7
            unacknowledged.append(frame)
            frames.append(frame)
        }
        if queueHead == queue.count { queue.removeAll(keepingCapacity: true); queueHead = 0 }
        return Self.settingPoll(on: frames)
    }

    /// All unacknowledged frames again (go-back-N), with the current N(R).
    public mutating func retransmit() -> [HDLCFrame] {
        unacknowledged = unacknowledged.map { frame in
            var f = frame
            if case .information(let ns, _, _) = f.control {
                f.control = .information(sendSequence: ns, receiveSequence: receiveSequence, poll: false)
            }
            return f
        }
        return Self.settingPoll(on: unacknowledged)
    }

    private static func settingPoll(on frames: [HDLCFrame]) -> [HDLCFrame] {
        guard var last = frames.last, case .information(let ns, let nr, _) = last.control else { return frames }
        last.control = .information(sendSequence: ns, receiveSequence: nr, poll: true)
        var out = frames
        out[out.count - 1] = last
        return out
    }

    /// RR with the poll/final bit: the client's poll after a silence, or the server's
    /// answer to a poll when it has nothing else to say.
    public func receiveReady() -> HDLCFrame {
        HDLCFrame(destination: remote, source: local,
                  control: .receiveReady(receiveSequence: receiveSequence, poll: true))
    }

    // MARK: - Receiving

    /// Handles an I, RR or RNR frame from the peer (already checked for its addresses).
    public mutating func received(_ frame: HDLCFrame) throws(HDLCError) -> Output {
        var out = Output()
        switch frame.control {
        case .information(let ns, let nr, let poll):
            try acknowledge(upTo: nr)
            guard frame.information.count <= max(parameters.maxInfoReceive, 1) + 3 else {
                throw .informationTooLong(frame.information.count, max: parameters.maxInfoReceive)
            }
            if ns == receiveSequence {
                receiveSequence = (receiveSequence &+ 1) & 7
                out.progressed = true
                var info = frame.information[...]
                if !assembling {
                    // The first segment of an answer shows the peer has our whole APDU,
                    // whatever its N(R) says: some peers (Gurux with a client window)
                    // acknowledge one frame late.
                    if queueHead == queue.count { unacknowledged.removeAll() }
                    assembly.removeAll(keepingCapacity: true)
                    if info.starts(with: incomingLLC) { info = info.dropFirst(3) }
                    assembling = true
                }
                guard assembly.count + info.count <= maxAPDUBytes else {
                    assembly = []
                    assembling = false
                    throw .apduTooLong(max: maxAPDUBytes)
                }
                assembly.append(contentsOf: info)
                if !frame.segmented {
                    out.apdu = assembly
                    assembly.removeAll(keepingCapacity: true)
                    assembling = false
                } else if poll {
                    // End of the peer's burst, more segments to come: ask for them.
                    out.frames.append(receiveReady())
                }
            } else if poll {
                // Out of sequence (a frame was lost) or a repeat: resume from our V(R).
                // A server that sees its peer repeat a request answers with its own
                // unacknowledged frames, since its answer was what got lost.
                if role == .server, !unacknowledged.isEmpty {
                    out.frames = retransmit()
                } else {
                    out.frames.append(receiveReady())
                }
            }
        case .receiveReady(let nr, let poll):
            let before = unacknowledged.count
            try acknowledge(upTo: nr)
            out.progressed = unacknowledged.count < before
            if !unacknowledged.isEmpty {
                if poll || role == .client { out.frames = retransmit() }
            } else if queueHead < queue.count {
                out.frames = nextBurst()
            } else if role == .server, poll {
                out.frames.append(receiveReady())
            }
        case .receiveNotReady(let nr, _):
            try acknowledge(upTo: nr)
        default:
            break
        }
        return out
    }

    /// Drops the frames the peer's N(R) acknowledges. An N(R) that acknowledges more
    /// than is in flight is stale (a peer that lags, or a repeat of an old frame) and
    /// changes nothing; it is counted in ``staleAcknowledgements``.
    private mutating func acknowledge(upTo nr: UInt8) throws(HDLCError) {
        let oldest: UInt8
        if let first = unacknowledged.first, case .information(let ns, _, _) = first.control {
            oldest = ns
        } else {
            oldest = sendSequence
        }
        let acked = Int((nr &- oldest) & 7)
        guard acked <= unacknowledged.count else {
            staleAcknowledgements += 1
            return
        }
        unacknowledged.removeFirst(acked)
    }
}
