import Testing
@testable import DLMS

@Suite struct SelectiveAccessTests {
    static let from = COSEMDateTime(date: COSEMDate(year: 2024, month: 10, dayOfMonth: 14, dayOfWeek: 1),
                                    time: COSEMTime(hour: 0, minute: 0, second: 0, hundredths: 0),
                                    deviation: -180, status: [])
    static let to = COSEMDateTime(date: COSEMDate(year: 2024, month: 10, dayOfMonth: 15, dayOfWeek: 2),
                                  time: COSEMTime(hour: 0, minute: 0, second: 0, hundredths: 0),
                                  deviation: -180, status: [])

    @Test func rangeDescriptorRequestBytes() throws {
        // PROTOCOL.md §3 (u9n test_selective_access.py): `C0 01 C1 00 07 01 00 63 01 00 FF 02
        // 01 01 02 04`, restricting object `02 04 12 00 08 09 06 00 00 01 00 00 FF 0F 02 12 00 00`,
        // from `09 0C <date-time>`, to `09 0C <date-time>`, selected values `01 00`.
        let access = SelectiveAccess.range(RangeDescriptor(
            from: .dateTimeOctetString(Self.from), to: .dateTimeOctetString(Self.to)))
        let descriptor = CosemAttributeDescriptor(classID: 7, instance: OBISCode(1, 0, 99, 1, 0, 255), attribute: 2)
        var writer = ByteWriter()
        writer.write([0xC0, 0x01, 0xC1])
        descriptor.encode(into: &writer)
        writer.write(UInt8(0x01))
        access.encode(into: &writer)
        let expected = hex("""
            C0 01 C1 00 07 01 00 63 01 00 FF 02 01 01 02 04
            02 04 12 00 08 09 06 00 00 01 00 00 FF 0F 02 12 00 00
            09 0C 07 E8 0A 0E 01 00 00 00 00 FF 4C 00
            09 0C 07 E8 0A 0F 02 00 00 00 00 FF 4C 00
            01 00
            """)
        #expect(writer.bytes == expected)

        var reader = ByteReader(expected, from: 13)
        #expect(try SelectiveAccess.decode(from: &reader) == access)
        #expect(reader.isAtEnd)
    }

    @Test func rangeWithSelectedColumns() throws {
        let columns = [CaptureObjectDefinition.clock,
                       CaptureObjectDefinition(classID: 3, instance: OBISCode(1, 0, 1, 8, 0, 255), attribute: 2)]
        let access = SelectiveAccess.range(RangeDescriptor(
            from: .dateTimeOctetString(Self.from), to: .dateTimeOctetString(Self.to), selectedValues: columns))
        var writer = ByteWriter()
        access.encode(into: &writer)
        #expect(writer.bytes.suffix(38) == hex("""
            01 02 02 04 12 0008 09 06 0000010000FF 0F 02 12 0000
            02 04 12 0003 09 06 0100010800FF 0F 02 12 0000
            """))
        var reader = ByteReader(writer.bytes)
        #expect(try SelectiveAccess.decode(from: &reader) == access)
    }

    @Test func entryDescriptorBytes() throws {
        // PROTOCOL.md §3: `01 02 02 04 06 <from u32> 06 <to u32> 12 <from_col u16> 12 <to_col u16>`
        // (the first 01 is the access flag of the GET request).
        let access = SelectiveAccess.entry(EntryDescriptor(fromEntry: 1, toEntry: 10, fromColumn: 1, toColumn: 0))
        var writer = ByteWriter()
        access.encode(into: &writer)
        let expected = hex("02 02 04 06 00000001 06 0000000A 12 0001 12 0000")
        #expect(writer.bytes == expected)
        var reader = ByteReader(expected)
        #expect(try SelectiveAccess.decode(from: &reader) == access)
        #expect(reader.isAtEnd)
    }

    @Test func otherSelectorsAndShapesKeepTheirData() throws {
        for bytes in [hex("03 11 05"),                                 // unknown selector
                      hex("02 02 04 11 01 11 02 12 0001 12 0000"),     // entry with wrong types
                      hex("01 02 03 11 01 11 02 01 00"),               // range with 3 items
                      hex("01 02 04 11 00 09 00 09 00 01 00")] {      // range with a bad restricting object
            var reader = ByteReader(bytes)
            let access = try SelectiveAccess.decode(from: &reader)
            guard case .other(let selector, let parameters) = access else {
                Issue.record("expected .other for \(Hex.string(bytes))")
                continue
            }
            #expect(selector == bytes[0])
            #expect(parameters.encoded == Array(bytes.dropFirst()))
            var writer = ByteWriter()
            access.encode(into: &writer)
            #expect(writer.bytes == bytes)
        }
    }

    @Test func truncatedAtEveryCut() {
        let access = SelectiveAccess.range(RangeDescriptor(
            from: .dateTimeOctetString(Self.from), to: .dateTimeOctetString(Self.to),
            selectedValues: [.clock]))
        var writer = ByteWriter()
        access.encode(into: &writer)
        let bytes = writer.bytes
        for cut in 0..<bytes.count {
            expectTruncated(Array(bytes.prefix(cut))) { b throws(DLMSDecodingError) in
                var reader = ByteReader(b)
                _ = try SelectiveAccess.decode(from: &reader)
            }
            var reader = ByteReader(Array(bytes.prefix(cut)))
            _ = try? SelectiveAccess.decode(from: &reader)
            #expect(reader.offset == 0)
        }
    }

    @Test func captureObjectDefinitionData() throws {
        let clock = CaptureObjectDefinition.clock
        #expect(clock.data.encoded == hex("02 04 12 0008 09 06 0000010000FF 0F 02 12 0000"))
        #expect(try CaptureObjectDefinition(clock.data) == clock)
        // Capture objects of a journal (attribute 3): clock time and event code.
        let event = CaptureObjectDefinition(classID: 1, instance: OBISCode(0, 0, 96, 11, 0, 255), attribute: 2)
        let list = DLMSData.array([clock.data, event.data])
        #expect(try CaptureObjectDefinition.list(from: try DLMSData(decoding: list.encoded)) == [clock, event])
        // Unsigned attribute / data index are accepted.
        #expect(try CaptureObjectDefinition(.structure([.longUnsigned(8), .octetString(hex("0000010000FF")),
                                                        .unsigned(2), .unsigned(0)])) == clock)
    }

    @Test(arguments: [
        DLMSData.null,
        .structure([.longUnsigned(8), .octetString(hex("0000010000FF")), .integer(2)]),
        .structure([.unsigned(8), .octetString(hex("0000010000FF")), .integer(2), .longUnsigned(0)]),
        .structure([.longUnsigned(8), .octetString(hex("00000100FF")), .integer(2), .longUnsigned(0)]),
        .structure([.longUnsigned(8), .visibleString(hex("0000010000FF")), .integer(2), .longUnsigned(0)]),
        .structure([.longUnsigned(8), .octetString(hex("0000010000FF")), .long(2), .longUnsigned(0)]),
        .structure([.longUnsigned(8), .octetString(hex("0000010000FF")), .integer(2), .doubleLong(0)]),
    ])
    func captureObjectDefinitionRejects(_ data: DLMSData) {
        #expect(throws: DLMSDecodingError.invalidValue(context: "capture object definition")) {
            try CaptureObjectDefinition(data)
        }
    }

    @Test func captureObjectListRejectsNonArray() {
        #expect(throws: DLMSDecodingError.invalidValue(context: "capture objects")) {
            try CaptureObjectDefinition.list(from: .structure([]))
        }
    }
}
