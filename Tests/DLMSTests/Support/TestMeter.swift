@testable import DLMS

/// A small DLMS application for session tests: checks the AARQ's password, answers GET
/// (normal, with-list, in blocks of `blockSize` bytes), SET, ACTION and RLRQ from a
/// table of attributes. It is test support, not the simulator.
struct TestMeter {
    var password: [UInt8]? = Array("admin@emis".utf8)
    var objects: [CosemAttributeDescriptor: DLMSData] = [:]
    /// Largest raw data per GET block; longer values go in blocks.
    var blockSize = 1024
    var serverMaxPDU: UInt16 = 1024
    var conformance: Conformance = Conformance(rawValue: 0x00_1E_1D)
    /// Answer long lists in blocks the way Gurux servers do: tagged `C4 03`, not `C4 02`,
    /// and without the raw-data choice byte after the block number.
    var listBlocksTaggedAsList = false
    /// Fail GET-next after a list's first block the way the Gurux server does (an empty
    /// APDU), so the client must fall back to reading the list one by one.
    var listContinuationBroken = false
    private var pendingIsList = false
    private var pendingBlocks: [[UInt8]] = []
    private(set) var getNextCount = 0
    private(set) var writes: [(CosemAttributeDescriptor, DLMSData)] = []
    private var setBlocks: [UInt8] = []
    private var setTarget: CosemAttributeDescriptor?

    init(objects: [CosemAttributeDescriptor: DLMSData] = [:]) { self.objects = objects }

    mutating func answer(_ bytes: [UInt8]) -> [UInt8] {
        guard let apdu = try? APDU(decoding: bytes) else {
            return APDU.exceptionResponse(ExceptionResponse(stateError: 2, serviceError: 3)).encoded()
        }
        if listContinuationBroken, pendingIsList, case .getRequest(.next) = apdu { return [] }
        var out = answer(apdu).encoded()
        if listBlocksTaggedAsList, out.count > 9, out[0] == 0xC4, out[1] == 0x02, out[8] == 0x00 {
            out[1] = 0x03
            out.remove(at: 8)
        }
        return out
    }

    mutating func answer(_ apdu: APDU) -> APDU {
        switch apdu {
        case .aarq(let aarq):
            let initiate = InitiateResponse(negotiatedConformance: conformance, serverMaxReceivePDUSize: serverMaxPDU)
            let ok = password == nil ? aarq.mechanism == nil
                                     : (aarq.mechanism == .low && aarq.authenticationValue == password)
            return .aare(AARE(result: ok ? .accepted : .rejectedPermanent,
                              diagnostic: .serviceUser(ok ? 0 : 13), userInformation: .initiateResponse(initiate)))
        case .releaseRequest:
            return .releaseResponse(ReleaseResponse(reason: 0))
        case .getRequest(.normal(let inv, let attribute, _)):
            guard let value = objects[attribute] else { return .getResponse(.normal(invokeID: inv, result: .error(.objectUndefined))) }
            let raw = value.encoded
            guard raw.count > blockSize else { return .getResponse(.normal(invokeID: inv, result: .data(value))) }
            pendingBlocks = stride(from: 0, to: raw.count, by: blockSize).map { Array(raw[$0..<min($0 + blockSize, raw.count)]) }
            pendingIsList = false
            return nextBlock(inv, number: 1)
        case .getRequest(.next(let inv, let number)):
            getNextCount += 1
            return nextBlock(inv, number: number + 1)
        case .getRequest(.withList(let inv, let attributes)):
            let results: [GetDataResult] = attributes.map {
                objects[$0.attribute].map { .data($0) } ?? .error(.objectUndefined)
            }
            var list = ByteWriter()
            list.writeLength(results.count)
            for result in results { result.encode(into: &list) }
            guard list.count > blockSize else { return .getResponse(.withList(invokeID: inv, results: results)) }
            pendingBlocks = stride(from: 0, to: list.count, by: blockSize).map {
                Array(list.bytes[$0..<min($0 + blockSize, list.count)])
            }
            pendingIsList = true
            return nextBlock(inv, number: 1)
        case .setRequest(.normal(let inv, let attribute, _, let value)):
            writes.append((attribute, value))
            objects[attribute] = value
            return .setResponse(.normal(invokeID: inv, result: .success))
        case .setRequest(.withFirstDataBlock(let inv, let attribute, _, let block)):
            setTarget = attribute
            setBlocks = block.raw
            return block.lastBlock ? finishSet(inv, block.blockNumber) : .setResponse(.dataBlock(invokeID: inv, blockNumber: block.blockNumber))
        case .setRequest(.withDataBlock(let inv, let block)):
            setBlocks += block.raw
            return block.lastBlock ? finishSet(inv, block.blockNumber) : .setResponse(.dataBlock(invokeID: inv, blockNumber: block.blockNumber))
        case .actionRequest(.normal(let inv, _, _)):
            return .actionResponse(.normal(invokeID: inv, response: ActionResponseWithOptionalData(result: .success)))
        default:
            return .exceptionResponse(ExceptionResponse(stateError: 1, serviceError: 2))
        }
    }

    private mutating func finishSet(_ inv: InvokeIDAndPriority, _ number: UInt32) -> APDU {
        guard let target = setTarget, let value = try? DLMSData(decoding: setBlocks) else {
            return .setResponse(.lastDataBlock(invokeID: inv, result: .typeUnmatched, blockNumber: number))
        }
        writes.append((target, value))
        objects[target] = value
        return .setResponse(.lastDataBlock(invokeID: inv, result: .success, blockNumber: number))
    }

    private mutating func nextBlock(_ inv: InvokeIDAndPriority, number: UInt32) -> APDU {
        let index = Int(number) - 1
        guard index >= 0, index < pendingBlocks.count else {
            return .getResponse(.withDataBlock(invokeID: inv, block: DataBlockG(
                lastBlock: true, blockNumber: number, result: .error(.dataBlockNumberInvalid))))
        }
        return .getResponse(.withDataBlock(invokeID: inv, block: DataBlockG(
            lastBlock: index == pendingBlocks.count - 1, blockNumber: number, result: .raw(pendingBlocks[index]))))
    }
}
