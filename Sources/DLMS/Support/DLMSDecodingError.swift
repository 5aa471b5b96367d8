/// Why bytes could not be decoded as an A-XDR value, an ACSE or xDLMS APDU, a COSEM
/// structure or an IEC 62056-21 message. Structured data only: the text a person reads
/// is built in the application layer.
public enum DLMSDecodingError: Error, Equatable, Sendable {
    /// The input ends before the value does.
    case truncated(needed: Int, available: Int)
    /// A length byte of the form 0x80 | n with n outside 1…4.
    case invalidLength(UInt8)
    /// A length that cannot be right (larger than any input could hold).
    case lengthOutOfRange(Int)
    /// A tag this decoder does not know, in the named context ("A-XDR data", "GET-Response"…).
    case unknownTag(UInt8, context: String)
    /// A value outside its type's range (e.g. a boolean of 2 is accepted, an OBIS text
    /// of five groups is not).
    case invalidValue(context: String)
    /// Bytes left over after a complete value where none are allowed.
    case trailingBytes(Int)
    /// Nesting deeper than the decoder allows (protects the stack against hostile input).
    case nestingTooDeep
}
