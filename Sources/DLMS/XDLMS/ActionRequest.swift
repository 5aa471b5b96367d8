/// ACTION-Request (tag 0xC3).
public enum ActionRequest: Hashable, Sendable {
    case normal(invokeID: InvokeIDAndPriority, method: CosemMethodDescriptor, parameters: DLMSData?)
    case nextPBlock(invokeID: InvokeIDAndPriority, blockNumber: UInt32)
    case withList(invokeID: InvokeIDAndPriority, methods: [CosemMethodDescriptor], parameters: [DLMSData])
    case withFirstPBlock(invokeID: InvokeIDAndPriority, method: CosemMethodDescriptor, block: DataBlockSA)
    case withListAndFirstPBlock(invokeID: InvokeIDAndPriority, methods: [CosemMethodDescriptor], block: DataBlockSA)
    case withPBlock(invokeID: InvokeIDAndPriority, block: DataBlockSA)
}

/// Action-Response-With-Optional-Data: the result and, optionally, return parameters.
public struct ActionResponseWithOptionalData: Hashable, Sendable {
    public var result: ActionResult
    public var returnParameters: GetDataResult?
    public init(result: ActionResult, returnParameters: GetDataResult? = nil) {
        self.result = result; self.returnParameters = returnParameters
    }
}

/// ACTION-Response (tag 0xC7).
public enum ActionResponse: Hashable, Sendable {
    case normal(invokeID: InvokeIDAndPriority, response: ActionResponseWithOptionalData)
    case withPBlock(invokeID: InvokeIDAndPriority, block: DataBlockSA)
    case withList(invokeID: InvokeIDAndPriority, responses: [ActionResponseWithOptionalData])
    case nextPBlock(invokeID: InvokeIDAndPriority, blockNumber: UInt32)
}
