/// GET-Request (tag 0xC0): normal (01), next (02), with-list (03).
public enum GetRequest: Hashable, Sendable {
    case normal(invokeID: InvokeIDAndPriority, attribute: CosemAttributeDescriptor, access: SelectiveAccess?)
    case next(invokeID: InvokeIDAndPriority, blockNumber: UInt32)
    case withList(invokeID: InvokeIDAndPriority, attributes: [AttributeWithAccess])
}

/// One entry of a GET-Request-With-List.
public struct AttributeWithAccess: Hashable, Sendable {
    public var attribute: CosemAttributeDescriptor
    public var access: SelectiveAccess?
    public init(_ attribute: CosemAttributeDescriptor, access: SelectiveAccess? = nil) {
        self.attribute = attribute; self.access = access
    }
}

/// GET-Response (tag 0xC4): normal (01), with-datablock (02), with-list (03).
public enum GetResponse: Hashable, Sendable {
    case normal(invokeID: InvokeIDAndPriority, result: GetDataResult)
    case withDataBlock(invokeID: InvokeIDAndPriority, block: DataBlockG)
    case withList(invokeID: InvokeIDAndPriority, results: [GetDataResult])
}
