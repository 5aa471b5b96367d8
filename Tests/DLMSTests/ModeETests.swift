import Testing
@testable import DLMS

/// IEC 62056-21 mode E messages (PROTOCOL.md §2).
@Suite struct ModeETests {
    private func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test func signOnRequestBytes() {
        #expect(IEC62056Message.signOnRequest() == [0x2F, 0x3F, 0x21, 0x0D, 0x0A])
        #expect(IEC62056Message.signOnRequest(address: "12345678") == ascii("/?12345678!\r\n"))
    }

    @Test func acknowledgementFor9600() {
        #expect(IEC62056Message.acknowledgement(baudCharacter: UInt8(ascii: "5")) == [0x06, 0x32, 0x35, 0x32, 0x0D, 0x0A])
        #expect(IEC62056Message.acknowledgement(baudCharacter: IEC62056Message.baudCharacter(forRate: 9600)!)
                == [0x06, 0x32, 0x35, 0x32, 0x0D, 0x0A])
    }

    @Test func baudTable() {
        let expected = [300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200]
        for (i, rate) in expected.enumerated() {
            let c = UInt8(ascii: "0") + UInt8(i)
            #expect(IEC62056Message.baudRate(forCharacter: c) == rate)
            #expect(IEC62056Message.baudCharacter(forRate: rate) == c)
        }
        #expect(IEC62056Message.baudRate(forCharacter: UInt8(ascii: "A")) == nil)
        #expect(IEC62056Message.baudCharacter(forRate: 14400) == nil)
    }

    @Test func parsesIdentification() throws {
        let id = try Identification(parsing: ascii("/EMS5\\2ES951\r\n"))
        #expect(id.manufacturer == "EMS")
        #expect(id.baudCharacter == UInt8(ascii: "5"))
        #expect(id.baudRate == 9600)
        #expect(id.supportsHDLC)
        #expect(!id.reactionTimeShort)
        #expect(id.identification == "ES951")
        #expect(id.encoded() == ascii("/EMS5\\2ES951\r\n"))
        #expect(id == Identification(manufacturer: "EMS", baudCharacter: UInt8(ascii: "5"), identification: "ES951"))

        let short = try Identification(parsing: ascii("/ISk6MT382-1000\r\n"))
        #expect(short.reactionTimeShort)
        #expect(!short.supportsHDLC)
        #expect(short.baudRate == 19200)
        #expect(short.identification == "MT382-1000")
        #expect(short.encoded() == ascii("/ISk6MT382-1000\r\n"))
    }

    @Test func identificationWithParityBitSet() throws {
        let bytes = ascii("/EMS5\\2ES951\r\n").map { $0 | 0x80 }
        #expect(try Identification(parsing: bytes).identification == "ES951")
    }

    @Test func rejectsBadIdentification() {
        #expect(throws: DLMSDecodingError.invalidValue(context: "IEC 62056-21 identification")) {
            try Identification(parsing: self.ascii("XEMS5ES951\r\n"))
        }
        #expect(throws: DLMSDecodingError.invalidValue(context: "IEC 62056-21 identification")) {
            try Identification(parsing: self.ascii("/EMS5ES951\n"))
        }
        #expect(throws: DLMSDecodingError.invalidValue(context: "IEC 62056-21 identification manufacturer")) {
            try Identification(parsing: self.ascii("/E1S5ES951\r\n"))
        }
        let whole = ascii("/EMS5\\2ES951\r\n")
        for cut in 0..<whole.count {
            #expect(throws: DLMSDecodingError.self) { try Identification(parsing: Array(whole[..<cut])) }
        }
    }

    @Test func readerSkipsEchoAndHandlesSplitReads() throws {
        let request = IEC62056Message.signOnRequest()
        let stream = request + ascii("/EMS5\\2ES951\r\n")
        // Every split point, and byte by byte.
        for split in 0...stream.count {
            var reader = IdentificationReader(request: request)
            let first = try reader.append(Array(stream[..<split]))
            let second = try reader.append(Array(stream[split...]))
            let id = first ?? second
            #expect(id?.identification == "ES951")
            #expect(id?.supportsHDLC == true)
        }
        var reader = IdentificationReader(request: request)
        var result: Identification?
        for b in stream {
            let r = try reader.append([b])
            if r != nil { #expect(result == nil); result = r }
        }
        #expect(result?.manufacturer == "EMS")
    }

    @Test func readerWithoutEchoAndWithNoise() throws {
        var reader = IdentificationReader(request: IEC62056Message.signOnRequest())
        #expect(try reader.append(ascii("/EMS5")) == nil)
        #expect(try reader.append(ascii("\\2ES951\r\nXY"))?.identification == "ES951")
        #expect(reader.remainder == ascii("XY"))

        var noisy = IdentificationReader()
        #expect(try noisy.append([0x00, 0x7F]) == nil)
        #expect(try noisy.append(ascii("/ABC5X\r\n"))?.manufacturer == "ABC")
    }

    @Test func readerGivesUpOnEndlessInput() {
        var reader = IdentificationReader()
        #expect(throws: DLMSDecodingError.lengthOutOfRange(IdentificationReader.maximumLength + 1)) {
            _ = try reader.append(self.ascii("/") + Array(repeating: UInt8(ascii: "A"), count: IdentificationReader.maximumLength))
        }
    }

    @Test func serverSideParsesRequestAndOptionSelect() throws {
        #expect(try SignOnRequest(parsing: ascii("/?!\r\n")).address == "")
        #expect(try SignOnRequest(parsing: ascii("/?12345678!\r\n")).address == "12345678")
        #expect(SignOnRequest(address: "42").encoded() == ascii("/?42!\r\n"))
        #expect(throws: DLMSDecodingError.self) { try SignOnRequest(parsing: self.ascii("/?!\r")) }
        #expect(throws: DLMSDecodingError.self) { try SignOnRequest(parsing: self.ascii("/X!\r\n")) }

        let ack = try OptionSelect(parsing: [0x06, 0x32, 0x35, 0x32, 0x0D, 0x0A])
        #expect(ack.selectsHDLC)
        #expect(ack.baudRate == 9600)
        #expect(ack.encoded() == [0x06, 0x32, 0x35, 0x32, 0x0D, 0x0A])
        #expect(throws: DLMSDecodingError.unknownTag(0x15, context: "IEC 62056-21 option select")) {
            try OptionSelect(parsing: [0x15, 0x32, 0x35, 0x32, 0x0D, 0x0A])
        }
        let readout = try OptionSelect(parsing: [0x06, 0x30, 0x35, 0x30, 0x0D, 0x0A])
        #expect(!readout.selectsHDLC)
    }
}
