/// GET, SET and ACTION on an open association: GET-with-list chunking, block transfer
/// both ways, result assembly. (Green Book §9.4.6: service primitives and block transfer.)
extension ClientSession {
    /// The request in flight and where it stands.
    struct Operation: Sendable {
        enum Kind: Sendable {
            /// Attributes grouped into requests; results gathered in order.
            case get(chunks: [[AttributeWithAccess]], index: Int, results: [GetDataResult])
            /// Blocks of an encoded value to send (nil: one normal request).
            case set(blocks: [[UInt8]]?, sent: Int)
            case action(blocks: [[UInt8]]?, sent: Int)
        }
        var kind: Kind
        var invokeID: InvokeIDAndPriority
        /// Raw data of a long response, block by block.
        var received: [UInt8] = []
        var expectedBlock: UInt32 = 1
    }

    /// The largest APDU the server accepts (0 in the AARE means no limit was stated).
    var serverMaxPDU: Int {
        let stated = Int(association?.serverMaxReceivePDUSize ?? 0)
        return stated == 0 ? 0xFFFF : stated
    }

    var conformance: Conformance { association?.conformance ?? [] }

    mutating func start(_ request: ClientRequest) -> [ClientAction] {
        let invokeID = takeInvokeID()
        switch request {
        case .get(let attributes):
            guard !attributes.isEmpty else { return [.deliver(.get([]))] }
            let chunks = chunked(attributes, invokeID: invokeID)
            operation = Operation(kind: .get(chunks: chunks, index: 0, results: []), invokeID: invokeID)
            markBusy()
            return sendGet(chunks[0])
        case .set(let attribute, let value):
            let normal = APDU.setRequest(.normal(invokeID: invokeID, attribute: attribute, access: nil, value: value))
            let bytes = normal.encoded()
            markBusy()
            guard bytes.count > serverMaxPDU, conformance.contains(.blockTransferWithSet) else {
                operation = Operation(kind: .set(blocks: nil, sent: 0), invokeID: invokeID)
                return sendAPDU(normal)
            }
            // Header of SET-Request-With-First-Datablock: C1 02 inv, descriptor (9), access
            // flag, last, block number (4), length (≤ 5).
            let blocks = Self.split(value.encoded, blockSize: max(16, serverMaxPDU - 24))
            operation = Operation(kind: .set(blocks: blocks, sent: 1), invokeID: invokeID)
            return sendAPDU(.setRequest(.withFirstDataBlock(
                invokeID: invokeID, attribute: attribute, access: nil,
                block: DataBlockSA(lastBlock: blocks.count == 1, blockNumber: 1, raw: blocks[0]))))
        case .action(let method, let parameters):
            let normal = APDU.actionRequest(.normal(invokeID: invokeID, method: method, parameters: parameters))
            let bytes = normal.encoded()
            markBusy()
            guard let parameters, bytes.count > serverMaxPDU, conformance.contains(.blockTransferWithAction) else {
                operation = Operation(kind: .action(blocks: nil, sent: 0), invokeID: invokeID)
                return sendAPDU(normal)
            }
            let blocks = Self.split(parameters.encoded, blockSize: max(16, serverMaxPDU - 24))
            operation = Operation(kind: .action(blocks: blocks, sent: 1), invokeID: invokeID)
            return sendAPDU(.actionRequest(.withFirstPBlock(
                invokeID: invokeID, method: method,
                block: DataBlockSA(lastBlock: blocks.count == 1, blockNumber: 1, raw: blocks[0]))))
        }
    }

    /// Groups attributes into GET requests: one list per chunk when the association
    /// allows multiple references, each chunk within the server's PDU and the list limit.
    private func chunked(_ attributes: [AttributeWithAccess], invokeID: InvokeIDAndPriority) -> [[AttributeWithAccess]] {
        guard attributes.count > 1, conformance.contains(.multipleReferences), !listsRefused else {
            return attributes.map { [$0] }
        }
        var chunks: [[AttributeWithAccess]] = []
        var current: [AttributeWithAccess] = []
        for attribute in attributes {
            let candidate = current + [attribute]
            let size = APDU.getRequest(.withList(invokeID: invokeID, attributes: candidate)).encoded().count
            if !current.isEmpty, size > serverMaxPDU || candidate.count > configuration.maxAttributesPerList {
                chunks.append(current)
                current = [attribute]
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    static func split(_ bytes: [UInt8], blockSize: Int) -> [[UInt8]] {
        guard !bytes.isEmpty else { return [[]] }
        return stride(from: 0, to: bytes.count, by: blockSize).map {
            Array(bytes[$0..<min($0 + blockSize, bytes.count)])
        }
    }

    /// A list the device could not answer is read again one attribute at a time, and
    /// the session reads no more lists (see ``ClientSession/listsRefused``). Not for a
    /// cancel or an answer to another request: those end the request.
    mutating func readListSingly(after error: DLMSError) -> [ClientAction]? {
        switch error {
        case .cancelled, .invokeIDMismatch, .illegalTransition: return nil
        default: break
        }
        guard let operation, case .get(var chunks, let index, let results) = operation.kind,
              chunks[index].count > 1 else { return nil }
        listsRefused = true
        let singles = chunks[index].map { [$0] }
        chunks.replaceSubrange(index...index, with: singles)
        self.operation?.kind = .get(chunks: chunks, index: index, results: results)
        return sendGet(chunks[index])
    }

    private mutating func sendGet(_ chunk: [AttributeWithAccess]) -> [ClientAction] {
        guard let invokeID = operation?.invokeID else { return [] }
        operation?.received = []
        operation?.expectedBlock = 1
        if chunk.count == 1 {
            return sendAPDU(.getRequest(.normal(invokeID: invokeID, attribute: chunk[0].attribute, access: chunk[0].access)))
        }
        return sendAPDU(.getRequest(.withList(invokeID: invokeID, attributes: chunk)))
    }

    // MARK: - Answers

    mutating func operationAnswer(_ apdu: APDU) -> [ClientAction] {
        guard let operation else { return [.stopTimer] }
        switch apdu {
        case .exceptionResponse(let e):
            return finish(.requestFailed(.exception(e)))
        case .confirmedServiceError(let e):
            return finish(.requestFailed(.serviceError(e)))
        default:
            break
        }
        if let received = Self.invokeID(of: apdu), received.id != operation.invokeID.id,
           !Self.isRefusalOfOneAttribute(apdu, operation.kind) {
            return finish(.requestFailed(.invokeIDMismatch(expected: operation.invokeID.id, received: received.id)))
        }
        switch (operation.kind, apdu) {
        case (.get(let chunks, let index, let results), .getResponse(let response)):
            return getAnswer(response, chunks: chunks, index: index, results: results)
        case (.set(let blocks, let sent), .setResponse(let response)):
            return setAnswer(response, blocks: blocks, sent: sent)
        case (.action(let blocks, let sent), .actionResponse(let response)):
            return actionAnswer(response, blocks: blocks, sent: sent)
        default:
            return finish(.requestFailed(.unexpectedAPDU(tag: apdu.encoded().first ?? 0, state: "busy")))
        }
    }

    /// A GET of one attribute answered by a refusal under another invoke id: some servers
    /// (Gurux's) answer every error with invoke id 1. It is taken as this attribute's
    /// refusal — at worst an attribute shows as refused, never with a wrong value — so
    /// that one refused attribute does not end the request. A value under another id
    /// still does (it could be a stale answer).
    private static func isRefusalOfOneAttribute(_ apdu: APDU, _ kind: Operation.Kind) -> Bool {
        guard case .getResponse(.normal(_, .error)) = apdu, case .get(let chunks, let index, _) = kind,
              index < chunks.count, chunks[index].count == 1 else { return false }
        return true
    }

    private static func invokeID(of apdu: APDU) -> InvokeIDAndPriority? {
        switch apdu {
        case .getResponse(.normal(let i, _)), .getResponse(.withDataBlock(let i, _)), .getResponse(.withList(let i, _)):
            return i
        case .setResponse(.normal(let i, _)), .setResponse(.dataBlock(let i, _)),
             .setResponse(.lastDataBlock(let i, _, _)), .setResponse(.lastDataBlockWithList(let i, _, _)),
             .setResponse(.withList(let i, _)):
            return i
        case .actionResponse(.normal(let i, _)), .actionResponse(.withPBlock(let i, _)),
             .actionResponse(.withList(let i, _)), .actionResponse(.nextPBlock(let i, _)):
            return i
        default:
            return nil
        }
    }

    private mutating func getAnswer(_ response: GetResponse, chunks: [[AttributeWithAccess]], index: Int,
                                    results: [GetDataResult]) -> [ClientAction] {
        let chunk = chunks[index]
        var results = results
        switch response {
        case .normal(_, let result):
            guard chunk.count == 1 else {
                return finish(.requestFailed(.resultCountMismatch(expected: chunk.count, received: 1)))
            }
            results.append(result)
        case .withList(_, let list):
            guard list.count == chunk.count else {
                return finish(.requestFailed(.resultCountMismatch(expected: chunk.count, received: list.count)))
            }
            results += list
        case .withDataBlock(let invokeID, let block):
            guard let expected = operation?.expectedBlock, block.blockNumber == expected else {
                return finish(.requestFailed(.blockNumberMismatch(expected: operation?.expectedBlock ?? 1,
                                                                  received: block.blockNumber)))
            }
            switch block.result {
            case .error(let dar):
                results += chunk.map { _ in .error(dar) }
            case .raw(let raw):
                if let limit = responseLimit(afterBlock: block.blockNumber, adding: raw.count) { return finish(.requestFailed(limit)) }
                operation?.received += raw
                let total = operation?.received.count ?? 0
                var actions: [ClientAction] = [.blockReceived(number: block.blockNumber, totalBytes: total)]
                guard block.lastBlock else {
                    if cancelRequested { return actions + finish(.requestFailed(.cancelled)) }
                    operation?.expectedBlock = expected &+ 1
                    actions += sendAPDU(.getRequest(.next(invokeID: invokeID, blockNumber: block.blockNumber)))
                    return actions
                }
                do {
                    results += try Self.decodeBlockResult(operation?.received ?? [], count: chunk.count)
                } catch {
                    return actions + finish(.requestFailed(.malformedAPDU(error)))
                }
                return actions + nextChunk(chunks: chunks, index: index, results: results)
            }
        }
        return nextChunk(chunks: chunks, index: index, results: results)
    }

    /// An error when one more block (numbered `number`, `count` bytes) would take the
    /// answer past the configured limits; nil while it stays within them.
    private func responseLimit(afterBlock number: UInt32, adding count: Int) -> DLMSError? {
        let total = (operation?.received.count ?? 0) + count
        guard total <= configuration.maxResponseBytes, number <= configuration.maxBlockNumber else {
            return .responseTooLong(limit: configuration.maxResponseBytes)
        }
        return nil
    }

    /// The reassembled raw data of a block transfer: one Data for a single attribute,
    /// the encoded list of Get-Data-Results for a list.
    private static func decodeBlockResult(_ raw: [UInt8], count: Int) throws(DLMSDecodingError) -> [GetDataResult] {
        if count == 1 { return [.data(try DLMSData(decoding: raw))] }
        var reader = ByteReader(raw)
        let n = try reader.readLength()
        guard n == count else { throw .invalidValue(context: "GET-Response-With-List count \(n), expected \(count)") }
        var results: [GetDataResult] = []
        for _ in 0..<n {
            switch try reader.readByte() {
            case 0: results.append(.data(try DLMSData.decode(from: &reader)))
            case 1: results.append(.error(DataAccessResult(rawValue: try reader.readByte())))
            case let tag: throw .unknownTag(tag, context: "Get-Data-Result")
            }
        }
        guard reader.isAtEnd else { throw .trailingBytes(reader.remaining) }
        return results
    }

    private mutating func nextChunk(chunks: [[AttributeWithAccess]], index: Int, results: [GetDataResult]) -> [ClientAction] {
        guard index + 1 < chunks.count else { return finish(.deliver(.get(results))) }
        if cancelRequested { return finish(.requestFailed(.cancelled)) }
        operation?.kind = .get(chunks: chunks, index: index + 1, results: results)
        return sendGet(chunks[index + 1])
    }

    private mutating func setAnswer(_ response: SetResponse, blocks: [[UInt8]]?, sent: Int) -> [ClientAction] {
        switch response {
        case .normal(_, let result), .lastDataBlock(_, let result, _):
            return finish(.deliver(.set(result)))
        case .dataBlock(let invokeID, let number):
            // A write is not stopped halfway: a half-written value is worse than a late stop.
            guard let blocks, number == UInt32(sent), sent < blocks.count else {
                return finish(.requestFailed(.blockNumberMismatch(expected: UInt32(sent), received: number)))
            }
            operation?.kind = .set(blocks: blocks, sent: sent + 1)
            return sendAPDU(.setRequest(.withDataBlock(invokeID: invokeID, block: DataBlockSA(
                lastBlock: sent + 1 == blocks.count, blockNumber: UInt32(sent + 1), raw: blocks[sent]))))
        case .withList(_, let results), .lastDataBlockWithList(_, let results, _):
            return finish(.deliver(.set(results.first ?? .otherReason)))
        }
    }

    private mutating func actionAnswer(_ response: ActionResponse, blocks: [[UInt8]]?, sent: Int) -> [ClientAction] {
        switch response {
        case .normal(_, let result):
            return finish(.deliver(.action(result)))
        case .withList(_, let results):
            return finish(.deliver(.action(results.first ?? ActionResponseWithOptionalData(result: .otherReason))))
        case .nextPBlock(let invokeID, let number):
            guard let blocks, number == UInt32(sent), sent < blocks.count else {
                return finish(.requestFailed(.blockNumberMismatch(expected: UInt32(sent), received: number)))
            }
            operation?.kind = .action(blocks: blocks, sent: sent + 1)
            return sendAPDU(.actionRequest(.withPBlock(invokeID: invokeID, block: DataBlockSA(
                lastBlock: sent + 1 == blocks.count, blockNumber: UInt32(sent + 1), raw: blocks[sent]))))
        case .withPBlock(let invokeID, let block):
            guard let expected = operation?.expectedBlock, block.blockNumber == expected else {
                return finish(.requestFailed(.blockNumberMismatch(expected: operation?.expectedBlock ?? 1,
                                                                  received: block.blockNumber)))
            }
            if let limit = responseLimit(afterBlock: block.blockNumber, adding: block.raw.count) { return finish(.requestFailed(limit)) }
            operation?.received += block.raw
            let total = operation?.received.count ?? 0
            let actions: [ClientAction] = [.blockReceived(number: block.blockNumber, totalBytes: total)]
            guard block.lastBlock else {
                if cancelRequested { return actions + finish(.requestFailed(.cancelled)) }
                operation?.expectedBlock = expected &+ 1
                return actions + sendAPDU(.actionRequest(.nextPBlock(invokeID: invokeID, blockNumber: block.blockNumber)))
            }
            do {
                let data = try DLMSData(decoding: operation?.received ?? [])
                return actions + finish(.deliver(.action(ActionResponseWithOptionalData(
                    result: .success, returnParameters: .data(data)))))
            } catch {
                return actions + finish(.requestFailed(.malformedAPDU(error)))
            }
        }
    }
}
