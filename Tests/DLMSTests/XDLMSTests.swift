import Testing
@testable import DLMS

/// xDLMS service APDUs: vectors from PROTOCOL.md §6 (APDUs cut out of the HDLC frames after
/// the LLC header and before the FCS) and the Gurux trace peer/traces/session1.txt.
enum XDLMSVectors {
    // §6 #3 (pastebin.com/iKKsDimZ): GET 15/0.0.40.0.0.255/2.
    static let get3 = hex("C0 01 C1 00 0F 00 00 28 00 00 FF 02 00")
    // §6 #6 (hdlc-translator hdlcflow-aln-up.txt): GET-Response-With-Datablock, block 1, not last, raw 01 50.
    static let getBlock6 = hex("C4 02 C1 00 00 00 00 01 00 02 01 50")
    // §6 #7: GET 3/1.0.1.8.0.255/2, invoke byte 41 (normal priority).
    static let get7 = hex("C0 01 41 00 03 01 00 01 08 00 FF 02 00")
    // §6 #9 (u9n tests/test_xdlms).
    static let get9 = hex("C0 01 C1 00 01 00 00 2B 01 00 FF 02 00")
    static let getResponse9 = hex("C4 01 C1 00 06 00 00 13 91")
    static let getError9 = hex("C4 01 C1 01 01")
    static let getNext9 = hex("C0 02 C1 00 00 00 01")
    static let setClock9 = hex("C1 01 C1 00 08 00 00 01 00 00 FF 02 00 09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00")
    static let action9 = hex("C3 01 C0 00 0F 00 00 28 00 00 FF 01 00")
    static let actionResponse9 = hex("C7 01 C0 00 00")
    // §6 #10: GET clock and its response (2024-10-15 12:30, UTC+3).
    static let getClock10 = hex("C0 01 C1 00 08 00 00 01 00 00 FF 02 00")
    static let clockResponse10 = hex("C4 01 C1 00 09 0C 07 E8 0A 0F 02 0C 1E 00 00 FF 4C 00")
    // Gurux trace session1.txt.
    static let gxGetLDN = hex("C001C100010000600100FF0200")
    static let gxLDNResponse = hex("C401C100090D454D4932303234303030313233")
    static let gxClockResponse = hex("C401C100090C07EA0B19FF021F0700000000")
    static let gxScalerResponse = hex("C401C10002020F00161E")
    static let gxEnergyResponse = hex("C401C100060010F3E7")
    static let gxCaptureObjects = hex("C401C1000103020412000809060000010000FF0F02120000020412000309060100010800FF0F02120000020412000309060100020800FF0F02120000")
    static let gxGetNext1 = hex("C002C100000001")
    static let gxSetClock = hex("C101C100080000010000FF0200090C07EA0B19FF0C000000000000")
    static let gxSetResponse = hex("C501C100")

    static let canonical = [get3, getBlock6, get7, get9, getResponse9, getError9, getNext9, setClock9, action9,
                            actionResponse9, getClock10, clockResponse10, gxGetLDN, gxLDNResponse, gxClockResponse,
                            gxScalerResponse, gxEnergyResponse, gxCaptureObjects, gxGetNext1, gxSetClock, gxSetResponse]
}

@Suite struct XDLMSTests {
    typealias V = XDLMSVectors
    let inv = InvokeIDAndPriority(rawValue: 0xC1)
    let clock = CosemAttributeDescriptor(classID: 8, instance: OBISCode(0, 0, 1, 0, 0, 255), attribute: 2)
    let profile = CosemAttributeDescriptor(classID: 7, instance: OBISCode(1, 0, 99, 1, 0, 255), attribute: 2)
    let scriptExecute = CosemMethodDescriptor(classID: 9, instance: OBISCode(0, 0, 10, 0, 0, 255), method: 1)

    @Test func everyVectorRoundTrips() throws {
        for v in V.canonical + ACSEVectors.canonicalAARQs + ACSEVectors.canonicalAAREs + [ACSEVectors.rlrq, ACSEVectors.rlre] {
            let apdu = try APDU(decoding: v)
            #expect(apdu.encoded() == v, "\(Hex.string(v))")
        }
    }

    @Test func getRequestNormal() throws {
        #expect(try APDU(decoding: V.get9) == .getRequest(.normal(
            invokeID: inv, attribute: CosemAttributeDescriptor(classID: 1, instance: OBISCode(0, 0, 43, 1, 0, 255), attribute: 2),
            access: nil)))
        #expect(try APDU(decoding: V.get7) == .getRequest(.normal(
            invokeID: InvokeIDAndPriority(id: 1, highPriority: false),
            attribute: CosemAttributeDescriptor(classID: 3, instance: OBISCode(1, 0, 1, 8, 0, 255), attribute: 2), access: nil)))
        #expect(APDU.getRequest(.normal(invokeID: inv, attribute: clock, access: nil)).encoded() == V.getClock10)
        #expect(APDU.getRequest(.next(invokeID: inv, blockNumber: 1)).encoded() == V.getNext9)
    }

    @Test func getResponses() throws {
        #expect(try APDU(decoding: V.getResponse9) == .getResponse(.normal(invokeID: inv, result: .data(.doubleLongUnsigned(0x1391)))))
        #expect(try APDU(decoding: V.getError9) == .getResponse(.normal(invokeID: inv, result: .error(.hardwareFault))))
        #expect(try APDU(decoding: V.getBlock6) == .getResponse(.withDataBlock(
            invokeID: inv, block: DataBlockG(lastBlock: false, blockNumber: 1, result: .raw([0x01, 0x50])))))
        // The clock's time is an octet-string of 12 (COSEM date-time), year 0x07E8 = 2024.
        guard case .getResponse(.normal(_, .data(.octetString(let t))))? = try? APDU(decoding: V.clockResponse10) else {
            Issue.record("clock response"); return
        }
        #expect(t.count == 12 && t[0] == 0x07 && t[1] == 0xE8)
        guard case .getResponse(.normal(_, .data(.array(let columns))))? = try? APDU(decoding: V.gxCaptureObjects) else {
            Issue.record("capture objects"); return
        }
        #expect(columns.count == 3)
    }

    @Test func listAndBlockFormsRoundTrip() throws {
        let range = SelectiveAccess.entry(EntryDescriptor(fromEntry: 1, toEntry: 10))
        let block = DataBlockSA(lastBlock: true, blockNumber: 2, raw: [0x09, 0x02, 0xAA, 0xBB])
        let all: [APDU] = [
            .getRequest(.normal(invokeID: inv, attribute: profile, access: range)),
            .getRequest(.withList(invokeID: inv, attributes: [AttributeWithAccess(clock), AttributeWithAccess(profile, access: range)])),
            .getResponse(.withList(invokeID: inv, results: [.data(.unsigned(5)), .error(.objectUndefined)])),
            .getResponse(.withDataBlock(invokeID: inv, block: DataBlockG(lastBlock: true, blockNumber: 3, result: .error(.longGetAborted)))),
            .getResponse(.withDataBlock(invokeID: inv, block: DataBlockG(lastBlock: true, blockNumber: 3,
                                                                         result: .raw(Array(repeating: 0x11, count: 300))))),
            .setRequest(.normal(invokeID: inv, attribute: profile, access: range, value: .null)),
            .setRequest(.withFirstDataBlock(invokeID: inv, attribute: clock, access: nil, block: block)),
            .setRequest(.withDataBlock(invokeID: inv, block: block)),
            .setRequest(.withList(invokeID: inv, attributes: [AttributeWithAccess(clock), AttributeWithAccess(profile)],
                                  values: [.unsigned(1), .boolean(true)])),
            .setRequest(.withListAndFirstDataBlock(invokeID: inv, attributes: [AttributeWithAccess(clock)], block: block)),
            .setResponse(.normal(invokeID: inv, result: .readWriteDenied)),
            .setResponse(.dataBlock(invokeID: inv, blockNumber: 7)),
            .setResponse(.lastDataBlock(invokeID: inv, result: .success, blockNumber: 8)),
            .setResponse(.lastDataBlockWithList(invokeID: inv, results: [.success, .typeUnmatched], blockNumber: 9)),
            .setResponse(.withList(invokeID: inv, results: [.success, .otherReason])),
            .actionRequest(.normal(invokeID: inv, method: scriptExecute, parameters: .longUnsigned(3))),
            .actionRequest(.nextPBlock(invokeID: inv, blockNumber: 4)),
            .actionRequest(.withList(invokeID: inv, methods: [scriptExecute, scriptExecute], parameters: [.null, .integer(-1)])),
            .actionRequest(.withFirstPBlock(invokeID: inv, method: scriptExecute, block: block)),
            .actionRequest(.withListAndFirstPBlock(invokeID: inv, methods: [scriptExecute], block: block)),
            .actionRequest(.withPBlock(invokeID: inv, block: block)),
            .actionResponse(.normal(invokeID: inv, response: ActionResponseWithOptionalData(result: .success, returnParameters: .data(.unsigned(1))))),
            .actionResponse(.normal(invokeID: inv, response: ActionResponseWithOptionalData(result: .otherReason, returnParameters: .error(.hardwareFault)))),
            .actionResponse(.withPBlock(invokeID: inv, block: block)),
            .actionResponse(.withList(invokeID: inv, responses: [ActionResponseWithOptionalData(result: .success)])),
            .actionResponse(.nextPBlock(invokeID: inv, blockNumber: 5)),
            .exceptionResponse(ExceptionResponse(stateError: 1, serviceError: 2)),
            .exceptionResponse(ExceptionResponse(stateError: 2, serviceError: 6, invocationCounter: 0x01020304)),
            .confirmedServiceError(ConfirmedServiceError(service: 5, errorTag: 5, value: 3)),
            .releaseRequest(ReleaseRequest(reason: 1)),
            .releaseResponse(ReleaseResponse(reason: nil, userInformation: InitiateResponse(negotiatedConformance: .clientProposal,
                                                                                          serverMaxReceivePDUSize: 1024))),
        ]
        for apdu in all {
            let bytes = apdu.encoded()
            #expect(try APDU(decoding: bytes) == apdu, "\(apdu)")
            for cut in 0..<bytes.count {
                #expect(throws: DLMSDecodingError.self, "\(apdu) cut at \(cut)") { try APDU(decoding: Array(bytes[..<cut])) }
            }
        }
    }

    @Test func exactLayouts() {
        let block = DataBlockSA(lastBlock: true, blockNumber: 2, raw: [0xAA])
        // SET-Request-With-First-Datablock: C1 02 inv desc access-flag last block len raw.
        #expect(APDU.setRequest(.withFirstDataBlock(invokeID: inv, attribute: clock, access: nil, block: block)).encoded()
                == hex("C1 02 C1 00 08 00 00 01 00 00 FF 02 00 01 00 00 00 02 01 AA"))
        #expect(APDU.setRequest(.withDataBlock(invokeID: inv, block: block)).encoded() == hex("C1 03 C1 01 00 00 00 02 01 AA"))
        #expect(APDU.setResponse(.lastDataBlockWithList(invokeID: inv, results: [.success, .hardwareFault], blockNumber: 3)).encoded()
                == hex("C5 04 C1 02 00 01 00 00 00 03"))
        #expect(APDU.setResponse(.lastDataBlock(invokeID: inv, result: .success, blockNumber: 3)).encoded()
                == hex("C5 03 C1 00 00 00 00 03"))
        #expect(APDU.getRequest(.withList(invokeID: inv, attributes: [AttributeWithAccess(clock)])).encoded()
                == hex("C0 03 C1 01 00 08 00 00 01 00 00 FF 02 00"))
        #expect(APDU.getResponse(.withList(invokeID: inv, results: [.data(.unsigned(7)), .error(.objectUndefined)])).encoded()
                == hex("C4 03 C1 02 00 11 07 01 04"))
        #expect(APDU.actionRequest(.withFirstPBlock(invokeID: inv, method: scriptExecute, block: block)).encoded()
                == hex("C3 04 C1 00 09 00 00 0A 00 00 FF 01 01 00 00 00 02 01 AA"))
        #expect(APDU.actionResponse(.normal(invokeID: inv, response: ActionResponseWithOptionalData(
            result: .success, returnParameters: .data(.unsigned(1))))).encoded() == hex("C7 01 C1 00 01 00 11 01"))
        #expect(APDU.exceptionResponse(ExceptionResponse(stateError: 1, serviceError: 6, invocationCounter: 9)).encoded()
                == hex("D8 01 06 00 00 00 09"))
        #expect(APDU.exceptionResponse(ExceptionResponse(stateError: 2, serviceError: 2)).encoded() == hex("D8 02 02"))
        #expect(APDU.confirmedServiceError(ConfirmedServiceError(service: 6, errorTag: 5, value: 3)).encoded() == hex("0E 06 05 03"))
    }

    @Test func setAndActionVectors() throws {
        guard case .setRequest(.normal(let i, let attribute, nil, .octetString(let raw)))? = try? APDU(decoding: V.setClock9) else {
            Issue.record("SET clock"); return
        }
        #expect(i == inv && attribute == clock && raw.count == 12)
        #expect(try APDU(decoding: V.action9) == .actionRequest(.normal(
            invokeID: InvokeIDAndPriority(rawValue: 0xC0),
            method: CosemMethodDescriptor(classID: 15, instance: OBISCode(0, 0, 40, 0, 0, 255), method: 1), parameters: nil)))
        #expect(try APDU(decoding: V.actionResponse9) == .actionResponse(.normal(
            invokeID: InvokeIDAndPriority(rawValue: 0xC0), response: ActionResponseWithOptionalData(result: .success))))
        #expect(try APDU(decoding: V.gxSetResponse) == .setResponse(.normal(invokeID: inv, result: .success)))
    }

    @Test func truncationAtEveryCut() {
        for v in V.canonical {
            for cut in 0..<v.count {
                #expect(throws: DLMSDecodingError.self) { try APDU(decoding: Array(v[..<cut])) }
            }
        }
    }

    @Test func badTagsAndTrailingBytes() {
        #expect(throws: DLMSDecodingError.unknownTag(0xC2, context: "APDU")) { try APDU(decoding: [0xC2, 0x01]) }
        #expect(throws: DLMSDecodingError.unknownTag(0xDD, context: "APDU")) { try APDU(decoding: [0xDD]) }
        #expect(throws: DLMSDecodingError.truncated(needed: 1, available: 0)) { try APDU(decoding: []) }
        #expect(throws: DLMSDecodingError.unknownTag(0x04, context: "GET-Request choice")) { try APDU(decoding: [0xC0, 0x04, 0xC1]) }
        #expect(throws: DLMSDecodingError.unknownTag(0x07, context: "SET-Response choice")) { try APDU(decoding: [0xC5, 0x07, 0xC1]) }
        #expect(throws: DLMSDecodingError.unknownTag(0x02, context: "Get-Data-Result")) { try APDU(decoding: hex("C4 01 C1 02 00")) }
        #expect(throws: DLMSDecodingError.unknownTag(0x05, context: "DataBlock-G result")) {
            try APDU(decoding: hex("C4 02 C1 01 00 00 00 01 05"))
        }
        #expect(throws: DLMSDecodingError.invalidValue(context: "access-selection flag")) {
            try APDU(decoding: hex("C0 01 C1 00 08 00 00 01 00 00 FF 02 02"))
        }
        #expect(throws: DLMSDecodingError.trailingBytes(1)) { try APDU(decoding: V.getError9 + [0x00]) }
        #expect(throws: DLMSDecodingError.trailingBytes(2)) { try APDU(decoding: ACSEVectors.rlrq + [0x00, 0x00]) }
        // A hostile list count must fail before allocating.
        #expect(throws: DLMSDecodingError.self) { try APDU(decoding: hex("C0 03 C1 84 7F FF FF FF 00")) }
        #expect(throws: DLMSDecodingError.self) { try APDU(decoding: hex("C5 05 C1 84 7F FF FF FF")) }
    }

    @Test func descriptionsNameTheService() throws {
        #expect(try APDU(decoding: V.get9).description.hasPrefix("GET-Request-Normal inv 1"))
        #expect(try APDU(decoding: V.getBlock6).description.contains("GET-Response-With-Datablock"))
        #expect(try APDU(decoding: V.getError9).description.contains("hardware-fault"))
        #expect(try APDU(decoding: V.setClock9).description.hasPrefix("SET-Request-Normal"))
        #expect(try APDU(decoding: V.action9).description.hasPrefix("ACTION-Request-Normal"))
        #expect(try APDU(decoding: V.actionResponse9).description.hasPrefix("ACTION-Response-Normal"))
        #expect(try APDU(decoding: ACSEVectors.aare10Fail).description.contains("acse-service-user 13"))
        #expect(APDU.exceptionResponse(ExceptionResponse(stateError: 1, serviceError: 4)).description
                == "exception-response service-not-allowed, pdu-too-long")
    }

    @Test func mutatedVectorsNeverCrash() {
        // Every byte of every vector replaced by a few interesting values: decoding either
        // succeeds or throws a typed error (a crash would end the test run).
        let vectors = V.canonical + ACSEVectors.canonicalAARQs + ACSEVectors.canonicalAAREs + [ACSEVectors.aare3]
        var decoded = 0
        for v in vectors {
            for i in v.indices {
                for replacement: UInt8 in [0x00, 0x01, 0x7F, 0x80, 0x81, 0x84, 0xFF] {
                    var m = v
                    m[i] = replacement
                    if (try? APDU(decoding: m)) != nil { decoded += 1 }
                }
            }
        }
        #expect(decoded > 0)
    }
}
