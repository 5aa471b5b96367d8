/// The IEC 62056-21 messages of the mode E opening on an optical port (IEC 62056-21
/// §6.3 and Annex E; PROTOCOL.md §2):
///
/// 1. client, 300 baud 7E1: request `/?!\r\n` (or `/?<address>!\r\n`);
/// 2. device: identification `/XXXZ\2<ident>\r\n` (``Identification``);
/// 3. client: acknowledgement / option select `06 32 Z 32 0D 0A` (``OptionSelect``);
/// 4. both switch to the baud rate Z, 8N1, and HDLC starts.
///
/// The characters travel as 7-bit ASCII with even parity; parsers ignore bit 7 in case
/// a serial driver hands the parity bit through.
public enum IEC62056Message {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let ack: UInt8 = 0x06

    /// The request (sign-on) message: `/?!\r\n`, or `/?<address>!\r\n` to address one
    /// device by its serial number.
    public static func signOnRequest(address: String = "") -> [UInt8] {
        SignOnRequest(address: address).encoded()
    }

    /// The acknowledgement / option-select message that enters binary (HDLC) mode:
    /// `06 '2' Z '2' CR LF` — protocol control '2' (HDLC procedure), the device's baud
    /// character Z, mode control '2' (binary). For 9600 baud: `06 32 35 32 0D 0A`.
    public static func acknowledgement(baudCharacter: UInt8) -> [UInt8] {
        OptionSelect(baudCharacter: baudCharacter).encoded()
    }

    /// Baud character → rate (IEC 62056-21 §6.3.14 mode C/E; `7`…`9` from Gurux).
    public static func baudRate(forCharacter character: UInt8) -> Int? {
        guard character >= UInt8(ascii: "0"), character <= UInt8(ascii: "9") else { return nil }
        return baudRates[Int(character - UInt8(ascii: "0"))]
    }

    /// Baud rate → character, nil for a rate the table does not have.
    public static func baudCharacter(forRate rate: Int) -> UInt8? {
        baudRates.firstIndex(of: rate).map { UInt8(ascii: "0") + UInt8($0) }
    }

    /// The rates of baud characters `0`…`9`.
    public static let baudRates = LineSpeed.bauds

    /// The line in `bytes` without its CR LF, bit 7 cleared; throws when the line does
    /// not end in CR LF.
    static func line(_ bytes: [UInt8], context: String) throws(DLMSDecodingError) -> [UInt8] {
        guard bytes.count >= 2 else { throw .truncated(needed: 2, available: bytes.count) }
        let masked = bytes.map { $0 & 0x7F }
        guard masked[masked.count - 2] == cr, masked[masked.count - 1] == lf else {
            throw .invalidValue(context: context)
        }
        return Array(masked[..<(masked.count - 2)])
    }
}

/// The request message `/?<address>!\r\n` (IEC 62056-21 §6.3.1).
public struct SignOnRequest: Hashable, Sendable {
    /// Device address (serial number), empty for "any device".
    public var address: String
    public init(address: String = "") { self.address = address }

    public func encoded() -> [UInt8] {
        [UInt8(ascii: "/"), UInt8(ascii: "?")] + Array(address.utf8) + [UInt8(ascii: "!"), IEC62056Message.cr, IEC62056Message.lf]
    }

    /// Parses a whole request message, CR LF included.
    /// - Throws: `.invalidValue` when it is not `/?…!\r\n` or the address holds `/`, `?`,
    ///   `!` or control characters; `.truncated` when shorter than `/?!\r\n`.
    public init(parsing bytes: [UInt8]) throws(DLMSDecodingError) {
        let line = try IEC62056Message.line(bytes, context: "IEC 62056-21 request")
        guard line.count >= 3 else { throw .truncated(needed: 5, available: bytes.count) }
        guard line[0] == UInt8(ascii: "/"), line[1] == UInt8(ascii: "?"), line[line.count - 1] == UInt8(ascii: "!") else {
            throw .invalidValue(context: "IEC 62056-21 request")
        }
        let address = line[2..<(line.count - 1)]
        guard address.count <= 32,
              address.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "!") })
        else { throw .invalidValue(context: "IEC 62056-21 request address") }
        self.address = String(decoding: address, as: UTF8.self)
    }
}

/// The acknowledgement / option-select message `ACK V Z Y CR LF` (IEC 62056-21 §6.3.3).
public struct OptionSelect: Hashable, Sendable {
    /// V: '0' normal protocol procedure, '1' secondary, '2' HDLC protocol procedure (mode E).
    public var protocolControl: UInt8
    /// Z: the baud character (see ``IEC62056Message/baudRate(forCharacter:)``).
    public var baudCharacter: UInt8
    /// Y: '0' data readout, '1' programming, '2' binary mode (HDLC).
    public var modeControl: UInt8

    public init(protocolControl: UInt8 = UInt8(ascii: "2"), baudCharacter: UInt8, modeControl: UInt8 = UInt8(ascii: "2")) {
        self.protocolControl = protocolControl; self.baudCharacter = baudCharacter; self.modeControl = modeControl
    }

    /// Whether this selects mode E binary HDLC (`V = '2'`, `Y = '2'`).
    public var selectsHDLC: Bool { protocolControl == UInt8(ascii: "2") && modeControl == UInt8(ascii: "2") }

    /// The baud rate Z names, nil for an unknown character.
    public var baudRate: Int? { IEC62056Message.baudRate(forCharacter: baudCharacter) }

    public func encoded() -> [UInt8] {
        [IEC62056Message.ack, protocolControl, baudCharacter, modeControl, IEC62056Message.cr, IEC62056Message.lf]
    }

    /// Parses `06 V Z Y 0D 0A`.
    public init(parsing bytes: [UInt8]) throws(DLMSDecodingError) {
        let line = try IEC62056Message.line(bytes, context: "IEC 62056-21 option select")
        guard line.count == 4 else {
            if line.count < 4 { throw .truncated(needed: 6, available: bytes.count) }
            throw .invalidValue(context: "IEC 62056-21 option select")
        }
        guard line[0] == IEC62056Message.ack else { throw .unknownTag(line[0], context: "IEC 62056-21 option select") }
        self.init(protocolControl: line[1], baudCharacter: line[2], modeControl: line[3])
    }
}
