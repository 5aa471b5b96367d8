import Testing
@testable import DLMS

@Suite struct OBISTests {
    @Test func printsDotted() {
        #expect(OBISCode(0, 0, 96, 1, 0, 255).description == "0.0.96.1.0.255")
        #expect(OBISCode(1, 0, 1, 8, 0, 255).description == "1.0.1.8.0.255")
    }

    @Test func parsesBothForms() {
        #expect(OBISCode("0.0.96.1.0.255") == OBISCode(0, 0, 96, 1, 0, 255))
        #expect(OBISCode("1-0:1.8.0*255") == OBISCode(1, 0, 1, 8, 0, 255))
        #expect(OBISCode("255.255.255.255.255.255") == OBISCode(255, 255, 255, 255, 255, 255))
        #expect(OBISCode("000.0.1.0.0.255") == OBISCode(0, 0, 1, 0, 0, 255))
    }

    @Test(arguments: ["", "0.0.96.1.0", "0.0.96.1.0.255.1", "0.0.96.1.0.256", "0.0.96.1.0.1000",
                      "0..96.1.0.255", ".0.0.96.1.0", "0.0.96.1.0.255.", " 0.0.96.1.0.255",
                      "0.0.96.1.0.255 ", "a.0.96.1.0.255", "1-0:1.8.0.255", "1.0.1.8.0*255",
                      "1-0:1.8.0*", "-1.0.1.8.0.255", "0,0,96,1,0,255", "0.0.96.1.0.２５５"])
    func rejects(_ text: String) {
        #expect(OBISCode(text) == nil)
    }

    @Test func attributeDescriptorCoding() throws {
        // PROTOCOL.md §6 #9: GET `C0 01 C1 00 01 00 00 2B 01 00 FF 02 00` — descriptor 1/0.0.43.1.0.255/2.
        let descriptor = CosemAttributeDescriptor(classID: 1, instance: OBISCode(0, 0, 43, 1, 0, 255), attribute: 2)
        var writer = ByteWriter()
        descriptor.encode(into: &writer)
        #expect(writer.bytes == hex("0001 00002B0100FF 02"))
        var reader = ByteReader(hex("C0 01 C1 00 01 00 00 2B 01 00 FF 02 00"), from: 3)
        #expect(try CosemAttributeDescriptor.decode(from: &reader) == descriptor)
        #expect(reader.remaining == 1)
        #expect(descriptor.description == "1/0.0.43.1.0.255/2")
        #expect(CosemAttributeDescriptor("1/0.0.43.1.0.255/2") == descriptor)
        #expect(CosemAttributeDescriptor("8/0-0:1.0.0*255/-1")
                == CosemAttributeDescriptor(classID: 8, instance: OBISCode(0, 0, 1, 0, 0, 255), attribute: -1))
    }

    @Test func methodDescriptorCoding() throws {
        // PROTOCOL.md §6 #9: ACTION `C3 01 C0 00 0F 00 00 28 00 00 FF 01 00` — 15/0.0.40.0.0.255/1.
        let descriptor = CosemMethodDescriptor(classID: 15, instance: OBISCode(0, 0, 40, 0, 0, 255), method: 1)
        var writer = ByteWriter()
        descriptor.encode(into: &writer)
        #expect(writer.bytes == hex("000F 0000280000FF 01"))
        var reader = ByteReader(hex("C3 01 C0 00 0F 00 00 28 00 00 FF 01 00"), from: 3)
        #expect(try CosemMethodDescriptor.decode(from: &reader) == descriptor)
        #expect(descriptor.description == "15/0.0.40.0.0.255/1")
        #expect(CosemMethodDescriptor("15/0.0.40.0.0.255/1") == descriptor)
    }

    @Test func descriptorTruncation() {
        let bytes = hex("0008 0000010000FF 02")
        for cut in 0..<bytes.count {
            var reader = ByteReader(Array(bytes.prefix(cut)))
            #expect(throws: DLMSDecodingError.truncated(needed: 9, available: cut)) {
                try CosemAttributeDescriptor.decode(from: &reader)
            }
            #expect(reader.offset == 0)
            #expect(throws: DLMSDecodingError.truncated(needed: 9, available: cut)) {
                try CosemMethodDescriptor.decode(from: &reader)
            }
        }
    }

    @Test(arguments: ["", "1/0.0.96.1.0.255", "1/0.0.96.1.0.255/2/3", "65536/0.0.96.1.0.255/2",
                      "1/0.0.96.1.0/2", "1/0.0.96.1.0.255/128", "1/0.0.96.1.0.255/", "/0.0.96.1.0.255/2",
                      "-1/0.0.96.1.0.255/2", "x/0.0.96.1.0.255/2", "1 /0.0.96.1.0.255/2"])
    func descriptorTextRejects(_ text: String) {
        #expect(CosemAttributeDescriptor(text) == nil)
        #expect(CosemMethodDescriptor(text) == nil)
    }

    @Test func objectClassNames() {
        #expect(ObjectClass.clock.rawValue == 8)
        #expect(ObjectClass(7).name == "profile generic")
        #expect(ObjectClass.gprsModemSetup.description == "GPRS modem setup")
        #expect(ObjectClass(99).name == nil)
        #expect(ObjectClass(99).description == "class 99")
        let all: [(ObjectClass, UInt16)] = [
            (.data, 1), (.register, 3), (.extendedRegister, 4), (.profileGeneric, 7), (.clock, 8),
            (.associationLN, 15), (.sapAssignment, 17), (.imageTransfer, 18), (.iecHDLCSetup, 23),
            (.autoConnect, 29), (.pushSetup, 40), (.tcpUDPSetup, 41), (.ipv4Setup, 42),
            (.macAddressSetup, 43), (.pppSetup, 44), (.gprsModemSetup, 45)]
        for (objectClass, id) in all {
            #expect(objectClass.rawValue == id)
            #expect(objectClass.name != nil)
        }
    }
}
