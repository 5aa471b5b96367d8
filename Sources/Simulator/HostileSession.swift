import DLMS

/// The HDLC half of the hostile device: a ``ServerSession`` with the link modes of
/// ``HostileBehaviour`` on top (`endless-segments`, `ignore-release`,
/// `silent-after-association`). ``SimulatorServer`` drives one per connection with the
/// same calls as a ``ServerSession``; without a link mode every call goes straight
/// through, so the device behaves exactly as without it.
///
/// With a link mode, incoming bytes are cut into frames here; each frame is then either
/// handled here (ignored, or answered with an endless segment) or handed to the session.
///
/// - `endless-segments`: once an accepted AARE has gone out, the answer to a GET
///   (a GET-Response APDU) is not given to the session: it goes out as I-frames with the
///   segmentation bit always set, one per RR (or I-frame) from the client, P/F set, with
///   the right addresses, N(S) counting on from the link's V(S) (going back to the
///   client's N(R) when it asks again), N(R) the link's V(R). The first segment carries
///   the LLC header and the real answer; filler follows it, forever. DISC (answered UA)
///   and SNRM end it.
/// - `ignore-release`: RLRQ never reaches the application (no RLRE; the link still
///   acknowledges polls with RR), DISC is dropped (no UA, no DM).
/// - `silent-after-association`: after an accepted AARE every frame is dropped until the
///   next SNRM (so a new link is answered again, and goes silent after its AARE).
public struct HostileSession: Sendable {
    public private(set) var session: ServerSession
    public let behaviour: HostileBehaviour
    private var decoder = HDLCStreamDecoder()
    private var endless: EndlessSegments?
    /// An accepted AARE went out on this link (and no RLRE, DISC or SNRM since).
    public private(set) var isAssociated = false
    /// Everything from the client is dropped (`silent-after-association`).
    public private(set) var isSilent = false
    /// Endless segments sent for the current GET (0 when none).
    public private(set) var endlessSegmentsSent = 0

    public init(_ session: ServerSession, behaviour: HostileBehaviour = HostileBehaviour()) {
        self.session = session; self.behaviour = behaviour
    }

    public var configuration: ServerSession.Configuration { session.configuration }
    public var isConnected: Bool { session.isConnected }
    /// True while a GET's answer is going out in endless segments.
    public var isSendingEndlessSegments: Bool { endless != nil }

    private var linkModes: Bool { behaviour.touchesLink }

    /// Bytes from the line, in any split (``ServerSession/bytesReceived(_:)``).
    public mutating func bytesReceived<C: Collection>(_ bytes: C) -> [ServerAction] where C.Element == UInt8 {
        guard linkModes else { return session.bytesReceived(bytes) }
        decoder.append(bytes)
        var actions: [ServerAction] = []
        while let event = decoder.next() {
            switch event {
            case .frame(let frame, let raw):
                actions += frameReceived(frame, raw: raw)
            case .invalid(_, let raw):
                if !isSilent { actions += session.bytesReceived(raw) }   // counted there, not answered
            }
        }
        return actions
    }

    /// The application's answer to the last request (``ServerSession/respond(_:)``).
    public mutating func respond(_ apdu: [UInt8]) -> [ServerAction] {
        guard linkModes else { return session.respond(apdu) }
        switch apdu.first {
        case 0x61:      // AARE
            if case .aare(let aare)? = try? APDU(decoding: apdu) { isAssociated = aare.result == .accepted }
        case 0x63:      // RLRE
            isAssociated = false
        case GetResponse.tag where isAssociated && behaviour.modes.contains(.endlessSegments):
            if let link = session.link {
                var segments = EndlessSegments(link: link, apdu: apdu)
                let frame = segments.nextFrame()
                endless = segments
                endlessSegmentsSent = 1
                return [.send(frame.encoded())]
            }
        default:
            break
        }
        let actions = session.respond(apdu)
        if isAssociated, behaviour.modes.contains(.silentAfterAssociation) { isSilent = true }
        return actions
    }

    /// The inactivity time-out elapsed (``ServerSession/inactivityElapsed()``).
    public mutating func inactivityElapsed() -> [ServerAction] {
        endless = nil; endlessSegmentsSent = 0; isAssociated = false; isSilent = false
        return session.inactivityElapsed()
    }

    private mutating func frameReceived(_ frame: HDLCFrame, raw: [UInt8]) -> [ServerAction] {
        if isSilent {
            guard case .setNormalResponseMode = frame.control else { return [] }
            isSilent = false
        }
        switch frame.control {
        case .disconnect where behaviour.modes.contains(.ignoreRelease):
            return []
        case .receiveReady(let nr, _), .information(_, let nr, _):
            if var segments = endless, frame.source == segments.remote {
                let next = segments.acknowledged(nr)
                endless = segments
                endlessSegmentsSent += 1
                return [.send(next.encoded())]
            }
        case .receiveNotReady:
            if let segments = endless, frame.source == segments.remote { return [] }
        default:
            break
        }
        var actions = session.bytesReceived(raw)
        if behaviour.modes.contains(.ignoreRelease) {
            actions.removeAll { action in
                if case .request(let apdu, _) = action, apdu.first == 0x62 { true } else { false }   // RLRQ
            }
        }
        for action in actions {
            switch action {
            case .connected, .disconnected:
                endless = nil; endlessSegmentsSent = 0; isAssociated = false
            default:
                break
            }
        }
        return actions
    }
}

/// The frames of `endless-segments`: I-frames of `maxInfo` bytes, S bit always set.
struct EndlessSegments: Sendable {
    let local: HDLCAddress
    let remote: HDLCAddress
    /// Our V(R): the client sends no I-frame we accept meanwhile.
    let receiveSequence: UInt8
    let maxInfo: Int
    /// LLC header and the real answer; filler after it.
    let content: [UInt8]
    /// N(S) of the next frame.
    private(set) var sendSequence: UInt8
    /// Index of the next segment (segment i carries content bytes i·maxInfo…).
    private(set) var index = 0

    init(link: HDLCLink, apdu: [UInt8]) {
        local = link.local; remote = link.remote
        receiveSequence = link.receiveSequence
        sendSequence = link.sendSequence
        maxInfo = max(link.parameters.maxInfoTransmit, 4)
        content = LLC.response + apdu
    }

    mutating func nextFrame() -> HDLCFrame {
        let start = index * maxInfo
        let information = (start..<(start + maxInfo)).map { $0 < content.count ? content[$0] : HostileBehaviour.filler }
        let frame = HDLCFrame(destination: remote, source: local,
                              control: .information(sendSequence: sendSequence, receiveSequence: receiveSequence, poll: true),
                              segmented: true, information: information)
        sendSequence = (sendSequence &+ 1) & 7
        index += 1
        return frame
    }

    /// The client acknowledged up to `nr`: frames it has not got go again (go-back-N), else the next one.
    mutating func acknowledged(_ nr: UInt8) -> HDLCFrame {
        let outstanding = Int((sendSequence &- nr) & 7)
        if outstanding > 0, outstanding <= min(index, 7) {
            sendSequence = nr & 7
            index -= outstanding
        }
        return nextFrame()
    }
}
