import DLMS

/// The ES-951's application layer, pure: APDUs in, APDUs out, for any number of
/// connections sharing one ``DeviceState``. The HDLC side (``ServerSession``) hands it
/// each complete request with the client's SAP; it answers with the APDU to send.
///
/// - AARQ → AARE: client 16 without authentication (NLS), 32 and 48 with LLS and the
///   right password; diagnostics 13 (wrong password), 12 (LLS client without
///   authentication), 11 (public client with LLS), 1 (unknown client). PROTOCOL.md §3.
/// - GET normal / next / with-list, with GET-Response-With-Datablock when the answer is
///   longer than the negotiated PDU (min(client's, 1024)); SET normal and in blocks;
///   ACTION normal and in blocks; RLRQ → RLRE; exception-response otherwise.
/// - Access from the object table: NLS reads only (the point selector excepted).
public struct ServerApplication: Sendable {
    public static let serverMaxPDU: UInt16 = 1024
    public static let conformance: Conformance = [
        .get, .set, .action, .selectiveAccess, .blockTransferWithGet, .blockTransferWithSet,
        .blockTransferWithAction, .multipleReferences,
    ]
    /// Client SAPs the device knows: public (NLS), reader and configurator (LLS).
    public static let publicClient: UInt16 = 16
    public static let llsClients: Set<UInt16> = [32, 48]

    /// What one association holds.
    public struct Association: Sendable {
        public var client: UInt16
        public var authenticated: Bool
        /// The metering point chosen by 1/0.0.94.7.137.255/2; each association starts at 1.
        public var point: UInt16 = 1
        /// min(client's max receive PDU, 1024).
        public var maxPDU: Int
        public var conformance: Conformance
        /// The logical address when the association was made (a serial written now
        /// changes it from the next association on).
        public var logicalAddress: UInt16
        var mechanism: MechanismName?
        var pendingGet: PendingBlocks?
        var pendingSet: PendingWrite?
        var pendingAction: PendingWrite?
    }

    struct PendingBlocks: Sendable { var blocks: [[UInt8]]; var sent: Int }
    /// SET or ACTION parameters arriving in blocks.
    struct PendingWrite: Sendable {
        var attribute: CosemAttributeDescriptor?
        var method: CosemMethodDescriptor?
        var raw: [UInt8]
        var lastBlock: UInt32
    }

    /// One served request, for the log line.
    public struct Summary: Sendable, Equatable {
        public var client: UInt16
        public var service: String
        public var object: String
        public var result: String
        public var requestBytes: Int
        public var responseBytes: Int
        public var line: String {
            "client \(client) \(service) \(object) -> \(result) (\(requestBytes)/\(responseBytes) bytes)"
        }
    }

    public var device: DeviceState
    public private(set) var associations: [Int: Association] = [:]
    /// What the last ``handle(_:client:now:connection:)`` did.
    public private(set) var lastSummary: Summary?
    // Hostile-device hook (es951-sim --answer, --hostile; HostileApplication.swift): empty,
    // the device as it is; long hostile GETs in progress by connection.
    public var hostile = HostileBehaviour()
    var hostileGets: [Int: HostileGet] = [:]

    public init(device: DeviceState) { self.device = device }

    public func association(_ connection: Int = 0) -> Association? { associations[connection] }

    /// The link of `connection` went down: its association ends.
    public mutating func disconnected(connection: Int = 0) {
        associations[connection] = nil
        hostileGets[connection] = nil   // hostile-device hook
    }

    /// Answers one request APDU from `client` on `connection`.
    public mutating func handle(_ bytes: [UInt8], client: UInt16, now: HostTime, connection: Int = 0) -> [UInt8] {
        // Hostile-device hook (HostileApplication.swift): nil unless `hostile` changes this answer.
        if let (answer, summary) = hostileAnswer(bytes, client: client, now: now, connection: connection) {
            lastSummary = summary
            return answer
        }
        var summary = Summary(client: client, service: "?", object: "-", result: "-", requestBytes: bytes.count, responseBytes: 0)
        let response: APDU
        do {
            let apdu = try APDU(decoding: bytes)
            response = answer(apdu, client: client, now: now, connection: connection, summary: &summary)
        } catch {
            summary.service = "undecodable"
            summary.result = "exception"
            response = .exceptionResponse(ExceptionResponse(stateError: 2, serviceError: 3))
        }
        let encoded = response.encoded()
        summary.responseBytes = encoded.count
        lastSummary = summary
        return encoded
    }

    private mutating func answer(_ apdu: APDU, client: UInt16, now: HostTime, connection: Int,
                                 summary: inout Summary) -> APDU {
        if case .aarq(let aarq) = apdu {
            summary.service = "AARQ"
            let aare = associate(aarq, client: client, connection: connection)
            summary.result = aare.result == .accepted ? "accepted" : "rejected \(aare.diagnostic)"
            return .aare(aare)
        }
        if case .releaseRequest = apdu {
            summary.service = "RLRQ"
            summary.result = "released"
            associations[connection] = nil
            return .releaseResponse(ReleaseResponse(reason: 0))
        }
        guard var association = associations[connection], association.client == client else {
            summary.service = "request without association"
            summary.result = "exception"
            return .exceptionResponse(ExceptionResponse(stateError: 1, serviceError: 1))
        }
        defer { associations[connection] = association }
        var context = ReadContext(client: client, point: Int(association.point), logicalAddress: association.logicalAddress,
                                  conformance: association.conformance, maxPDU: association.maxPDU,
                                  mechanism: association.mechanism, now: now)
        switch apdu {
        case .getRequest(let request):
            return .getResponse(get(request, association: &association, context: &context, summary: &summary))
        case .setRequest(let request):
            return .setResponse(set(request, association: &association, now: now, summary: &summary))
        case .actionRequest(let request):
            return .actionResponse(action(request, association: &association, now: now, summary: &summary))
        default:
            summary.service = "unsupported"
            summary.result = "exception"
            return .exceptionResponse(ExceptionResponse(stateError: 1, serviceError: 2))
        }
    }

    // MARK: - Association

    private mutating func associate(_ aarq: AARQ, client: UInt16, connection: Int) -> AARE {
        associations[connection] = nil
        func reject(_ diagnostic: UInt8) -> AARE {
            AARE(result: .rejectedPermanent, diagnostic: .serviceUser(diagnostic), userInformation: nil)
        }
        guard client == Self.publicClient || Self.llsClients.contains(client) else { return reject(1) }
        guard aarq.applicationContext == .logicalName else { return reject(2) }
        let mechanism = aarq.mechanism == MechanismName.none ? nil : aarq.mechanism
        if client == Self.publicClient {
            guard mechanism == nil else { return reject(11) }
        } else {
            switch mechanism {
            case nil: return reject(12)
            case .low?:
                guard let password = device.passwords[client], aarq.authenticationValue == password else { return reject(13) }
            default: return reject(11)
            }
        }
        guard let initiate = aarq.userInformation else { return reject(1) }
        guard initiate.proposedDLMSVersion >= 6 else {
            return AARE(result: .rejectedPermanent, diagnostic: .serviceUser(1),
                        userInformation: .confirmedServiceError(ConfirmedServiceError(service: 1, errorTag: 6, value: 1)))
        }
        let conformance = initiate.proposedConformance.intersection(Self.conformance)
        let clientMax = Int(initiate.clientMaxReceivePDUSize)
        let maxPDU = min(clientMax == 0 ? Int(Self.serverMaxPDU) : max(clientMax, 64), Int(Self.serverMaxPDU))
        associations[connection] = Association(client: client, authenticated: mechanism != nil, maxPDU: maxPDU,
                                               conformance: conformance, logicalAddress: device.logicalAddress,
                                               mechanism: mechanism)
        return AARE(result: .accepted, diagnostic: .serviceUser(0), mechanism: nil,
                    userInformation: .initiateResponse(InitiateResponse(negotiatedConformance: conformance,
                                                                        serverMaxReceivePDUSize: Self.serverMaxPDU)))
    }

    // MARK: - Access

    private func lookup(classID: UInt16, obis: OBISCode) -> Result<ObjectTable.Object, AccessError> {
        if let object = device.objects.object(classID: classID, obis: obis) { return .success(object) }
        return .failure(AccessError(device.objects.object(obis) == nil ? .objectUndefined : .objectClassInconsistent))
    }

    /// Reads one attribute for this association, access checks included.
    mutating func read(_ d: CosemAttributeDescriptor, access: SelectiveAccess?, context: ReadContext) -> GetDataResult {
        let object: ObjectTable.Object
        switch lookup(classID: d.classID, obis: d.instance) {
        case .success(let o): object = o
        case .failure(let e): return .error(e.result)
        }
        guard let attribute = object.attribute(d.attribute) else { return .error(.objectUndefined) }
        guard attribute.read.contains(UInt8(truncatingIfNeeded: context.client)) else { return .error(.readWriteDenied) }
        if access != nil, !(d.classID == 7 && d.attribute == 2) { return .error(.objectUnavailable) }
        switch device.read(d, object: object, writeOnly: attribute.writeOnly, access: access, context: context) {
        case .success(let value): return .data(value)
        case .failure(let e): return .error(e.result)
        }
    }

    // MARK: - GET

    private mutating func get(_ request: GetRequest, association: inout Association, context: inout ReadContext,
                              summary: inout Summary) -> GetResponse {
        switch request {
        case .normal(let invokeID, let attribute, let access):
            summary.service = access == nil ? "GET" : "GET(selective)"
            summary.object = attribute.description
            association.pendingGet = nil
            let result = read(attribute, access: access, context: context)
            let response = GetResponse.normal(invokeID: invokeID, result: result)
            summary.result = Self.describe(result)
            guard case .data(let value) = result, APDU.getResponse(response).encoded().count > association.maxPDU else {
                return response
            }
            return firstBlock(value.encoded, invokeID: invokeID, association: &association, summary: &summary)
        case .withList(let invokeID, let attributes):
            summary.service = "GET-with-list"
            summary.object = "\(attributes.count) attributes"
            association.pendingGet = nil
            let results = attributes.map { read($0.attribute, access: $0.access, context: context) }
            summary.result = "\(results.filter { if case .data = $0 { true } else { false } }.count) ok"
            let response = GetResponse.withList(invokeID: invokeID, results: results)
            guard APDU.getResponse(response).encoded().count > association.maxPDU else { return response }
            var writer = ByteWriter()
            writer.writeLength(results.count)
            for result in results {
                switch result {
                case .data(let value): writer.write(UInt8(0)); value.encode(into: &writer)
                case .error(let dar): writer.write(UInt8(1)); writer.write(dar.rawValue as UInt8)
                }
            }
            return firstBlock(writer.bytes, invokeID: invokeID, association: &association, summary: &summary)
        case .next(let invokeID, let number):
            summary.service = "GET-next"
            summary.object = "block \(number)"
            guard var pending = association.pendingGet else {
                summary.result = "no long get"
                return .withDataBlock(invokeID: invokeID, block: DataBlockG(lastBlock: true, blockNumber: number &+ 1,
                                                                            result: .error(.noLongGetInProgress)))
            }
            guard number == UInt32(pending.sent), pending.sent < pending.blocks.count else {
                association.pendingGet = nil
                summary.result = "block number invalid"
                return .withDataBlock(invokeID: invokeID, block: DataBlockG(lastBlock: true, blockNumber: number &+ 1,
                                                                            result: .error(.dataBlockNumberInvalid)))
            }
            let raw = pending.blocks[pending.sent]
            pending.sent += 1
            let last = pending.sent == pending.blocks.count
            association.pendingGet = last ? nil : pending
            summary.result = "block \(pending.sent)/\(pending.blocks.count)"
            return .withDataBlock(invokeID: invokeID, block: DataBlockG(lastBlock: last, blockNumber: UInt32(pending.sent),
                                                                        result: .raw(raw)))
        }
    }

    private func blockSize(_ association: Association) -> Int { max(16, association.maxPDU - 12) }

    private mutating func firstBlock(_ raw: [UInt8], invokeID: InvokeIDAndPriority, association: inout Association,
                                     summary: inout Summary) -> GetResponse {
        let blocks = BlockTransfer.blocks(of: raw, maxBlockSize: blockSize(association))
        association.pendingGet = blocks.count > 1 ? PendingBlocks(blocks: blocks, sent: 1) : nil
        summary.result += " in \(blocks.count) blocks"
        return .withDataBlock(invokeID: invokeID, block: DataBlockG(lastBlock: blocks.count == 1, blockNumber: 1,
                                                                    result: .raw(blocks[0])))
    }

    static func describe(_ result: GetDataResult) -> String {
        switch result {
        case .data: "ok"
        case .error(let dar): "error \(dar.rawValue)"
        }
    }

    // MARK: - SET

    private mutating func set(_ request: SetRequest, association: inout Association, now: HostTime,
                              summary: inout Summary) -> SetResponse {
        switch request {
        case .normal(let invokeID, let attribute, let access, let value):
            summary.service = "SET"
            summary.object = attribute.description
            association.pendingSet = nil
            let result = access == nil ? write(attribute, value, association: &association, now: now) : .objectUnavailable
            summary.result = Self.describe(result)
            return .normal(invokeID: invokeID, result: result)
        case .withFirstDataBlock(let invokeID, let attribute, _, let block):
            summary.service = "SET-first-block"
            summary.object = attribute.description
            association.pendingSet = PendingWrite(attribute: attribute, raw: block.raw, lastBlock: block.blockNumber)
            return setBlock(invokeID: invokeID, block: block, association: &association, now: now, summary: &summary)
        case .withDataBlock(let invokeID, let block):
            summary.service = "SET-block"
            guard var pending = association.pendingSet, block.blockNumber == pending.lastBlock &+ 1 else {
                association.pendingSet = nil
                summary.result = "no long set / block number"
                return .lastDataBlock(invokeID: invokeID, result: association.pendingSet == nil ? .noLongSetInProgress : .dataBlockNumberInvalid,
                                      blockNumber: block.blockNumber)
            }
            summary.object = pending.attribute?.description ?? "-"
            pending.raw += block.raw
            pending.lastBlock = block.blockNumber
            association.pendingSet = pending
            return setBlock(invokeID: invokeID, block: block, association: &association, now: now, summary: &summary)
        case .withList(let invokeID, let attributes, let values):
            summary.service = "SET-with-list"
            summary.object = "\(attributes.count) attributes"
            association.pendingSet = nil
            guard attributes.count == values.count else {
                return .withList(invokeID: invokeID, results: attributes.map { _ in .otherReason })
            }
            let results = zip(attributes, values).map { pair in
                pair.0.access == nil ? write(pair.0.attribute, pair.1, association: &association, now: now) : .objectUnavailable
            }
            summary.result = results.map { String($0.rawValue) }.joined(separator: ",")
            return .withList(invokeID: invokeID, results: results)
        case .withListAndFirstDataBlock(let invokeID, let attributes, let block):
            summary.service = "SET-with-list-blocks"
            summary.result = "unsupported"
            return .lastDataBlockWithList(invokeID: invokeID, results: attributes.map { _ in .otherReason },
                                          blockNumber: block.blockNumber)
        }
    }

    private mutating func setBlock(invokeID: InvokeIDAndPriority, block: DataBlockSA, association: inout Association,
                                   now: HostTime, summary: inout Summary) -> SetResponse {
        guard block.lastBlock else {
            summary.result = "block \(block.blockNumber) taken"
            return .dataBlock(invokeID: invokeID, blockNumber: block.blockNumber)
        }
        let pending = association.pendingSet
        association.pendingSet = nil
        guard let pending, let attribute = pending.attribute, let value = try? DLMSData(decoding: pending.raw) else {
            summary.result = "type unmatched"
            return .lastDataBlock(invokeID: invokeID, result: .typeUnmatched, blockNumber: block.blockNumber)
        }
        let result = write(attribute, value, association: &association, now: now)
        summary.result = Self.describe(result)
        return .lastDataBlock(invokeID: invokeID, result: result, blockNumber: block.blockNumber)
    }

    static func describe(_ result: DataAccessResult) -> String {
        result == .success ? "ok" : "error \(result.rawValue)"
    }

    /// Writes one attribute for this association, access checks included.
    mutating func write(_ d: CosemAttributeDescriptor, _ value: DLMSData, association: inout Association,
                        now: HostTime) -> DataAccessResult {
        let object: ObjectTable.Object
        switch lookup(classID: d.classID, obis: d.instance) {
        case .success(let o): object = o
        case .failure(let e): return e.result
        }
        guard let attribute = object.attribute(d.attribute) else { return .objectUndefined }
        guard attribute.write.contains(UInt8(truncatingIfNeeded: association.client)) else { return .readWriteDenied }
        if device.refusedWrites.contains(d) { return .temporaryFailure }
        if d.classID == 1, object.key == .pointSelector, d.attribute == 2 {
            let point: Int
            switch value {
            case .longUnsigned(let v): point = Int(v)
            case .unsigned(let v): point = Int(v)
            case .doubleLongUnsigned(let v): point = Int(v)
            default: return .typeUnmatched
            }
            guard point <= device.pointCount else { return .otherReason }
            association.point = UInt16(point)
            return .success
        }
        if d.classID == 15, object.key == .associationCurrent, d.attribute == 7 {
            guard case .octetString(let secret) = value else { return .typeUnmatched }
            guard !secret.isEmpty, Self.llsClients.contains(association.client) else { return .otherReason }
            device.passwords[association.client] = secret
            return .success
        }
        return device.write(d, key: object.key, value, now: now)
    }

    // MARK: - ACTION

    private mutating func action(_ request: ActionRequest, association: inout Association, now: HostTime,
                                 summary: inout Summary) -> ActionResponse {
        func normal(_ invokeID: InvokeIDAndPriority, _ result: ActionResult) -> ActionResponse {
            summary.result = Self.describe(result)
            return .normal(invokeID: invokeID, response: ActionResponseWithOptionalData(result: result))
        }
        switch request {
        case .normal(let invokeID, let method, let parameters):
            summary.service = "ACTION"
            summary.object = method.description
            association.pendingAction = nil
            return normal(invokeID, invoke(method, parameters, association: association, now: now))
        case .withList(let invokeID, let methods, let parameters):
            summary.service = "ACTION-with-list"
            summary.object = "\(methods.count) methods"
            let results = methods.enumerated().map { i, m in
                ActionResponseWithOptionalData(result: invoke(m, i < parameters.count ? parameters[i] : nil,
                                                              association: association, now: now))
            }
            return .withList(invokeID: invokeID, responses: results)
        case .withFirstPBlock(let invokeID, let method, let block):
            summary.service = "ACTION-first-block"
            summary.object = method.description
            association.pendingAction = PendingWrite(method: method, raw: block.raw, lastBlock: block.blockNumber)
            return actionBlock(invokeID, block, association: &association, now: now, summary: &summary)
        case .withPBlock(let invokeID, let block):
            summary.service = "ACTION-block"
            guard var pending = association.pendingAction, block.blockNumber == pending.lastBlock &+ 1 else {
                association.pendingAction = nil
                return normal(invokeID, .dataBlockNumberInvalid)
            }
            summary.object = pending.method?.description ?? "-"
            pending.raw += block.raw
            pending.lastBlock = block.blockNumber
            association.pendingAction = pending
            return actionBlock(invokeID, block, association: &association, now: now, summary: &summary)
        case .nextPBlock(let invokeID, _), .withListAndFirstPBlock(let invokeID, _, _):
            summary.service = "ACTION-other"
            association.pendingAction = nil
            return normal(invokeID, .otherReason)
        }
    }

    private mutating func actionBlock(_ invokeID: InvokeIDAndPriority, _ block: DataBlockSA, association: inout Association,
                                      now: HostTime, summary: inout Summary) -> ActionResponse {
        guard block.lastBlock else {
            summary.result = "block \(block.blockNumber) taken"
            return .nextPBlock(invokeID: invokeID, blockNumber: block.blockNumber)
        }
        let pending = association.pendingAction
        association.pendingAction = nil
        let result: ActionResult
        if let pending, let method = pending.method, let parameters = try? DLMSData(decoding: pending.raw) {
            result = invoke(method, parameters, association: association, now: now)
        } else {
            result = .typeUnmatched
        }
        summary.result = Self.describe(result)
        return .normal(invokeID: invokeID, response: ActionResponseWithOptionalData(result: result))
    }

    /// Calls one method for this association, access checks included.
    mutating func invoke(_ m: CosemMethodDescriptor, _ parameters: DLMSData?, association: Association,
                         now: HostTime) -> ActionResult {
        let object: ObjectTable.Object
        switch lookup(classID: m.classID, obis: m.instance) {
        case .success(let o): object = o
        case .failure(let e): return e.result
        }
        guard let method = object.method(m.method) else { return .objectUndefined }
        guard method.access.contains(UInt8(truncatingIfNeeded: association.client)) else { return .readWriteDenied }
        return device.invoke(m, key: object.key, parameters, point: Int(association.point), now: now)
    }
}
