import Testing
@testable import DLMS

/// Hex text to bytes for vectors (crashes the test on a typo, never on input).
func hex(_ text: String) -> [UInt8] {
    guard let bytes = Hex.bytes(text) else { fatalError("bad hex in test: \(text)") }
    return bytes
}

/// Expects `body` to throw a `.truncated` error.
func expectTruncated(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation,
                     _ body: ([UInt8]) throws(DLMSDecodingError) -> Void) {
    do {
        try body(bytes)
        Issue.record("no error for \(Hex.string(bytes))", sourceLocation: sourceLocation)
    } catch {
        guard case .truncated = error else {
            Issue.record("\(error) instead of .truncated for \(Hex.string(bytes))", sourceLocation: sourceLocation)
            return
        }
    }
}

@Suite struct AXDRTests {
    static let sampleDateTime = COSEMDateTime(
        date: COSEMDate(year: 2024, month: 10, dayOfMonth: 15, dayOfWeek: 2),
        time: COSEMTime(hour: 12, minute: 30, second: 0, hundredths: 0),
        deviation: -180, status: [])

    /// One value of every type, with boundary values.
    static let everyType: [DLMSData] = [
        .null, .dontCare,
        .array([]), .array([.unsigned(1), .unsigned(2)]),
        .structure([]), .structure([.longUnsigned(8), .octetString([0, 0, 1, 0, 0, 0xFF])]),
        .boolean(true), .boolean(false),
        .bitString(BitString(count: 0, bytes: [])),
        .bitString(BitString(count: 1, bytes: [0x80])),
        .bitString(BitString(count: 12, bytes: [0xAB, 0xC0])),
        .doubleLong(.min), .doubleLong(.max), .doubleLong(0), .doubleLong(-1),
        .doubleLongUnsigned(0), .doubleLongUnsigned(.max),
        .octetString([]), .octetString([1, 2, 3]),
        .visibleString(Array("12345678".utf8)), .utf8String(Array("Счётчик".utf8)),
        .bcd(0x99),
        .integer(.min), .integer(.max), .long(.min), .long(.max),
        .unsigned(0), .unsigned(.max), .longUnsigned(0), .longUnsigned(.max),
        .long64(.min), .long64(.max), .long64Unsigned(0), .long64Unsigned(.max),
        .enumerated(0), .enumerated(255),
        .float32(Float(1.5).bitPattern), .float32(Float.nan.bitPattern), .float32(0x7FC0_0001),
        .float64(Double(-2.25).bitPattern), .float64(Double.infinity.bitPattern),
        .dateTime(sampleDateTime),
        .dateTime(COSEMDateTime(date: COSEMDate(year: 0xFFFF, month: 0xFE, dayOfMonth: 0xFD),
                                time: COSEMTime(hour: 0xFF, minute: 0xFF, second: 0xFF),
                                deviation: nil, status: .notSpecified)),
        .date(COSEMDate(year: 2024, month: 2, dayOfMonth: 29, dayOfWeek: 4)),
        .time(COSEMTime(hour: 23, minute: 59, second: 59, hundredths: 99)),
        .compactArray(CompactArray(type: .simple(0x12), elements: [.longUnsigned(1), .longUnsigned(0xFFFF)])),
    ]

    @Test(arguments: everyType) func roundTripsEveryType(_ value: DLMSData) throws {
        let bytes = value.encoded
        #expect(bytes.first == value.tag)
        #expect(try DLMSData(decoding: bytes) == value)
        var reader = ByteReader(bytes + [0x42])
        #expect(try DLMSData.decode(from: &reader) == value)
        #expect(reader.remaining == 1)
    }

    @Test func fixedEncodings() {
        // PROTOCOL.md §4: tags, big-endian contents.
        #expect(DLMSData.null.encoded == [0x00])
        #expect(DLMSData.dontCare.encoded == [0xFF])
        #expect(DLMSData.boolean(true).encoded == [0x03, 0x01])
        #expect(DLMSData.doubleLong(-2).encoded == hex("05 FFFFFFFE"))
        #expect(DLMSData.doubleLongUnsigned(0x1391).encoded == hex("06 00001391"))
        #expect(DLMSData.integer(-1).encoded == hex("0F FF"))
        #expect(DLMSData.long(-300).encoded == hex("10 FED4"))
        #expect(DLMSData.unsigned(7).encoded == hex("11 07"))
        #expect(DLMSData.longUnsigned(4059).encoded == hex("12 0FDB"))
        #expect(DLMSData.long64(-1).encoded == hex("14 FFFFFFFFFFFFFFFF"))
        #expect(DLMSData.long64Unsigned(0x0102030405060708).encoded == hex("15 0102030405060708"))
        #expect(DLMSData.enumerated(3).encoded == hex("16 03"))
        #expect(DLMSData.float32(Float(1.0).bitPattern).encoded == hex("17 3F800000"))
        #expect(DLMSData.float64(Double(1.0).bitPattern).encoded == hex("18 3FF0000000000000"))
        #expect(DLMSData.bcd(0x42).encoded == hex("0D 42"))
        #expect(DLMSData.bitString(BitString(count: 12, bytes: [0xAB, 0xC0])).encoded == hex("04 0C ABC0"))
        #expect(DLMSData.dateTime(Self.sampleDateTime).encoded == hex("19 07E80A0F020C1E0000FF4C00"))
        #expect(DLMSData.date(COSEMDate(year: 2021, month: 1, dayOfMonth: 24)).encoded == hex("1A 07E50118FF"))
        #expect(DLMSData.time(COSEMTime(hour: 14, minute: 48, second: 57, hundredths: 80)).encoded == hex("1B 0E303950"))
        #expect(DLMSData.structure([.longUnsigned(8), .octetString(hex("0000010000FF"))]).encoded
                == hex("02 02 12 0008 09 06 0000010000FF"))
    }

    @Test func booleanDecodesAnyNonZeroAsTrue() throws {
        #expect(try DLMSData(decoding: [0x03, 0x02]) == .boolean(true))
        #expect(try DLMSData(decoding: [0x03, 0x00]) == .boolean(false))
    }

    @Test(arguments: [0, 127, 128, 255, 256, 65535, 65536])
    func stringLengthForms(_ count: Int) throws {
        let payload = (0..<count).map { UInt8(truncatingIfNeeded: $0) }
        let header: [UInt8] = switch count {
        case ..<0x80: [UInt8(count)]
        case ..<0x100: [0x81, UInt8(count)]
        case ..<0x10000: [0x82, UInt8(count >> 8), UInt8(count & 0xFF)]
        default: [0x84, 0, UInt8(count >> 16), UInt8((count >> 8) & 0xFF), UInt8(count & 0xFF)]
        }
        for make in [DLMSData.octetString, DLMSData.visibleString, DLMSData.utf8String] {
            let value = make(payload)
            let bytes = value.encoded
            #expect(Array(bytes.prefix(1 + header.count)) == [value.tag] + header)
            #expect(bytes.count == 1 + header.count + count)
            #expect(try DLMSData(decoding: bytes) == value)
        }
    }

    @Test func longerLengthFormsDecode() throws {
        // Non-shortest forms are accepted: 81 05, 82 0005, 83 000005, 84 00000005.
        let payload: [UInt8] = [1, 2, 3, 4, 5]
        for header in [[0x81, 5], [0x82, 0, 5], [0x83, 0, 0, 5], [0x84, 0, 0, 0, 5]] as [[UInt8]] {
            #expect(try DLMSData(decoding: [0x09] + header + payload) == .octetString(payload))
        }
        // 83 form with a length above 0xFFFF.
        let big = [UInt8](repeating: 0xAA, count: 0x10001)
        #expect(try DLMSData(decoding: [0x09, 0x83, 0x01, 0x00, 0x01] + big) == .octetString(big))
        // Array count in the 82 form.
        #expect(try DLMSData(decoding: [0x01, 0x82, 0x00, 0x02, 0x11, 1, 0x11, 2])
                == .array([.unsigned(1), .unsigned(2)]))
    }

    @Test func invalidLengthByte() {
        #expect(throws: DLMSDecodingError.invalidLength(0x85)) {
            try DLMSData(decoding: [0x09, 0x85, 0, 0, 0, 0, 1])
        }
        #expect(throws: DLMSDecodingError.invalidLength(0x80)) { try DLMSData(decoding: [0x01, 0x80]) }
    }

    @Test func bitStringLengthCountsBits() throws {
        // 9 bits → 2 bytes; 16 bits → 2 bytes; 17 bits → 3 bytes.
        #expect(try DLMSData(decoding: hex("04 09 FF80")) == .bitString(BitString(count: 9, bytes: [0xFF, 0x80])))
        #expect(try DLMSData(decoding: hex("04 10 FFFF")) == .bitString(BitString(count: 16, bytes: [0xFF, 0xFF])))
        #expect(throws: DLMSDecodingError.trailingBytes(1)) { try DLMSData(decoding: hex("04 08 FFFF")) }
        // Encoder writes exactly ⌈n/8⌉ bytes, padding missing ones.
        #expect(DLMSData.bitString(BitString(count: 10, bytes: [0xFF])).encoded == hex("04 0A FF00"))
    }

    @Test func nestedStructures() throws {
        let value = DLMSData.structure([
            .array([.structure([.unsigned(1), .visibleString(Array("a".utf8))]),
                    .structure([.unsigned(2), .array([])])]),
            .structure([.structure([.structure([.null])])]),
            .long64(-5),
        ])
        let bytes = value.encoded
        #expect(bytes == hex("02 03 01 02 02 02 11 01 0A 01 61 02 02 11 02 01 00 02 01 02 01 02 01 00 14 FFFFFFFFFFFFFFFB"))
        #expect(try DLMSData(decoding: bytes) == value)
    }

    @Test func compactArrayOfStructures() throws {
        let type = TypeDescription.structure([.simple(0x12), .simple(0x09), .array(count: 2, element: .simple(0x11))])
        let value = DLMSData.compactArray(CompactArray(type: type, elements: [
            .structure([.longUnsigned(1), .octetString([0xAA]), .array([.unsigned(1), .unsigned(2)])]),
            .structure([.longUnsigned(2), .octetString([]), .array([.unsigned(3), .unsigned(4)])]),
        ]))
        // 13, type: 02 03 12 09 01 0002 11, contents length 0x0B, contents without tags.
        let expected = hex("13 02 03 12 09 01 0002 11 0B 0001 01 AA 01 02 0002 00 03 04")
        #expect(value.encoded == expected)
        #expect(try DLMSData(decoding: expected) == value)
    }

    @Test func compactArrayRefusesZeroSizeElements() {
        // Element type null-data takes no bytes.
        #expect(throws: DLMSDecodingError.unknownTag(0x00, context: "compact-array type description")) {
            try DLMSData(decoding: hex("13 00 00"))
        }
        // Array of 65535 empty structures: would allocate without consuming input.
        #expect(throws: DLMSDecodingError.invalidValue(context: "compact-array element type of no size")) {
            try DLMSData(decoding: hex("13 01 FFFF 01 FFFF 02 00 00"))
        }
        // Contents ending inside an element.
        #expect(throws: DLMSDecodingError.invalidValue(context: "compact-array contents end inside an element")) {
            try DLMSData(decoding: hex("13 12 03 0001 00"))
        }
        // Element array count larger than the contents.
        #expect(throws: DLMSDecodingError.invalidValue(context: "compact-array contents end inside an element")) {
            try DLMSData(decoding: hex("13 01 FFFF 11 02 01 02"))
        }
    }

    // MARK: Vectors

    @Test func getResponseValueVector() throws {
        // PROTOCOL.md §6 #9: `C4 01 C1 00 06 00 00 13 91` — data after the result byte.
        #expect(try DLMSData(decoding: hex("06 00 00 13 91")) == .doubleLongUnsigned(0x1391))
        #expect(DLMSData.doubleLongUnsigned(5009).encoded == hex("06 00 00 13 91"))
    }

    @Test func setClockValueVector() throws {
        // PROTOCOL.md §6 #9: SET clock `C1 01 C1 00 08 00 00 01 00 00 FF 02 00
        // 09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00`: an octet-string carrying a date-time.
        let bytes = hex("09 0C 07 E5 01 18 FF 0E 30 39 50 FF C4 00")
        let value = try DLMSData(decoding: bytes)
        let expected = COSEMDateTime(date: COSEMDate(year: 2021, month: 1, dayOfMonth: 24, dayOfWeek: 0xFF),
                                     time: COSEMTime(hour: 14, minute: 48, second: 57, hundredths: 80),
                                     deviation: -60, status: [])
        #expect(value.dateTimeValue == expected)
        #expect(DLMSData.dateTimeOctetString(expected).encoded == bytes)
    }

    @Test func clockResponseVector() throws {
        // PROTOCOL.md §6 #10 clock response: `… C4 01 C1 00 09 0C 07 E8 0A 0F 02 0C 1E 00 00 FF 4C 00 …`
        // = 2024-10-15 (Tuesday) 12:30:00.00, deviation −180 (UTC+3), status 00.
        let bytes = hex("09 0C 07 E8 0A 0F 02 0C 1E 00 00 FF 4C 00")
        #expect(try DLMSData(decoding: bytes).dateTimeValue == Self.sampleDateTime)
        #expect(DLMSData.dateTimeOctetString(Self.sampleDateTime).encoded == bytes)
    }

    // MARK: Errors

    static let truncationSamples: [DLMSData] = [
        .structure([.longUnsigned(8), .octetString(hex("0000010000FF")), .integer(2)]),
        .dateTimeOctetString(sampleDateTime),
        .dateTime(sampleDateTime),
        .array([.long64(1), .float64(2), .date(COSEMDate(year: 1, month: 2, dayOfMonth: 3)),
                .time(COSEMTime(hour: 1, minute: 2, second: 3))]),
        .bitString(BitString(count: 20, bytes: [1, 2, 3])),
        .visibleString([UInt8](repeating: 0x41, count: 300)),
        .compactArray(CompactArray(type: .structure([.simple(0x06), .simple(0x0F)]),
                                   elements: [.structure([.doubleLongUnsigned(1), .integer(2)])])),
    ]

    @Test(arguments: truncationSamples) func truncatedAtEveryCut(_ value: DLMSData) {
        let bytes = value.encoded
        for cut in 0..<bytes.count {
            let prefix = Array(bytes.prefix(cut))
            expectTruncated(prefix) { b throws(DLMSDecodingError) in _ = try DLMSData(decoding: b) }
            // The reader's cursor does not move on failure.
            var reader = ByteReader(prefix)
            _ = try? DLMSData.decode(from: &reader)
            #expect(reader.offset == 0)
        }
    }

    @Test func unknownTag() {
        #expect(throws: DLMSDecodingError.unknownTag(0x07, context: "A-XDR data")) {
            try DLMSData(decoding: [0x07, 0x00])
        }
        #expect(throws: DLMSDecodingError.unknownTag(0x07, context: "A-XDR data")) {
            try DLMSData(decoding: [0x02, 0x02, 0x11, 0x01, 0x07])
        }
    }

    @Test func trailingBytes() {
        #expect(throws: DLMSDecodingError.trailingBytes(2)) { try DLMSData(decoding: [0x11, 0x01, 0x00, 0x00]) }
    }

    @Test func deepNestingIsRefused() {
        let deep = [UInt8](repeating: 0x01, count: 2000) // 1000 times `01 01`
        #expect(throws: DLMSDecodingError.nestingTooDeep) { try DLMSData(decoding: deep + [0x00]) }
        let deepStructures = [UInt8]((0..<1000).flatMap { _ in [0x02, 0x01] }) + [0x00]
        #expect(throws: DLMSDecodingError.nestingTooDeep) { try DLMSData(decoding: deepStructures) }
        // Compact-array type descriptions are bounded too.
        let deepType = [0x13] + [UInt8]((0..<1000).flatMap { _ in [0x01, 0x00, 0x01] }) + [0x11, 0x00]
        #expect(throws: DLMSDecodingError.nestingTooDeep) { try DLMSData(decoding: deepType) }
    }

    @Test func sixtyFourLevelsAreAccepted() throws {
        var value = DLMSData.unsigned(1)
        for _ in 0..<DLMSData.maximumNestingDepth { value = .array([value]) }
        #expect(try DLMSData(decoding: value.encoded) == value)
        let tooDeep = DLMSData.array([value])
        #expect(throws: DLMSDecodingError.nestingTooDeep) { try DLMSData(decoding: tooDeep.encoded) }
    }

    @Test func hugeCountWithFewBytes() {
        // Array of 0x7FFFFFFF elements announced, 3 bytes follow.
        #expect(throws: DLMSDecodingError.truncated(needed: 0x7FFF_FFFF, available: 3)) {
            try DLMSData(decoding: hex("01 84 7FFFFFFF 11 01 00"))
        }
        #expect(throws: DLMSDecodingError.truncated(needed: 0x7FFF_FFFF, available: 1)) {
            try DLMSData(decoding: hex("09 84 7FFFFFFF 00"))
        }
        #expect(throws: DLMSDecodingError.lengthOutOfRange(Int(UInt32.max))) {
            try DLMSData(decoding: hex("02 84 FFFFFFFF 00"))
        }
    }
}

extension DLMSData: CustomTestStringConvertible {
    public var testDescription: String { Hex.string(encoded) }
}
