/// exception-response (tag 0xD8): the server could not process the request at all.
public struct ExceptionResponse: Hashable, Sendable {
    /// 1 service-not-allowed, 2 service-unknown.
    public var stateError: UInt8
    /// 1 operation-not-possible, 2 service-not-supported, 3 other-reason, 4 pdu-too-long,
    /// 5 deciphering-error, 6 invocation-counter-error.
    public var serviceError: UInt8
    /// Present with invocation-counter-error.
    public var invocationCounter: UInt32?
    public init(stateError: UInt8, serviceError: UInt8, invocationCounter: UInt32? = nil) {
        self.stateError = stateError; self.serviceError = serviceError; self.invocationCounter = invocationCounter
    }
}

/// confirmed-service-error (tag 0x0E): `service(1) errorTag(1) value(1)`.
/// service 1 initiate, 5 read, 6 write; error tag 0 application-reference, 1 hardware-
/// resource, 2 vde-state-error, 3 service, 4 definition, 5 access, 6 initiate,
/// 7 load-data-set, 8 task, 9 other (Gurux numbering; sources differ above 7).
public struct ConfirmedServiceError: Hashable, Sendable {
    public var service: UInt8
    public var errorTag: UInt8
    public var value: UInt8
    public init(service: UInt8, errorTag: UInt8, value: UInt8) {
        self.service = service; self.errorTag = errorTag; self.value = value
    }
}
