/// Pure helpers for xDLMS block transfer (Green Book §9.3.4 "GET with block transfer",
/// §9.3.5, §9.3.6): block numbers start at 1 and rise by 1; the raw data of all blocks
/// together is the A-XDR encoding of one value.
public enum BlockTransfer {
    /// Splits an encoded value into blocks of at most `maxBlockSize` bytes (at least one
    /// block, even for an empty value). For SET/ACTION with blocks and server-side GET.
    /// - Complexity: O(n).
    public static func blocks(of encodedValue: [UInt8], maxBlockSize: Int) -> [[UInt8]] {
        let size = max(1, maxBlockSize)
        guard !encodedValue.isEmpty else { return [[]] }
        return stride(from: 0, to: encodedValue.count, by: size).map {
            Array(encodedValue[$0..<min($0 + size, encodedValue.count)])
        }
    }

    /// The blocks as DataBlock-SA, numbered from 1, the last one flagged.
    public static func dataBlocksSA(of encodedValue: [UInt8], maxBlockSize: Int) -> [DataBlockSA] {
        let parts = blocks(of: encodedValue, maxBlockSize: maxBlockSize)
        return parts.enumerated().map { i, raw in
            DataBlockSA(lastBlock: i == parts.count - 1, blockNumber: UInt32(truncatingIfNeeded: i + 1), raw: raw)
        }
    }

    /// The blocks as DataBlock-G (GET-Response-With-Datablock), numbered from 1.
    public static func dataBlocksG(of encodedValue: [UInt8], maxBlockSize: Int) -> [DataBlockG] {
        dataBlocksSA(of: encodedValue, maxBlockSize: maxBlockSize).map {
            DataBlockG(lastBlock: $0.lastBlock, blockNumber: $0.blockNumber, result: .raw($0.raw))
        }
    }
}

/// Reassembles a long GET: feed each GET-Response-With-Datablock's ``DataBlockG`` and
/// ask for the next block (`GetRequest.next(blockNumber:)`) until ``append(_:)`` returns
/// true, then read ``value()`` or ``rawData``.
///
/// ```swift
/// var assembler = GetBlockAssembler()
/// while try !assembler.append(block) { block = try await requestNext(assembler.lastBlockNumber) }
/// let profile = try assembler.value()
/// ```
public struct GetBlockAssembler: Sendable {
    /// Raw bytes above this size end the transfer with `.transferTooLarge`.
    public let maximumSize: Int
    /// The raw data of the blocks received so far.
    public private(set) var rawData: [UInt8] = []
    /// The number of the last block accepted (0 before the first).
    public private(set) var lastBlockNumber: UInt32 = 0
    /// Whether the last block has arrived.
    public private(set) var isComplete = false

    public init(maximumSize: Int = 16 << 20) { self.maximumSize = maximumSize }

    /// The block number to acknowledge in the next GET-Request-Next.
    public var nextRequestBlockNumber: UInt32 { lastBlockNumber }

    /// Accepts the next block.
    /// - Returns: true when this was the last block.
    /// - Throws: `.blockError` when the block carries a Data-Access-Result,
    ///   `.unexpectedBlockNumber` on a gap or repeat, `.transferAlreadyComplete` after the
    ///   last block, `.transferTooLarge` beyond ``maximumSize``.
    @discardableResult
    public mutating func append(_ block: DataBlockG) throws(XDLMSError) -> Bool {
        guard !isComplete else { throw .transferAlreadyComplete }
        let expected = lastBlockNumber &+ 1
        guard block.blockNumber == expected else {
            throw .unexpectedBlockNumber(expected: expected, received: block.blockNumber)
        }
        switch block.result {
        case .error(let dar):
            throw .blockError(dar)
        case .raw(let raw):
            guard raw.count <= maximumSize - rawData.count else { throw .transferTooLarge(limit: maximumSize) }
            rawData.append(contentsOf: raw)
        }
        lastBlockNumber = expected
        isComplete = block.lastBlock
        return isComplete
    }

    /// The reassembled value.
    /// - Throws: `.transferIncomplete` before the last block, `.invalidData` when the
    ///   bytes are not exactly one A-XDR value.
    public func value() throws(XDLMSError) -> DLMSData {
        guard isComplete else { throw .transferIncomplete }
        do {
            return try DLMSData(decoding: rawData)
        } catch {
            throw .invalidData(error)
        }
    }
}
