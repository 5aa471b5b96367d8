/// DataBlock-G of a GET-Response-With-Datablock: one block of the encoded value.
public struct DataBlockG: Hashable, Sendable {
    public enum Result: Hashable, Sendable {
        case raw([UInt8])
        case error(DataAccessResult)
    }
    public var lastBlock: Bool
    public var blockNumber: UInt32
    public var result: Result
    public init(lastBlock: Bool, blockNumber: UInt32, result: Result) {
        self.lastBlock = lastBlock; self.blockNumber = blockNumber; self.result = result
    }
}

/// DataBlock-SA of SET/ACTION with blocks: `last(1) number(4) raw(octet-string)`.
public struct DataBlockSA: Hashable, Sendable {
    public var lastBlock: Bool
    public var blockNumber: UInt32
    public var raw: [UInt8]
    public init(lastBlock: Bool, blockNumber: UInt32, raw: [UInt8]) {
        self.lastBlock = lastBlock; self.blockNumber = blockNumber; self.raw = raw
    }
}
