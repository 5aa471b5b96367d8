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
/// Bounds: every request has a byte limit and a deadline from the size the caller
/// expects (``ResponseBound``): at most four times that many bytes, and three times its
/// wire time plus the session's own tries. An answer that keeps coming past either, or a
/// cancel the session cannot take at an APDU boundary within a response timeout (an
/// endless segmented answer), drops the link (DISC) and fails the request. ``close()``
/// takes at most ``closeLimit`` whatever the device does.
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
    /// Attributes a map marks secret, beside ``SecretAttributes``'s rule.
    private var secretAttributes: Set<CosemAttributeDescriptor> = []
    /// True while a request touching a secret runs: its frames' information is masked.
    private var maskingRequest = false
    static let readSlice: Duration = .milliseconds(100)
    /// Bytes a second the line carries (for the deadline of a request).
    public nonisolated let lineBytesPerSecond: Double
    /// The whole of ``close()``: release and disconnect, however the device answers.
    public static let closeLimit: Duration = .milliseconds(1500)

    /// - Parameter lineBytesPerSecond: the line's speed (baud ÷ 10); nil assumes a slow
    ///   one (960, a 9600-baud line or a GPRS modem), so deadlines err long.
    public init(channel: any ByteChannel, configuration: ClientConfiguration, trace: FrameTrace? = nil,
                lineBytesPerSecond: Double? = nil) {
        self.channel = channel
        self.configuration = configuration
        self.trace = trace
        self.lineBytesPerSecond = max(1, lineBytesPerSecond ?? 960)
        self.session = ClientSession(configuration: configuration)
        if case .low(let password) = configuration.authentication { secret = password } else { secret = nil }
    }

    /// Marks more attributes secret (a map's write-only ones): requests that read or
    /// write them are masked in the trace like the built-in ones.
    public func markSecret(_ attributes: some Sequence<CosemAttributeDescriptor>) {
        secretAttributes.formUnion(attributes)
    }

    func isSecret(_ request: ClientRequest) -> Bool {
        switch request {
        case .get(let attributes):
            return attributes.contains { SecretAttributes.isSecret($0.attribute) || secretAttributes.contains($0.attribute) }
        case .set(let attribute, _):
            return SecretAttributes.isSecret(attribute) || secretAttributes.contains(attribute)
        case .action(let method, _):
            return SecretAttributes.isSecret(method)
        }
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
    /// `bound` is how large the answer may reasonably be (default: one PDU's worth).
    public func get(_ attributes: [AttributeWithAccess], bound: ResponseBound = .default) async throws(DLMSConnectionError) -> [GetDataResult] {
        guard case .get(let results) = try await request(.get(attributes), bound: bound) else { throw unexpected(nil) }
        return results
    }

    /// Writes one attribute.
    public func set(_ attribute: CosemAttributeDescriptor, _ value: DLMSData) async throws(DLMSConnectionError) -> DataAccessResult {
        let bound = ResponseBound(expectedBytes: max(ResponseBound.default.expectedBytes, value.encoded.count))
        guard case .set(let result) = try await request(.set(attribute, value), bound: bound) else { throw unexpected(nil) }
        return result
    }

    /// Invokes a method.
    public func action(_ method: CosemMethodDescriptor, _ parameters: DLMSData?) async throws(DLMSConnectionError) -> ActionResponseWithOptionalData {
        let bound = ResponseBound(expectedBytes: max(ResponseBound.default.expectedBytes, parameters?.encoded.count ?? 0))
        guard case .action(let result) = try await request(.action(method, parameters: parameters), bound: bound) else { throw unexpected(nil) }
        return result
    }

    /// Releases the association (RLRQ), disconnects the link (DISC) and closes the channel.
    /// Takes at most ``closeLimit``: a device that ignores the release or the DISC holds
    /// nobody up after the work is done (it leaves the association on its own inactivity
    /// timeout, and the next SNRM resets the link).
    public func close() async {
        if !session.isClosed {
            let actions = session.isAssociated ? session.release() : session.disconnect()
            _ = try? await run(actions, untilClosed: true, cancellable: false,
                               limit: Limit(bytes: ResponseBound.default.expectedBytes * 4,
                                            deadline: ContinuousClock.now.advanced(by: Self.closeLimit)))
            // Out of time before the release was answered (a slow modem, a device that
            // ignores it): a DISC still goes out, unanswered, so the device leaves NRM.
            if !session.isClosed {
                for case .send(let bytes) in session.disconnect() { try? await send(bytes) }
            }
        }
        await channel.close()
    }

    // MARK: - Driving the session

    /// What one request may take: bytes received and a time to be done by.
    struct Limit {
        var bytes: Int
        var deadline: ContinuousClock.Instant
    }

    /// The limit for an answer of about `bound.expectedBytes`: four times the bytes, and
    /// three times their wire time on top of the session's own tries for silences.
    func limit(for bound: ResponseBound) -> Limit {
        let expected = max(1, bound.expectedBytes)
        let (bytes, overflow) = expected.multipliedReportingOverflow(by: 4)
        let wire = Double(expected) / lineBytesPerSecond * 3
        let silences = configuration.responseTimeout * configuration.maxAttempts
        return Limit(bytes: overflow ? Int.max : bytes,
                     deadline: ContinuousClock.now.advanced(by: silences + .milliseconds(Int64(min(wire, 86_400) * 1000))))
    }

    private func request(_ request: ClientRequest, bound: ResponseBound) async throws(DLMSConnectionError) -> ClientResponse {
        maskingRequest = isSecret(request)
        defer { maskingRequest = false }
        let actions = session.request(request)
        switch try await run(actions, limit: limit(for: bound)) {
        case .deliver(let response)?: return response
        case let other: throw unexpected(other)
        }
    }

    /// Drops the link (DISC, one short wait) after a request went past its limits, and
    /// the request fails with `error`.
    private func abandon(_ error: DLMSError) async -> ClientAction {
        let actions = session.disconnect()
        _ = try? await run(actions, untilClosed: true, cancellable: false,
                           limit: Limit(bytes: ResponseBound.default.expectedBytes * 4,
                                        deadline: ContinuousClock.now.advanced(by: .seconds(1))))
        return .requestFailed(error)
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
                     cancellable: Bool = true, limit: Limit? = nil) async throws(DLMSConnectionError) -> ClientAction? {
        var pending = initial
        var outcome: ClientAction?
        var toldCancel = false
        var cancelGrace: ContinuousClock.Instant?
        var received = 0
        let started = ContinuousClock.now
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
                cancelGrace = ContinuousClock.now.advanced(by: min(configuration.responseTimeout, .seconds(2)))
                pending = session.cancel()
                continue
            }
            guard let deadline else { return outcome }   // nothing more will come
            let now = ContinuousClock.now
            if let cancelGrace, now >= cancelGrace {
                // The session could not stop at an APDU boundary (an answer without end).
                return untilClosed ? outcome : await abandon(.cancelled)
            }
            if let limit {
                if now >= limit.deadline {
                    if untilClosed { return outcome }
                    let seconds = Int((now - started).components.seconds)
                    return await abandon(.responseDeadline(seconds: seconds))
                }
                if received > limit.bytes {
                    return untilClosed ? outcome : await abandon(.responseTooLong(limit: limit.bytes))
                }
            }
            if now >= deadline {
                self.deadline = nil
                pending = session.timerFired()
                continue
            }
            let bytes: [UInt8]
            do {
                var wait = min(deadline - now, Self.readSlice)
                if let limit { wait = min(wait, max(.milliseconds(1), limit.deadline - now)) }
                bytes = try await channel.read(atMost: 4096, timeout: wait)
            } catch .timedOut {
                continue
            } catch {
                self.deadline = nil
                throw .transport(error)
            }
            received += bytes.count
            try traceReceived(bytes)
            pending = session.bytesReceived(bytes)
        }
    }

    private func send(_ bytes: [UInt8]) async throws(DLMSConnectionError) {
        // Until the association is up, frames may carry pieces of the AARQ's password.
        if let trace {
            if maskingRequest {
                trace.record(.sent, FrameTrace.maskingInformation(bytes), masking: nil)
            } else {
                trace.record(.sent, bytes, masking: secret, splitAcrossFrames: !session.isAssociated)
            }
            try checkTrace(trace)
        }
        do { try await channel.write(bytes) } catch {
            deadline = nil
            throw .transport(error)
        }
    }

    private func traceReceived(_ bytes: [UInt8]) throws(DLMSConnectionError) {
        guard let trace else { return }
        let mask = maskingRequest
        if configuration.framing == .wrapper {      // one line per wrapper PDU
            traceWrapper.append(bytes)
            while let pdu = try? traceWrapper.decode() {
                let raw = WrapperCodec.encode(pdu) ?? pdu.apdu
                trace.record(.received, mask ? FrameTrace.maskingInformation(raw) : raw, masking: nil)
            }
            try checkTrace(trace)
            return
        }
        traceDecoder.append(bytes)
        while let event = traceDecoder.next() {
            switch event {
            case .frame(_, let raw), .invalid(_, let raw):
                trace.record(.received, mask ? FrameTrace.maskingInformation(raw) : raw, masking: nil)
            }
        }
        try checkTrace(trace)
    }

    /// A trace asked for and not written stops the connection: the engineer would lose
    /// the record without knowing.
    private func checkTrace(_ trace: FrameTrace) throws(DLMSConnectionError) {
        if let code = trace.writeFailure {
            deadline = nil
            throw .traceFailed(path: trace.path ?? "", errno: code)
        }
    }
}

/// How large an answer a request expects, for its byte limit and deadline: what the
/// device itself declared where known (entries in use × a row's size), else one PDU.
public struct ResponseBound: Sendable, Equatable {
    public var expectedBytes: Int
    public init(expectedBytes: Int) { self.expectedBytes = max(1, expectedBytes) }
    /// One PDU of 64 kB: what an answer without a declared size can fill.
    public static let `default` = ResponseBound(expectedBytes: 0x1_0000)
}
