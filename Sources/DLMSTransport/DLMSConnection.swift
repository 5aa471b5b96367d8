import DLMS

/// The async driver of a DLMS client session: runs a sans-IO ``ClientSession`` over a
/// ``ByteChannel``, carrying out its actions — `.send` becomes a channel write (and a
/// trace line), `.startTimer`/`.stopTimer` set or clear one deadline, reads wait at most
/// until that deadline and `timerFired()` is called when it passes.
///
/// ```swift
/// let link = DLMSConnection(channel: tcp, configuration: ClientConfiguration(
///     clientAddress: 32, authentication: .low(password: pw)), trace: trace)
/// let info = try await link.open()
/// let values = try await link.get([AttributeWithAccess(serialNumber)])
/// await link.close()
/// ```
///
/// Errors: `.fail`/`.requestFailed` of the session become ``DLMSConnectionError/dlms(_:)``,
/// a channel failure ``DLMSConnectionError/transport(_:)``. A dead line fails after the
/// session's own tries (`maxAttempts` × `responseTimeout`, SPEC.md: about 4 × S).
///
/// Cancellation: when the calling task is cancelled, the session is told (`cancel()`) and
/// the call ends as the session decides — at once while connecting (`.cancelled`), at the
/// next APDU boundary during a request. Channel reads are taken in slices of at most
/// 100 ms, so cancellation is noticed within that.
///
/// One call at a time: a call made while another is running fails with an
/// `.illegalTransition` from the session.
public actor DLMSConnection {
    private let channel: any ByteChannel
    public nonisolated let configuration: ClientConfiguration
    private let trace: FrameTrace?
    private var session: ClientSession
    private var deadline: ContinuousClock.Instant?
    /// Frames of what we receive, found only for the trace.
    private var traceDecoder = HDLCStreamDecoder()
    private var traceWrapper = WrapperCodec()
    /// The LLS password: masked in the trace of sent frames (the AARQ carries it).
    private let secret: [UInt8]?
    static let readSlice: Duration = .milliseconds(100)

    public init(channel: any ByteChannel, configuration: ClientConfiguration, trace: FrameTrace? = nil) {
        self.channel = channel
        self.configuration = configuration
        self.trace = trace
        self.session = ClientSession(configuration: configuration)
        if case .low(let password) = configuration.authentication { secret = password } else { secret = nil }
    }

    /// What the association settled, once open.
    public var association: AssociationInfo? { session.association }

    /// Connects the link (SNRM/UA) and opens the association (AARQ/AARE).
    public func open() async throws(DLMSConnectionError) -> AssociationInfo {
        let actions = session.connect()
        switch try await run(actions) {
        case .associated(let info)?: return info
        case let other: throw unexpected(other)
        }
    }

    /// Reads attributes: one result per attribute, in order (GET-with-list, blocks as needed).
    public func get(_ attributes: [AttributeWithAccess]) async throws(DLMSConnectionError) -> [GetDataResult] {
        guard case .get(let results) = try await request(.get(attributes)) else { throw unexpected(nil) }
        return results
    }

    /// Writes one attribute.
    public func set(_ attribute: CosemAttributeDescriptor, _ value: DLMSData) async throws(DLMSConnectionError) -> DataAccessResult {
        guard case .set(let result) = try await request(.set(attribute, value)) else { throw unexpected(nil) }
        return result
    }

    /// Invokes a method.
    public func action(_ method: CosemMethodDescriptor, _ parameters: DLMSData?) async throws(DLMSConnectionError) -> ActionResponseWithOptionalData {
        guard case .action(let result) = try await request(.action(method, parameters: parameters)) else { throw unexpected(nil) }
        return result
    }

    /// Releases the association (RLRQ), disconnects the link (DISC) and closes the channel.
    /// Bounded in time: the session gives up after its own tries (at most
    /// (`maxAttempts` + 1) × `responseTimeout`), and a failed channel ends it at once.
    public func close() async {
        if !session.isClosed {
            let actions = session.isAssociated ? session.release() : session.disconnect()
            _ = try? await run(actions, untilClosed: true, cancellable: false)
        }
        await channel.close()
    }

    // MARK: - Driving the session

    private func request(_ request: ClientRequest) async throws(DLMSConnectionError) -> ClientResponse {
        let actions = session.request(request)
        switch try await run(actions) {
        case .deliver(let response)?: return response
        case let other: throw unexpected(other)
        }
    }

    private func unexpected(_ outcome: ClientAction?) -> DLMSConnectionError {
        switch outcome {
        case .fail(let e)?, .requestFailed(let e)?: return .dlms(e)
        default: return .dlms(.illegalTransition(event: "\(outcome.map { "\($0)" } ?? "none")", state: "driver"))
        }
    }

    /// Performs actions and feeds the session until it delivers an outcome
    /// (`.associated`, `.deliver`, `.requestFailed`, `.fail`) — or, with `untilClosed`,
    /// until the session is over. Returns nil when there is nothing left to wait for.
    private func run(_ initial: [ClientAction], untilClosed: Bool = false,
                     cancellable: Bool = true) async throws(DLMSConnectionError) -> ClientAction? {
        var pending = initial
        var outcome: ClientAction?
        var toldCancel = false
        while true {
            for action in pending {
                switch action {
                case .send(let bytes):
                    try await send(bytes)
                case .startTimer(let duration):
                    deadline = ContinuousClock.now.advanced(by: duration)
                case .stopTimer:
                    deadline = nil
                case .associated, .deliver, .requestFailed, .fail:
                    if outcome == nil { outcome = action }
                case .blockReceived, .released, .disconnected:
                    break
                }
            }
            pending = []
            if untilClosed {
                if session.isClosed { return outcome }
            } else if let outcome {
                return outcome
            }
            if cancellable, !toldCancel, Task.isCancelled {
                toldCancel = true
                pending = session.cancel()
                continue
            }
            guard let deadline else { return outcome }   // nothing more will come
            let now = ContinuousClock.now
            if now >= deadline {
                self.deadline = nil
                pending = session.timerFired()
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try await channel.read(atMost: 4096, timeout: min(deadline - now, Self.readSlice))
            } catch .timedOut {
                continue
            } catch {
                self.deadline = nil
                throw .transport(error)
            }
            traceReceived(bytes)
            pending = session.bytesReceived(bytes)
        }
    }

    private func send(_ bytes: [UInt8]) async throws(DLMSConnectionError) {
        // Until the association is up, frames may carry pieces of the AARQ's password.
        trace?.record(.sent, bytes, masking: secret, splitAcrossFrames: !session.isAssociated)
        do { try await channel.write(bytes) } catch {
            deadline = nil
            throw .transport(error)
        }
    }

    private func traceReceived(_ bytes: [UInt8]) {
        guard let trace else { return }
        if configuration.framing == .wrapper {      // one line per wrapper PDU
            traceWrapper.append(bytes)
            while let pdu = try? traceWrapper.decode() {
                trace.record(.received, WrapperCodec.encode(pdu) ?? pdu.apdu, masking: nil)
            }
            return
        }
        traceDecoder.append(bytes)
        while let event = traceDecoder.next() {
            switch event {
            case .frame(_, let raw), .invalid(_, let raw):
                trace.record(.received, raw, masking: nil)
            }
        }
    }
}
