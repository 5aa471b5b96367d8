import Testing
@testable import DLMS

@Suite struct DLMSDataDescriptionTests {
    @Test func structures() {
        #expect(DLMSData.structure([.longUnsigned(8), .octetString(hex("0000010000FF"))]).description
                == "structure{long-unsigned 8, octet-string 0000010000ff}")
        #expect(DLMSData.array([.unsigned(1), .null, .dontCare]).description
                == "array[unsigned 1, null-data, dont-care]")
        #expect(DLMSData.structure([]).description == "structure{}")
    }

    @Test func strings() {
        #expect(DLMSData.octetString(Array("12345678".utf8)).description == "octet-string \"12345678\"")
        #expect(DLMSData.visibleString(Array("a\"b".utf8)).description == "visible-string \"a\\\"b\"")
        #expect(DLMSData.visibleString([0x01, 0x41]).description == "visible-string 0141")
        #expect(DLMSData.octetString([]).description == "octet-string ")
        #expect(DLMSData.utf8String(Array("Счётчик".utf8)).description == "utf8-string \"Счётчик\"")
        #expect(DLMSData.utf8String([0xFF]).description == "utf8-string ff")
    }

    @Test func dateTimes() {
        // PROTOCOL.md §6 #10: a 12-byte octet-string that reads as a date-time.
        #expect(DLMSData.octetString(hex("07E80A0F020C1E0000FF4C00")).description
                == "octet-string 07e80a0f020c1e0000ff4c00 (2024-10-15 12:30:00 (deviation -180, status 00))")
        #expect(DLMSData.dateTime(AXDRTests.sampleDateTime).description
                == "date-time 2024-10-15 12:30:00 (deviation -180, status 00)")
        #expect(DLMSData.date(COSEMDate(year: 2024, month: 1, dayOfMonth: 2)).description == "date 2024-01-02")
        #expect(DLMSData.time(COSEMTime(hour: 23, minute: 5, second: 0xFF)).description == "time 23:05:*")
    }

    @Test func numbers() {
        #expect(DLMSData.integer(-5).description == "integer -5")
        #expect(DLMSData.long64Unsigned(.max).description == "long64-unsigned 18446744073709551615")
        #expect(DLMSData.enumerated(3).description == "enum 3")
        #expect(DLMSData.boolean(true).description == "boolean true")
        #expect(DLMSData.float32(Float(1.5).bitPattern).description == "float32 1.5")
        #expect(DLMSData.float64(Double(-0.25).bitPattern).description == "float64 -0.25")
        #expect(DLMSData.bcd(0x42).description == "bcd 42")
        #expect(DLMSData.bitString(BitString(count: 5, bytes: [0xA8])).description == "bit-string 10101")
        #expect(DLMSData.bitString(BitString(count: 72, bytes: [UInt8](repeating: 0xF0, count: 9))).description
                == "bit-string 72 bits f0f0f0f0f0f0f0f0f0")
    }

    @Test func compactArray() {
        let value = DLMSData.compactArray(CompactArray(
            type: .structure([.simple(0x12), .array(count: 2, element: .simple(0x11))]),
            elements: [.structure([.longUnsigned(1), .array([.unsigned(2), .unsigned(3)])])]))
        #expect(value.description
                == "compact-array<structure{long-unsigned, array 2 of unsigned}>[structure{long-unsigned 1, array[unsigned 2, unsigned 3]}]")
    }
}
