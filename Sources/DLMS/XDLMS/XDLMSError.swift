/// xDLMS protocol problems above the byte level: the bytes decoded, but the exchange
/// they belong to is wrong (Green Book §9.3.4 block transfer rules).
public enum XDLMSError: Error, Equatable, Sendable {
    /// A block arrived out of sequence (a gap, a repeat, or not starting at 1).
    case unexpectedBlockNumber(expected: UInt32, received: UInt32)
    /// The server ended the block transfer with a Data-Access-Result.
    case blockError(DataAccessResult)
    /// A block arrived after the last one.
    case transferAlreadyComplete
    /// The value was asked for before the last block arrived.
    case transferIncomplete
    /// The blocks together are larger than the assembler accepts.
    case transferTooLarge(limit: Int)
    /// The reassembled bytes are not one valid A-XDR value.
    case invalidData(DLMSDecodingError)
}
