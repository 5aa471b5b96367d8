import DLMS
import Testing
@testable import ES951

@Suite("Addresses, IPs, endpoints, scaler and unit")
struct HelperTests {
    @Test(arguments: [
        ("95100001", UInt16(1001)), ("0", 1000), ("9999", 10999), ("12345678", 6678),
        ("00000000", 1000), ("1234567890123456", 4456), ("123456789012345678901234567890", 8890),
    ])
    func logicalAddressFromSerial(_ serial: String, _ expected: UInt16) {
        #expect(logicalAddress(serial: serial) == expected)
    }

    @Test(arguments: ["", "9510000A", " 95100001", "95100001 ", "-1", "٣"])
    func logicalAddressRejectsNonDigits(_ serial: String) {
        #expect(logicalAddress(serial: serial) == nil)
    }

    @Test func logicalAddressWithOtherConstants() {
        #expect(logicalAddress(serial: "123", modulus: 100, offset: 16) == 39)
        #expect(logicalAddress(serial: "1", modulus: 0, offset: 16) == nil)
        #expect(logicalAddress(serial: "65535", modulus: 100000, offset: 1) == nil)   // overflows UInt16
    }

    @Test func ipv4RoundTrip() {
        #expect(IPv4Address("192.168.1.10")?.rawValue == 0xC0A8_010A)
        #expect(IPv4Address(rawValue: 0xC0A8_010A).description == "192.168.1.10")
        #expect(IPv4Address("0.0.0.0")?.rawValue == 0)
        #expect(IPv4Address("255.255.255.255")?.rawValue == .max)
        #expect(IPv4Address(10, 0, 0, 1).octets == [10, 0, 0, 1])
        for raw: UInt32 in [0, 1, 0x7F00_0001, 0xFFFF_FF00, 0x0A0B_0C0D] {
            #expect(IPv4Address(IPv4Address(rawValue: raw).description)?.rawValue == raw)
        }
    }

    @Test(arguments: ["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "1.2.3.", ".1.2.3", "1.2.3.0004", "a.b.c.d", "1.2.3.4 "])
    func ipv4Rejects(_ text: String) {
        #expect(IPv4Address(text) == nil)
    }

    @Test func endpointParseAndFormat() {
        let e = ServerEndpoint("10.0.0.1:5000")
        #expect(e == ServerEndpoint(host: "10.0.0.1", port: 5000))
        #expect(e?.octets == Array("10.0.0.1:5000".utf8))
        #expect(ServerEndpoint(octets: Array("srv.example-1.ru:4059".utf8))?.host == "srv.example-1.ru")
        #expect(ServerEndpoint(host: "192.168.0.2", port: 65535).description == "192.168.0.2:65535")
    }

    @Test(arguments: ["", ":80", "10.0.0.1", "10.0.0.1:", "10.0.0.1:0", "10.0.0.1:65536", "10.0.0.1:8a",
                      "300.0.0.1:80", "host name:80", "10.0.0.1:123456", "10.0.0.1: 80"])
    func endpointRejects(_ text: String) {
        #expect(ServerEndpoint(text) == nil)
    }

    @Test func endpointRejectsNonASCIIOctets() {
        #expect(ServerEndpoint(octets: [0xD0, 0x90, 0x3A, 0x31]) == nil)
    }

    @Test(arguments: [
        (Int64(1234), Int8(-2), "12.34"), (5, -2, "0.05"), (-5, -2, "-0.05"), (0, -2, "0.00"),
        (100, -2, "1.00"), (5, 3, "5000"), (0, 3, "0"), (42, 0, "42"), (-42, 0, "-42"),
        (Int64.min, 0, "-9223372036854775808"), (1, -5, "0.00001"),
    ])
    func scaledText(_ raw: Int64, _ scaler: Int8, _ expected: String) {
        #expect(ScaledValue(raw: raw, scaler: scaler).text() == expected)
    }

    @Test func scaledWithUnitAndComma() {
        #expect(ScaledValue(raw: 1234, scaler: -2, unit: .volt).description == "12.34 V")
        #expect(ScaledValue(raw: 1234, scaler: -2, unit: .volt).text(decimalSeparator: ",") == "12,34")
        #expect(ScaledValue(raw: 7, unit: .wattHour).description == "7 Wh")
        #expect(ScaledValue(raw: 7, unit: .count).description == "7")
        #expect(ScaledValue(raw: 7).description == "7")
        #expect(ScaledValue(raw: 1234, scaler: -2).doubleValue == 12.34)
        #expect(ScaledValue(raw: 12, scaler: 2).doubleValue == 1200)
    }

    @Test func unitSymbols() {
        let expected: [UInt8: String] = [7: "s", 27: "W", 29: "var", 30: "Wh", 32: "varh", 35: "V", 33: "A", 44: "Hz", 56: "%"]
        for (code, symbol) in expected { #expect(DLMSUnit(code).symbol == symbol, "\(code)") }
        #expect(DLMSUnit(0).symbol == nil)
        #expect(DLMSUnit(200).description == "unit 200")
        #expect(DLMSUnit.varUnit.rawValue == 29)
    }

    @Test func mapTypeTagsAndAcceptance() {
        #expect(MapType.dateTime.tag == 0x09)
        #expect(MapType.longUnsigned.tag == 0x12)
        #expect(MapType.enumerated.rawValue == "enum")
        #expect(MapType.dateTime.accepts(.octetString(Array(repeating: 0, count: 12))))
        #expect(!MapType.dateTime.accepts(.octetString([1, 2])))
        #expect(MapType.longUnsigned.accepts(.longUnsigned(5)))
        #expect(!MapType.longUnsigned.accepts(.unsigned(5)))
        #expect(MapType.allCases.allSatisfy { MapType(rawValue: $0.rawValue) == $0 })
    }

    @Test func captureObjectDefinitionData() {
        let c = CaptureObjectDefinition(classID: 8, instance: OBISCode(0, 0, 1, 0, 0, 255), attribute: 2)
        #expect(c.data == .structure([.longUnsigned(8), .octetString([0, 0, 1, 0, 0, 255]), .integer(2), .longUnsigned(0)]))
    }
}
