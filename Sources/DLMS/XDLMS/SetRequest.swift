/// SET-Request (tag 0xC1).
public enum SetRequest: Hashable, Sendable {
    case normal(invokeID: InvokeIDAndPriority, attribute: CosemAttributeDescriptor, access: SelectiveAccess?, value: DLMSData)
    case withFirstDataBlock(invokeID: InvokeIDAndPriority, attribute: CosemAttributeDescriptor, access: SelectiveAccess?, block: DataBlockSA)
    case withDataBlock(invokeID: InvokeIDAndPriority, block: DataBlockSA)
    case withList(invokeID: InvokeIDAndPriority, attributes: [AttributeWithAccess], values: [DLMSData])
    case withListAndFirstDataBlock(invokeID: InvokeIDAndPriority, attributes: [AttributeWithAccess], block: DataBlockSA)
}

/// SET-Response (tag 0xC5).
public enum SetResponse: Hashable, Sendable {
    case normal(invokeID: InvokeIDAndPriority, result: DataAccessResult)
    case dataBlock(invokeID: InvokeIDAndPriority, blockNumber: UInt32)
    case lastDataBlock(invokeID: InvokeIDAndPriority, result: DataAccessResult, blockNumber: UInt32)
    case lastDataBlockWithList(invokeID: InvokeIDAndPriority, results: [DataAccessResult], blockNumber: UInt32)
    case withList(invokeID: InvokeIDAndPriority, results: [DataAccessResult])
}
