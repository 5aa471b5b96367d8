/// The client side of a DLMS/COSEM session over HDLC, as a state machine.
///
/// Sans-IO, in the manner of swift-nio's state machines and dlms-cosem's connection
/// objects: the session never touches a file descriptor or a clock. Its driver feeds it
/// events — ``connect()``, ``bytesReceived(_:)``, ``timerFired()``, ``request(_:)``,
/// ``cancel()``, ``release()`` — and carries out the ``ClientAction``s each returns:
/// send these bytes, (re)start the timer, deliver a result, fail with a typed error.
///
/// ```swift
/// var session = ClientSession(configuration: .init(authentication: .low(password: pw)))
/// for action in session.connect() { driver.perform(action) }      // SNRM …
/// // bytes arrive:  session.bytesReceived(chunk)  → UA → AARQ … → .associated(info)
/// session.request(.get([AttributeWithAccess(serialNumber)]))       // → .deliver(.get([...]))
/// ```
///
/// Connection: SNRM proposing `configuration.proposal`; a DM or FRMR makes it fall back to
/// a plain SNRM (defaults 128/1), and so does a second silence — one lost frame on a noisy
/// line must not cost the whole read its large frames and window; then AARQ/AARE. Each
/// exchange is tried at most `maxAttempts` times: on a timer the session polls with RR (the server then
/// resends what it sent, or shows by its N(R) that our frames need sending again).
public struct ClientSession: Sendable {
    enum State: Sendable, Equatable {
        case idle
        case connecting(plain: Bool)
        case associating
        case ready
        case busy
        case releasing
        case disconnecting
        case closed
    }

    public let configuration: ClientConfiguration
    private(set) var state: State = .idle
    private var decoder = HDLCStreamDecoder()
    private var wrapper = WrapperCodec()
    private var wrapped: Bool { configuration.framing == .wrapper }
    private var link: HDLCLink?
    private var attempts = 0
    private var serverAddress: HDLCAddress
    private var usedPlainSNRM = false
    private(set) public var association: AssociationInfo?
    var operation: Operation?
    var cancelRequested = false
    /// Set when a device failed a GET-Request-With-List it had agreed to (Gurux servers
    /// cannot continue a long list in blocks): from then on lists are read one by one.
    public internal(set) var listsRefused = false
    private var nextInvokeID: UInt8 = 1

    /// Frames ignored because they were not addressed to us (an echo, another station).
    public private(set) var ignoredFrames = 0
    /// Frames that failed their checks (HCS/FCS, format).
    public private(set) var invalidFrames = 0

    public init(configuration: ClientConfiguration = ClientConfiguration()) {
        self.configuration = configuration
        self.serverAddress = configuration.serverAddress
    }

    public var isAssociated: Bool { state == .ready || state == .busy }
    public var isClosed: Bool { state == .closed }

    private var clientAddress: HDLCAddress { .client(configuration.clientAddress) }
    private var timer: ClientAction { .startTimer(configuration.responseTimeout) }

    /// How long a DISC waits for its UA: the work is done and saved by then, and a lost UA
    /// costs nothing but the wait (the device leaves NRM on the DISC, or on its inactivity
    /// timeout, and a later SNRM resets the link anyway) — so at most a second.
    static func disconnectWait(_ responseTimeout: Duration) -> Duration { min(responseTimeout, .seconds(1)) }

    // MARK: - Events

    /// Starts the connection: SNRM, then (on UA) AARQ.
    public mutating func connect() -> [ClientAction] {
        guard state == .idle else { return [illegal("connect")] }
        attempts = 1
        if wrapped {
            // No link layer to set up: the association request is the first word.
            association = AssociationInfo(link: .defaults, conformance: [], serverMaxReceivePDUSize: 0,
                                          serverAddress: serverAddress, usedPlainSNRM: false)
            state = .associating
            return sendAPDU(.aarq(makeAARQ()))
        }
        return sendSNRM(plain: false)
    }

    private mutating func sendSNRM(plain: Bool) -> [ClientAction] {
        state = .connecting(plain: plain)
        usedPlainSNRM = plain
        let info = plain ? [] : configuration.proposal.encodedInformation(onlyNonDefault: true)
        let frame = HDLCFrame(destination: serverAddress, source: clientAddress,
                              control: .setNormalResponseMode(poll: true), information: info)
        return [.send(frame.encoded()), timer]
    }

    /// Bytes from the line, in any split: frames are found in the stream.
    public mutating func bytesReceived<C: Collection>(_ bytes: C) -> [ClientAction] where C.Element == UInt8 {
        if wrapped { return wrappedBytesReceived(Array(bytes)) }
        decoder.append(bytes)
        var actions: [ClientAction] = []
        while let event = decoder.next() {
            switch event {
            case .frame(let frame, _):
                actions += frameReceived(frame)
            case .invalid:
                invalidFrames += 1
            }
            if state == .closed { break }
        }
        return actions
    }

    /// The response timer expired: poll, send again, or give up after `maxAttempts`.
    public mutating func timerFired() -> [ClientAction] {
        switch state {
        case .idle, .ready, .closed:
            return []
        case .disconnecting:
            state = .closed
            return [.disconnected]
        default:
            break
        }
        guard attempts < configuration.maxAttempts else {
            let tries = attempts
            if case .releasing = state {       // no RLRE: disconnect anyway
                return sendDISC()
            }
            state = .closed
            return [.fail(.noResponse(attempts: tries))]
        }
        attempts += 1
        if wrapped { return [timer] }       // TCP delivers or fails: nothing to poll, wait on
        switch state {
        case .connecting:
            // The first silence is taken for a lost frame: the proposal again. Two in a
            // row suggest a device that ignores SNRMs with parameters: a plain one.
            return sendSNRM(plain: attempts > 2)
        default:
            guard let link else { return [] }
            // Frames of ours the server may not have: poll, and its RR's N(R) tells.
            let poll = link.receiveReady()
            self.link = link
            return [.send(poll.encoded()), timer]
        }
    }

    /// Asks for a read, write or method call. One at a time.
    public mutating func request(_ request: ClientRequest) -> [ClientAction] {
        guard state == .ready, association != nil else {
            return [.requestFailed(.illegalTransition(event: "request", state: "\(state)"))]
        }
        cancelRequested = false
        return start(request)
    }

    /// Stops the current operation at the next APDU boundary (a block transfer is not
    /// continued); during connection it gives up and disconnects.
    public mutating func cancel() -> [ClientAction] {
        switch state {
        case .busy:
            cancelRequested = true
            return []
        case .connecting, .associating:
            var actions: [ClientAction] = [.fail(.cancelled)]
            actions += sendDISC()
            return actions
        default:
            return []
        }
    }

    /// Releases the association (RLRQ), then disconnects the link (DISC).
    public mutating func release() -> [ClientAction] {
        switch state {
        case .ready:
            state = .releasing
            attempts = 1
            return sendAPDU(.releaseRequest(ReleaseRequest(reason: 0)))
        case .busy, .associating:
            return sendDISC()
        case .connecting:
            return sendDISC()
        default:
            return []
        }
    }

    /// Drops the link at once (DISC), without releasing the association.
    public mutating func disconnect() -> [ClientAction] {
        switch state {
        case .idle, .closed, .disconnecting: return []
        default: return sendDISC()
        }
    }

    // MARK: - Frames

    /// IEC 62056-47: each wrapper PDU carries one whole APDU.
    private mutating func wrappedBytesReceived(_ bytes: [UInt8]) -> [ClientAction] {
        wrapper.append(bytes)
        var actions: [ClientAction] = []
        while state != .closed {
            let pdu: WrapperCodec.PDU?
            do { pdu = try wrapper.decode() } catch {
                state = .closed
                return actions + [.stopTimer, .fail(.malformedAPDU(.invalidValue(context: "wrapper version")))]
            }
            guard let pdu else { break }
            guard pdu.destination == UInt16(configuration.clientAddress) else { ignoredFrames += 1; continue }
            switch state {
            case .associating, .busy, .releasing:
                attempts = 1
                actions += apduReceived(pdu.apdu)
            default:
                ignoredFrames += 1
            }
        }
        return actions
    }

    private mutating func frameReceived(_ frame: HDLCFrame) -> [ClientAction] {
        guard frame.destination == clientAddress else { ignoredFrames += 1; return [] }
        if frame.source != serverAddress {
            // Called at the all-station address: whoever answers is the server, but we
            // keep calling the all-station address (SPEC.md, LINK).
            guard configuration.callsAllStation else { ignoredFrames += 1; return [] }
        }
        switch state {
        case .idle, .closed:
            return []
        case .connecting(let plain):
            return connectionAnswer(frame, plain: plain)
        case .disconnecting:
            switch frame.control {
            case .unnumberedAcknowledge, .disconnectedMode:
                state = .closed
                return [.stopTimer, .disconnected]
            default:
                return []
            }
        case .associating, .ready, .busy, .releasing:
            return linkFrame(frame)
        }
    }

    private mutating func connectionAnswer(_ frame: HDLCFrame, plain: Bool) -> [ClientAction] {
        switch frame.control {
        case .unnumberedAcknowledge:
            let ua: HDLCParameters
            do { ua = try HDLCParameters(information: frame.information) } catch {
                state = .closed
                return [.stopTimer, .fail(.link(error))]
            }
            // What we send stays within our own proposal too; what we receive is what the
            // server says it sends.
            let proposal = plain ? HDLCParameters.defaults : configuration.proposal
            var negotiated = proposal.clientView(ofUA: ua)
            negotiated.maxInfoTransmit = min(negotiated.maxInfoTransmit, max(proposal.maxInfoTransmit, 32))
            negotiated.windowTransmit = min(negotiated.windowTransmit, max(proposal.windowTransmit, 1))
            link = HDLCLink(role: .client, local: clientAddress, remote: serverAddress, parameters: negotiated,
                            maxAPDUBytes: configuration.maxResponseBytes)
            association = AssociationInfo(link: negotiated, conformance: [], serverMaxReceivePDUSize: 0,
                                          serverAddress: frame.source, usedPlainSNRM: plain)
            state = .associating
            attempts = 1
            return sendAPDU(.aarq(makeAARQ()))
        case .disconnectedMode, .frameReject:
            guard !plain, attempts < configuration.maxAttempts else {
                state = .closed
                return [.stopTimer, .fail(.linkRefused(frame.control))]
            }
            attempts += 1
            return sendSNRM(plain: true)
        default:
            return []
        }
    }

    private func makeAARQ() -> AARQ {
        let initiate = InitiateRequest(proposedConformance: configuration.proposedConformance,
                                       clientMaxReceivePDUSize: configuration.maxReceivePDUSize)
        switch configuration.authentication {
        case .none:
            return AARQ(callingAPTitle: configuration.callingAPTitle, userInformation: initiate)
        case .low(let password):
            return AARQ(callingAPTitle: configuration.callingAPTitle, mechanism: .low,
                        authenticationValue: password, userInformation: initiate)
        }
    }

    private mutating func linkFrame(_ frame: HDLCFrame) -> [ClientAction] {
        switch frame.control {
        case .disconnectedMode, .disconnect:
            state = .closed
            return [.stopTimer, .fail(.disconnectedByPeer)]
        case .frameReject:
            state = .closed
            return [.stopTimer, .fail(.frameRejected)]
        case .information, .receiveReady, .receiveNotReady:
            break
        default:
            return []
        }
        guard var link else { return [] }
        let output: HDLCLink.Output
        do { output = try link.received(frame) } catch {
            self.link = link
            state = .closed
            return [.stopTimer, .fail(.link(error))]
        }
        self.link = link
        var actions = output.frames.map { ClientAction.send($0.encoded()) }
        if output.progressed || !output.frames.isEmpty { attempts = 1 }
        if let apdu = output.apdu {
            actions += apduReceived(apdu)
        } else if state != .ready {
            actions.append(timer)
        }
        return actions
    }

    // MARK: - APDUs

    /// Sends an APDU through the link and starts the timer.
    mutating func sendAPDU(_ apdu: APDU) -> [ClientAction] {
        if wrapped {
            let pdu = WrapperCodec.PDU(source: UInt16(configuration.clientAddress), destination: serverAddress.upper,
                                       apdu: apdu.encoded())
            guard let bytes = WrapperCodec.encode(pdu) else { return [] }
            return [.send(bytes), timer]
        }
        guard var link else { return [] }
        let frames = link.send(apdu: apdu.encoded())
        self.link = link
        return frames.map { .send($0.encoded()) } + [timer]
    }

    private mutating func apduReceived(_ bytes: [UInt8]) -> [ClientAction] {
        let apdu: APDU
        do { apdu = try APDU(decoding: bytes) } catch {
            guard let block = Self.listTaggedDataBlock(bytes) else { return unusable(.malformedAPDU(error)) }
            apdu = block
        }
        switch state {
        case .associating:
            return associationAnswer(apdu)
        case .busy:
            return operationAnswer(apdu)
        case .releasing:
            guard case .releaseResponse = apdu else {
                return unusable(.unexpectedAPDU(tag: bytes.first ?? 0, state: "releasing"))
            }
            return [.released] + sendDISC()
        default:
            return [.stopTimer]
        }
    }

    /// Gurux servers answer a GET-Request-With-List too long for one PDU with a data
    /// block under the with-list choice and without the raw-data choice byte:
    /// `C4 03 inv last block(4) len raw`, where the standard has
    /// `C4 02 inv last block(4) 00 len raw`. Such bytes never decode as a list (the block
    /// number and raw data are left over), so reading them as the data block they are is
    /// unambiguous. Both spellings, with or without the choice byte, are accepted.
    static func listTaggedDataBlock(_ bytes: [UInt8]) -> APDU? {
        guard bytes.count > 8, bytes[0] == 0xC4, bytes[1] == 0x03 else { return nil }
        let asBlock = [0xC4, 0x02] + bytes[2...]
        let withChoice = [0xC4, 0x02] + bytes[2..<8] + [0x00] + bytes[8...]
        for candidate in [asBlock, withChoice] {
            if let apdu = try? APDU(decoding: Array(candidate)), case .getResponse(.withDataBlock) = apdu { return apdu }
        }
        return nil
    }

    /// An answer we cannot use: fatal while associating, a failed request otherwise.
    private mutating func unusable(_ error: DLMSError) -> [ClientAction] {
        switch state {
        case .busy:
            return finish(.requestFailed(error))
        case .associating, .releasing:
            return [.fail(error)] + sendDISC()
        default:
            return [.stopTimer]
        }
    }

    private mutating func associationAnswer(_ apdu: APDU) -> [ClientAction] {
        switch apdu {
        case .aare(let aare):
            // This client asks for none or low; an AARE naming HLS (2 and up) is a device
            // that will take nothing less: say so rather than "rejected".
            if let mechanism = aare.mechanism, mechanism.rawValue >= MechanismName.high.rawValue {
                return [.fail(.needsHighLevelSecurity(mechanism))] + sendDISC()
            }
            if aare.isAccepted, case .initiateResponse(let initiate)? = aare.userInformation {
                association?.conformance = initiate.negotiatedConformance
                association?.serverMaxReceivePDUSize = initiate.serverMaxReceivePDUSize
                state = .ready
                return [.stopTimer, .associated(association!)]
            }
            if case .confirmedServiceError(let error)? = aare.userInformation, aare.result == .accepted {
                return [.fail(.initiateFailed(error))] + sendDISC()
            }
            let result = aare.result == .accepted ? AssociationResult.rejectedPermanent : aare.result
            return [.fail(.associationRejected(result, diagnostic: aare.diagnostic))] + sendDISC()
        case .exceptionResponse(let e):
            return [.fail(.exception(e))] + sendDISC()
        case .confirmedServiceError(let e):
            return [.fail(.initiateFailed(e))] + sendDISC()
        default:
            return unusable(.unexpectedAPDU(tag: apdu.encoded().first ?? 0, state: "associating"))
        }
    }

    private mutating func sendDISC() -> [ClientAction] {
        operation = nil
        if wrapped {                         // no link to take down: the session is over
            state = .closed
            return [.stopTimer, .disconnected]
        }
        state = .disconnecting
        attempts = configuration.maxAttempts   // one DISC, one short wait: then we are done
        let frame = HDLCFrame(destination: serverAddress, source: clientAddress,
                              control: .disconnect(poll: true))
        return [.send(frame.encoded()), .startTimer(Self.disconnectWait(configuration.responseTimeout))]
    }

    mutating func takeInvokeID() -> InvokeIDAndPriority {
        defer { nextInvokeID = nextInvokeID % 15 + 1 }
        return InvokeIDAndPriority(id: nextInvokeID)
    }

    /// Leaves `.busy` with a result.
    mutating func finish(_ action: ClientAction) -> [ClientAction] {
        if case .requestFailed(let error) = action, let retry = readListSingly(after: error) { return retry }
        operation = nil
        state = .ready
        return [.stopTimer, action]
    }

    mutating func markBusy() { state = .busy; attempts = 1 }

    private func illegal(_ event: String) -> ClientAction {
        .fail(.illegalTransition(event: event, state: "\(state)"))
    }
}
