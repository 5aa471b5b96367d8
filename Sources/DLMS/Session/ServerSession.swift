/// The server (secondary station) side of HDLC for the simulator, as a state machine:
/// accepts SNRM and negotiates the link parameters within its limits, receives I-frames
/// (segments, windows, out-of-sequence recovery through ``HDLCLink``), hands each
/// complete request APDU to the application, and sends the application's answer in
/// segments and windows. DISC → UA (DM when not connected). No I/O, no clock.
///
/// The application logic (association, objects, GET blocks) lives above it: feed the
/// ``ServerAction/request(_:client:)`` APDUs to it and pass its answers to ``respond(_:)``.
public struct ServerSession: Sendable {
    public struct Configuration: Sendable {
        /// The address this server answers at, and answers from.
        public var address: HDLCAddress
        /// The largest frames and windows it accepts, both directions.
        public var limits: HDLCParameters
        /// Also answer frames sent to the all-station address of the address's form.
        public var acceptsAllStation: Bool
        /// Answer from the called address instead of our own (what Gurux does); the
        /// ES-951 answers from its own address.
        public var answersFromCalledAddress: Bool
        /// Client SAPs it talks to; nil = any.
        public var clients: Set<UInt16>?

        public init(address: HDLCAddress, limits: HDLCParameters = HDLCParameters(
                        maxInfoTransmit: HDLCParameters.informationFieldRange.upperBound,
                        maxInfoReceive: HDLCParameters.informationFieldRange.upperBound,
                        windowTransmit: HDLCParameters.windowRange.upperBound, windowReceive: HDLCParameters.windowRange.upperBound),
                    acceptsAllStation: Bool = true, answersFromCalledAddress: Bool = false,
                    clients: Set<UInt16>? = nil) {
            self.address = address; self.limits = limits; self.acceptsAllStation = acceptsAllStation
            self.answersFromCalledAddress = answersFromCalledAddress; self.clients = clients
        }
    }

    public let configuration: Configuration
    private var decoder = HDLCStreamDecoder()
    /// The link in force (read by es951-sim's hostile modes, HostileSession).
    public private(set) var link: HDLCLink?
    /// The client SAP of the current connection.
    public private(set) var client: UInt16?
    public private(set) var invalidFrames = 0
    public private(set) var ignoredFrames = 0

    public init(configuration: Configuration) { self.configuration = configuration }

    public var isConnected: Bool { link != nil }
    /// The link parameters in force, from the server's point of view.
    public var parameters: HDLCParameters? { link?.parameters }

    /// Bytes from the line, in any split.
    public mutating func bytesReceived<C: Collection>(_ bytes: C) -> [ServerAction] where C.Element == UInt8 {
        decoder.append(bytes)
        var actions: [ServerAction] = []
        while let event = decoder.next() {
            switch event {
            case .frame(let frame, _): actions += frameReceived(frame)
            case .invalid: invalidFrames += 1
            }
        }
        return actions
    }

    /// The application's answer to the last request: sent in segments, a window at a time.
    public mutating func respond(_ apdu: [UInt8]) -> [ServerAction] {
        guard var link else { return [] }
        let frames = link.send(apdu: apdu)
        self.link = link
        return frames.map { .send($0.encoded()) }
    }

    /// The inactivity time-out elapsed: back to disconnected mode without a word.
    public mutating func inactivityElapsed() -> [ServerAction] {
        guard let client else { return [] }
        link = nil
        self.client = nil
        return [.disconnected(client: client)]
    }

    private func isForUs(_ address: HDLCAddress) -> Bool {
        if address == configuration.address { return true }
        // The all-station address in any form (0x3FFF in 4 bytes, 0x7F in 2, 0x7F alone):
        // a client that does not know the server's address may use the short form.
        guard configuration.acceptsAllStation,
              address.upper == configuration.address.upper || address.size == 1 else { return false }
        return address.isAllStation
    }

    private mutating func frameReceived(_ frame: HDLCFrame) -> [ServerAction] {
        guard isForUs(frame.destination), frame.source.size == 1,
              configuration.clients?.contains(frame.source.upper) ?? true else {
            ignoredFrames += 1
            return []
        }
        let me = configuration.answersFromCalledAddress ? frame.destination : configuration.address
        let peer = frame.source
        func reply(_ control: HDLCControl, _ info: [UInt8] = []) -> ServerAction {
            .send(HDLCFrame(destination: peer, source: me, control: control, information: info).encoded())
        }
        switch frame.control {
        case .setNormalResponseMode:
            let proposal: HDLCParameters
            do { proposal = try HDLCParameters(information: frame.information) } catch {
                return [reply(.frameReject(poll: true))]
            }
            let granted = proposal.negotiated(withServerLimits: configuration.limits)
            var actions: [ServerAction] = []
            if let old = client, link != nil { actions.append(.disconnected(client: old)) }
            link = HDLCLink(role: .server, local: me, remote: peer, parameters: granted)
            client = peer.upper
            actions.append(reply(.unnumberedAcknowledge(poll: true), granted.encodedInformation(onlyNonDefault: false)))
            actions.append(.connected(client: peer.upper, parameters: granted))
            return actions
        case .disconnect:
            guard link != nil, peer.upper == client else { return [reply(.disconnectedMode(poll: true))] }
            link = nil
            client = nil
            return [reply(.unnumberedAcknowledge(poll: true)), .disconnected(client: peer.upper)]
        case .information, .receiveReady, .receiveNotReady:
            guard var link, peer.upper == client else { return [reply(.disconnectedMode(poll: true))] }
            do {
                let output = try link.received(frame)
                self.link = link
                var actions = output.frames.map { ServerAction.send($0.encoded()) }
                if let apdu = output.apdu { actions.append(.request(apdu, client: peer.upper)) }
                return actions
            } catch {
                self.link = link
                return [reply(.frameReject(poll: true))]
            }
        default:
            ignoredFrames += 1
            return []
        }
    }
}

/// What the server session asks its driver (the simulator) to do.
public enum ServerAction: Equatable, Sendable {
    /// Send these bytes (one frame).
    case send([UInt8])
    /// A client connected (SNRM answered with UA) with these parameters (server's view).
    case connected(client: UInt16, parameters: HDLCParameters)
    /// A complete request APDU; answer it with ``ServerSession/respond(_:)``.
    case request([UInt8], client: UInt16)
    /// The client disconnected (DISC, a new SNRM, or inactivity).
    case disconnected(client: UInt16)
}
