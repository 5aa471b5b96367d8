/// The identification message a device answers a sign-on with (IEC 62056-21 §6.3.2):
/// `/XXXZ\W…<identification>\r\n`.
///
/// - `XXX`: manufacturer's three-letter id; a lowercase third letter announces a
///   reaction time of 20 ms instead of 200 ms (iec21 client.py).
/// - `Z`: the highest baud character the device offers (`5` = 9600).
/// - `\W`: enhanced identification characters; `\2` = "binary mode (HDLC) available".
/// - `<identification>`: up to 16 printable characters.
///
/// Example: `/EMS5\2ES951\r\n` → manufacturer `EMS`, 9600 baud, HDLC, `ES951`.
public struct Identification: Hashable, Sendable {
    public var manufacturer: String
    public var baudCharacter: UInt8
    /// The W characters of every `\W` sequence, in order (`[0x32]` for `\2`).
    public var enhancedIdentification: [UInt8]
    public var identification: String

    public init(manufacturer: String, baudCharacter: UInt8, supportsHDLC: Bool = true, identification: String) {
        self.manufacturer = manufacturer; self.baudCharacter = baudCharacter
        self.enhancedIdentification = supportsHDLC ? [UInt8(ascii: "2")] : []
        self.identification = identification
    }

    public init(manufacturer: String, baudCharacter: UInt8, enhancedIdentification: [UInt8], identification: String) {
        self.manufacturer = manufacturer; self.baudCharacter = baudCharacter
        self.enhancedIdentification = enhancedIdentification; self.identification = identification
    }

    /// `\2` present: the device offers mode E (binary HDLC).
    public var supportsHDLC: Bool { enhancedIdentification.contains(UInt8(ascii: "2")) }

    /// The third manufacturer letter is lowercase: minimum reaction time 20 ms, else 200 ms.
    public var reactionTimeShort: Bool {
        guard let third = manufacturer.utf8.dropFirst(2).first else { return false }
        return third >= UInt8(ascii: "a") && third <= UInt8(ascii: "z")
    }

    /// The baud rate of `baudCharacter`, nil for a character outside `0`…`9`.
    public var baudRate: Int? { IEC62056Message.baudRate(forCharacter: baudCharacter) }

    /// The message bytes, CR LF included.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "/")]
        out += manufacturer.utf8
        out.append(baudCharacter)
        for w in enhancedIdentification { out.append(UInt8(ascii: "\\")); out.append(w) }
        out += identification.utf8
        out += [IEC62056Message.cr, IEC62056Message.lf]
        return out
    }

    /// Parses one whole identification message, CR LF included (bit 7 ignored).
    /// - Throws: `.truncated` when shorter than `/XXXZ\r\n`; `.invalidValue` when it does
    ///   not start with `/`, does not end in CR LF, or holds control characters.
    public init(parsing bytes: [UInt8]) throws(DLMSDecodingError) {
        let line = try IEC62056Message.line(bytes, context: "IEC 62056-21 identification")
        guard line.count >= 5 else { throw .truncated(needed: 7, available: bytes.count) }
        guard line[0] == UInt8(ascii: "/") else { throw .invalidValue(context: "IEC 62056-21 identification") }
        let printable: (UInt8) -> Bool = { $0 >= 0x20 && $0 < 0x7F }
        guard line.allSatisfy(printable) else { throw .invalidValue(context: "IEC 62056-21 identification") }
        let manufacturer = line[1...3]
        let isLetter: (UInt8) -> Bool = { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }
        guard manufacturer.allSatisfy(isLetter) else {
            throw .invalidValue(context: "IEC 62056-21 identification manufacturer")
        }
        var index = 5
        var enhanced: [UInt8] = []
        while index + 1 < line.count, line[index] == UInt8(ascii: "\\") {
            enhanced.append(line[index + 1])
            index += 2
        }
        self.manufacturer = String(decoding: manufacturer, as: UTF8.self)
        self.baudCharacter = line[4]
        self.enhancedIdentification = enhanced
        self.identification = String(decoding: line[index...], as: UTF8.self)
    }
}

extension Identification: CustomStringConvertible {
    public var description: String {
        var s = "/\(manufacturer) baud \(baudRate.map(String.init) ?? "?")"
        if supportsHDLC { s += " HDLC" }
        return s + " \(identification)"
    }
}
