import Testing
@testable import DLMS

@Suite struct HDLCControlTests {
    /// PROTOCOL.md §1 "Control field".
    @Test func vectors() throws {
        let table: [(HDLCControl, UInt8)] = [
            (.information(sendSequence: 0, receiveSequence: 0, poll: true), 0x10),
            (.information(sendSequence: 1, receiveSequence: 1, poll: true), 0x32),
            (.information(sendSequence: 3, receiveSequence: 4, poll: false), 0x86),
            (.receiveReady(receiveSequence: 2, poll: true), 0x51),
            (.receiveReady(receiveSequence: 0, poll: false), 0x01),
            (.receiveNotReady(receiveSequence: 3, poll: true), 0x75),
            (.setNormalResponseMode(poll: true), 0x93), (.setNormalResponseMode(poll: false), 0x83),
            (.unnumberedAcknowledge(poll: true), 0x73), (.unnumberedAcknowledge(poll: false), 0x63),
            (.disconnect(poll: true), 0x53), (.disconnect(poll: false), 0x43),
            (.disconnectedMode(poll: true), 0x1F), (.disconnectedMode(poll: false), 0x0F),
            (.frameReject(poll: true), 0x97), (.frameReject(poll: false), 0x87),
            (.unnumberedInformation(poll: true), 0x13), (.unnumberedInformation(poll: false), 0x03),
        ]
        for (control, byte) in table {
            #expect(control.byte == byte, "\(control)")
            #expect(try HDLCControl(byte: byte) == control)
        }
    }

    /// A real client's I-frame control bytes: `10 32 54 76 98 BA DC FE 10` (modulo 8).
    @Test func sequenceWrapsModulo8() {
        let bytes = (0...8).map { HDLCControl.information(sendSequence: UInt8($0 % 8), receiveSequence: UInt8($0 % 8), poll: true).byte }
        #expect(bytes == [0x10, 0x32, 0x54, 0x76, 0x98, 0xBA, 0xDC, 0xFE, 0x10])
        #expect(HDLCControl.information(sendSequence: 9, receiveSequence: 10, poll: true).byte == 0x52)
    }

    /// Every byte either parses and re-encodes to itself, or is an unknownControl.
    @Test func everyByte() {
        var known = 0
        for b in 0...255 {
            let byte = UInt8(b)
            do {
                let c = try HDLCControl(byte: byte)
                #expect(c.byte == byte)
                known += 1
            } catch {
                #expect(error == .unknownControl(byte))
            }
        }
        // 128 I-frames, 16 RR, 16 RNR, 6 unnumbered × 2.
        #expect(known == 128 + 16 + 16 + 12)
    }

    @Test func describes() {
        #expect(HDLCControl.information(sendSequence: 0, receiveSequence: 1, poll: true).description == "I(ns=0,nr=1,P)")
        #expect(HDLCControl.receiveReady(receiveSequence: 2, poll: false).description == "RR(nr=2)")
        #expect(HDLCControl.setNormalResponseMode(poll: true).description == "SNRM(P)")
        #expect(HDLCControl.unnumberedAcknowledge(poll: false).description == "UA")
    }
}
