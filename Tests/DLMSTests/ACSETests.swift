import Testing
@testable import DLMS

// Vectors: the APDU inside each HDLC frame, what follows the LLC header `E6 E6 00` /
// `E6 E7 00` and precedes the FCS and flag. (`hex` is defined in AXDRTests.swift.)

private func decodeAARQ(_ bytes: [UInt8]) throws(DLMSDecodingError) -> AARQ {
    var r = ByteReader(bytes)
    let v = try AARQ.decode(from: &r)
    try BER.expectEnd(r)
    return v
}

private func decodeAARE(_ bytes: [UInt8]) throws(DLMSDecodingError) -> AARE {
    var r = ByteReader(bytes)
    let v = try AARE.decode(from: &r)
    try BER.expectEnd(r)
    return v
}

enum ACSEVectors {
    // PROTOCOL.md §6 #2 (u9n test_hdlc.py L166-228), AARQ without authentication.
    static let aarq2 = hex("60 1D A1 09 06 07 60 85 74 05 08 01 01 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF")
    // §6 #2 AARE.
    static let aare2 = hex("61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 C8 00 07")
    // §6 #3 AARE (pastebin.com/iKKsDimZ): long-form length 82 00 29.
    static let aare3 = hex("61 82 00 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 10 1D 03 EF 00 07")
    // §6 #5 (tohasan hdlc-translator): SN context, calling AP title "EGM69326", LLS empty password, max PDU 0.
    static let aarq5 = hex("60 3A A1 09 06 07 60 85 74 05 08 01 02 A6 0A 04 08 45 47 4D 36 39 33 32 36 8A 02 07 80 8B 07 60 85 74 05 08 02 01 AC 02 80 00 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 1C 1B 20 00 00")
    // §6 #7: LLS password "00000000".
    static let aarq7 = hex("60 36 A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 01 AC 0A 80 08 30 30 30 30 30 30 30 30 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 7E 1F FF FF")
    // §6 #9: Green Book AARQ with LLS "12345678" (u9n test_aarq.py L23).
    static let aarq9 = hex("6036A1090607608574050801018A0207808B0760857405080201AC0A80083132333435363738BE10040E01000000065F1F0400007E1F04B0")
    // §6 #10: LLS "admin@emis".
    static let aarq10 = hex("60 38 A1 09 06 07 60 85 74 05 08 01 01 8A 02 07 80 8B 07 60 85 74 05 08 02 01 AC 0C 80 0A 61 64 6D 69 6E 40 65 6D 69 73 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF")
    static let aare10 = hex("61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 00 00 07")
    // §6 #10: authentication failure (result 1, user diagnostic 13) that still carries an InitiateResponse.
    static let aare10Fail = hex("61 29 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 0D BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 00 00 07")
    // Gurux trace (peer/traces/session1.txt, lines 3-4): AARQ LLS "admin@emis" and its AARE.
    static let gxAARQ = hex("6038A1090607608574050801018A0207808B0760857405080201AC0C800A61646D696E40656D6973BE10040E01000000065F1F0400401E5DFFFF")
    static let gxAARE = hex("6129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F0400401E5D04000007")
    // u9n tests/test_asce/test_aare.py L38: rejected by xDLMS, confirmed-service-error in user-information.
    static let aareServiceError = hex("61 1F A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 01 A3 05 A1 03 02 01 01 BE 06 04 04 0E 01 06 01")
    // Gurux trace, last lines: RLRQ / RLRE.
    static let rlrq = hex("62 03 80 01 00")
    static let rlre = hex("63 03 80 01 00")

    static let canonicalAARQs = [aarq2, aarq5, aarq7, aarq9, aarq10, gxAARQ]
    static let canonicalAAREs = [aare2, aare10, aare10Fail, gxAARE, aareServiceError]
}

@Suite struct ACSETests {
    typealias V = ACSEVectors

    @Test func aarqWithoutAuthentication() throws {
        let aarq = try decodeAARQ(V.aarq2)
        #expect(aarq == AARQ(userInformation: InitiateRequest(proposedConformance: Conformance(rawValue: 0x001E1D),
                                                              clientMaxReceivePDUSize: 0xFFFF)))
        #expect(aarq.encoded() == V.aarq2)
    }

    @Test func aarqLowLevelSecurity() throws {
        let aarq = try decodeAARQ(V.aarq10)
        #expect(aarq.applicationContext == .logicalName)
        #expect(aarq.mechanism == .low)
        #expect(aarq.authenticationValue == Array("admin@emis".utf8))
        #expect(aarq.userInformation?.proposedConformance == Conformance(rawValue: 0x001E1D))
        let built = AARQ(mechanism: .low, authenticationValue: Array("admin@emis".utf8),
                         userInformation: InitiateRequest(proposedConformance: Conformance(rawValue: 0x001E1D),
                                                          clientMaxReceivePDUSize: 0xFFFF))
        #expect(built.encoded() == V.aarq10)
        #expect(try decodeAARQ(V.aarq7).authenticationValue == Array("00000000".utf8))
        let gb = try decodeAARQ(V.aarq9)
        #expect(gb.authenticationValue == Array("12345678".utf8))
        #expect(gb.userInformation?.proposedConformance == Conformance(rawValue: 0x007E1F))
        #expect(gb.userInformation?.clientMaxReceivePDUSize == 0x04B0)
    }

    @Test func shortNameAARQWithTitleAndEmptyPassword() throws {
        let aarq = try decodeAARQ(V.aarq5)
        #expect(aarq.applicationContext == .shortName)
        #expect(aarq.callingAPTitle == Array("EGM69326".utf8))
        #expect(aarq.mechanism == .low)
        #expect(aarq.authenticationValue == [])
        #expect(aarq.userInformation?.clientMaxReceivePDUSize == 0)
        #expect(aarq.userInformation?.proposedConformance == Conformance(rawValue: 0x1C1B20))
    }

    @Test func canonicalVectorsRoundTrip() throws {
        for v in V.canonicalAARQs { #expect(try decodeAARQ(v).encoded() == v) }
        for v in V.canonicalAAREs { #expect(try decodeAARE(v).encoded() == v) }
        var release = ByteReader(V.rlrq)
        #expect(try ReleaseRequest.decode(from: &release).encoded() == V.rlrq)
    }

    @Test func aareAccepted() throws {
        let aare = try decodeAARE(V.aare2)
        #expect(aare.isAccepted)
        #expect(aare.diagnostic == .serviceUser(0))
        #expect(aare.userInformation == .initiateResponse(InitiateResponse(
            negotiatedConformance: Conformance(rawValue: 0x001E1D), serverMaxReceivePDUSize: 0x04C8)))
        #expect(try decodeAARE(V.aare10).isAccepted)
        #expect(try decodeAARE(V.gxAARE).isAccepted)
    }

    @Test func aareLongFormLengthDecodesAndReencodesShort() throws {
        let aare = try decodeAARE(V.aare3)
        #expect(aare.isAccepted)
        guard case .initiateResponse(let r)? = aare.userInformation else { Issue.record("no InitiateResponse"); return }
        #expect(r.serverMaxReceivePDUSize == 0x03EF)
        #expect(r.negotiatedConformance == Conformance(rawValue: 0x00101D))
        var short = V.aare3
        short.replaceSubrange(1...3, with: [0x29])
        #expect(aare.encoded() == short)
    }

    @Test func authenticationFailureIsNotAccepted() throws {
        let aare = try decodeAARE(V.aare10Fail)
        #expect(aare.result == .rejectedPermanent)
        #expect(aare.diagnostic == .authenticationFailure)
        #expect(!aare.isAccepted)
        if case .initiateResponse? = aare.userInformation {} else { Issue.record("InitiateResponse expected") }
    }

    @Test func aareWithConfirmedServiceError() throws {
        let aare = try decodeAARE(V.aareServiceError)
        #expect(aare.userInformation == .confirmedServiceError(ConfirmedServiceError(service: 1, errorTag: 6, value: 1)))
        #expect(!aare.isAccepted)
        let built = AARE(result: .rejectedPermanent, diagnostic: .serviceUser(1),
                         userInformation: .confirmedServiceError(ConfirmedServiceError(service: 1, errorTag: 6, value: 1)))
        #expect(built.encoded() == V.aareServiceError)
    }

    @Test func aareProviderDiagnosticAndHLSFieldsRoundTrip() throws {
        let aare = AARE(result: .rejectedTransient, diagnostic: .serviceProvider(2),
                        respondingAPTitle: [1, 2, 3, 4, 5, 6, 7, 8], mechanism: .high,
                        respondingAuthenticationValue: Array("challenge".utf8), userInformation: nil)
        let bytes = aare.encoded()
        #expect(bytes.starts(with: [0x61]))
        #expect(Array(bytes[13...24]) == [0xA2, 0x03, 0x02, 0x01, 0x02, 0xA3, 0x05, 0xA2, 0x03, 0x02, 0x01, 0x02])
        #expect(try decodeAARE(bytes) == aare)
        #expect(!aare.description.contains("challenge"))
    }

    @Test func releaseMessages() throws {
        var r = ByteReader(V.rlrq)
        #expect(try ReleaseRequest.decode(from: &r) == ReleaseRequest(reason: 0))
        var e = ByteReader(V.rlre)
        #expect(try ReleaseResponse.decode(from: &e) == ReleaseResponse(reason: 0))
        #expect(ReleaseRequest().encoded() == V.rlrq)
        #expect(ReleaseResponse().encoded() == V.rlre)
        #expect(ReleaseRequest(reason: nil).encoded() == [0x62, 0x00])
        var empty = ByteReader([0x63, 0x00])
        #expect(try ReleaseResponse.decode(from: &empty) == ReleaseResponse(reason: nil))
        let withInfo = ReleaseRequest(reason: 0, userInformation: InitiateRequest(proposedConformance: .clientProposal,
                                                                                  clientMaxReceivePDUSize: 1024))
        var w = ByteReader(withInfo.encoded())
        #expect(try ReleaseRequest.decode(from: &w) == withInfo)
    }

    @Test func initiateRequestOptionalFields() throws {
        let req = InitiateRequest(dedicatedKey: [0xAA, 0xBB], responseAllowed: false, proposedQualityOfService: -2,
                                  proposedDLMSVersion: 6, proposedConformance: Conformance(rawValue: 0x007E1F), clientMaxReceivePDUSize: 512)
        #expect(req.encoded() == hex("01 01 02 AA BB 01 00 01 FE 06 5F 1F 04 00 00 7E 1F 02 00"))
        var r = ByteReader(req.encoded())
        #expect(try InitiateRequest.decode(from: &r) == req)
        #expect(!req.description.contains("aa bb") && !req.description.contains("AABB"))
        // u9n test_initiate.py example.
        #expect(InitiateRequest(proposedConformance: Conformance(rawValue: 0x007E1F), clientMaxReceivePDUSize: 0x04B0).encoded()
                == hex("01 00 00 00 06 5F 1F 04 00 00 7E 1F 04 B0"))
        let resp = InitiateResponse(negotiatedQualityOfService: 3, negotiatedConformance: .clientProposal,
                                    serverMaxReceivePDUSize: 0x400, vaaName: 0xFA00)
        var rr = ByteReader(resp.encoded())
        #expect(try InitiateResponse.decode(from: &rr) == resp)
    }

    @Test func descriptionHidesPassword() throws {
        for v in [V.aarq10, V.aarq7, V.aarq9, V.gxAARQ] {
            let aarq = try decodeAARQ(v)
            let password = aarq.authenticationValue ?? []
            for text in [aarq.description, aarq.debugDescription, String(describing: aarq), "\(APDU.aarq(aarq))"] {
                #expect(text.contains("password: ***"))
                #expect(!text.contains(String(decoding: password, as: UTF8.self)))
                #expect(!text.contains(Hex.string(password)))
                #expect(!text.contains(Hex.string(password, separator: "")))
                #expect(!text.contains("\(password.count)"))
            }
        }
    }

    @Test func truncationAtEveryCutIsATypedError() {
        for v in V.canonicalAARQs + [V.aare3] + V.canonicalAAREs {
            for cut in 0..<v.count {
                let prefix = Array(v[..<cut])
                #expect(throws: DLMSDecodingError.self) {
                    if v[0] == 0x60 { _ = try decodeAARQ(prefix) } else { _ = try decodeAARE(prefix) }
                }
            }
        }
        for v in [V.rlrq, V.rlre] {
            for cut in 0..<v.count {
                var r = ByteReader(Array(v[..<cut]))
                #expect(throws: DLMSDecodingError.self) {
                    if v[0] == 0x62 { _ = try ReleaseRequest.decode(from: &r) } else { _ = try ReleaseResponse.decode(from: &r) }
                }
            }
        }
    }

    @Test func badStructureIsRejected() {
        // Wrong outer tag.
        #expect(throws: DLMSDecodingError.unknownTag(0x61, context: "AARQ")) { try decodeAARQ(V.aare2) }
        // Unknown application context id 9.
        var badContext = V.aarq2
        badContext[12] = 0x09
        #expect(throws: DLMSDecodingError.invalidValue(context: "application-context-name")) { try decodeAARQ(badContext) }
        // Missing application context.
        #expect(throws: DLMSDecodingError.invalidValue(context: "AARQ application-context-name missing")) {
            try decodeAARQ([0x60, 0x00])
        }
        // Universal-class component inside the AARQ.
        #expect(throws: DLMSDecodingError.unknownTag(0x04, context: "AARQ")) {
            try decodeAARQ([0x60, 0x02, 0x04, 0x00])
        }
        // Result out of range.
        var badResult = V.aare2
        badResult[17] = 0x05
        #expect(throws: DLMSDecodingError.invalidValue(context: "AARE result")) { try decodeAARE(badResult) }
        // Unknown xDLMS PDU in user-information.
        var badInfo = V.aare2
        badInfo[29] = 0x09
        #expect(throws: DLMSDecodingError.unknownTag(0x09, context: "AARE user-information")) { try decodeAARE(badInfo) }
        // Inner length longer than its container.
        var badLength = V.aarq2
        badLength[1] = 0x7F
        #expect(throws: DLMSDecodingError.truncated(needed: 0x7F, available: 29)) { try decodeAARQ(badLength) }
        // Trailing bytes inside the InitiateRequest octet string.
        let trailing = hex("60 1E A1 09 06 07 60 85 74 05 08 01 01 BE 11 04 0F 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF 00")
        #expect(throws: DLMSDecodingError.trailingBytes(1)) { try decodeAARQ(trailing) }
    }

    @Test func skipsUnusedContextComponents() throws {
        // protocol-version 80 02 07 80 and called-AP-title A2 … inserted after A1.
        let aarq = hex("60 29 A1 09 06 07 60 85 74 05 08 01 01 80 02 07 80 A2 06 04 04 01 02 03 04 BE 10 04 0E 01 00 00 00 06 5F 1F 04 00 00 1E 1D FF FF")
        #expect(try decodeAARQ(aarq) == decodeAARQ(V.aarq2))
        // AARE with responding-AE-qualifier A5 and responder-acse-requirements 88.
        let aare = hex("61 32 A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 A5 03 02 01 00 88 02 07 80 BE 10 04 0E 08 00 06 5F 1F 04 00 00 1E 1D 04 C8 00 07")
        #expect(try decodeAARE(aare) == decodeAARE(V.aare2))
    }
}
