// MARK: - confirmed-service-error (Green Book §9.5, tag 0x0E)

/// `0E service error-tag value`, e.g. `0E 01 06 01` = initiate-error, initiate,
/// dlms-version-too-low (u9n tests/test_asce/test_aare.py L38).
extension ConfirmedServiceError {
    public static let tag: UInt8 = 0x0E

    public func encode(into writer: inout ByteWriter) {
        writer.write([Self.tag, service, errorTag, value] as [UInt8])
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> ConfirmedServiceError {
        let tag = try reader.readByte()
        guard tag == Self.tag else { throw .unknownTag(tag, context: "confirmed-service-error") }
        let service = try reader.readByte()
        let errorTag = try reader.readByte()
        let value = try reader.readByte()
        return ConfirmedServiceError(service: service, errorTag: errorTag, value: value)
    }
}

extension ConfirmedServiceError: CustomStringConvertible {
    public var description: String {
        let serviceName: String = switch service {
        case 1: "initiate"
        case 2: "get-status"
        case 3: "get-name-list"
        case 4: "get-variable-attribute"
        case 5: "read"
        case 6: "write"
        default: "service \(service)"
        }
        let tagName: String = switch errorTag {
        case 0: "application-reference"
        case 1: "hardware-resource"
        case 2: "vde-state-error"
        case 3: "service"
        case 4: "definition"
        case 5: "access"
        case 6: "initiate"
        case 7: "load-data-set"
        default: "error-tag \(errorTag)"
        }
        return "confirmed-service-error \(serviceName), \(tagName) \(value)"
    }
}

// MARK: - exception-response (Green Book §9.5, tag 0xD8)

/// `D8 state-error service-error [invocation-counter u32 when service-error = 6]`.
extension ExceptionResponse {
    public static let tag: UInt8 = 0xD8

    public func encode(into writer: inout ByteWriter) {
        writer.write([Self.tag, stateError, serviceError] as [UInt8])
        if serviceError == 6 { writer.write(invocationCounter ?? 0) }
    }

    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> ExceptionResponse {
        let tag = try reader.readByte()
        guard tag == Self.tag else { throw .unknownTag(tag, context: "exception-response") }
        let state = try reader.readByte()
        let service = try reader.readByte()
        let counter: UInt32? = service == 6 ? try reader.readUInt32() : nil
        return ExceptionResponse(stateError: state, serviceError: service, invocationCounter: counter)
    }
}

extension ExceptionResponse: CustomStringConvertible {
    public var description: String {
        let state: String = switch stateError {
        case 1: "service-not-allowed"
        case 2: "service-unknown"
        default: "state-error \(stateError)"
        }
        let service: String = switch serviceError {
        case 1: "operation-not-possible"
        case 2: "service-not-supported"
        case 3: "other-reason"
        case 4: "pdu-too-long"
        case 5: "deciphering-error"
        case 6: "invocation-counter-error \(invocationCounter ?? 0)"
        default: "service-error \(serviceError)"
        }
        return "exception-response \(state), \(service)"
    }
}

// MARK: - Data-Access-Result

extension DataAccessResult: CustomStringConvertible {
    public var description: String {
        switch rawValue {
        case 0: "success"
        case 1: "hardware-fault"
        case 2: "temporary-failure"
        case 3: "read-write-denied"
        case 4: "object-undefined"
        case 9: "object-class-inconsistent"
        case 11: "object-unavailable"
        case 12: "type-unmatched"
        case 13: "scope-of-access-violated"
        case 14: "data-block-unavailable"
        case 15: "long-get-aborted"
        case 16: "no-long-get-in-progress"
        case 17: "long-set-aborted"
        case 18: "no-long-set-in-progress"
        case 19: "data-block-number-invalid"
        case 250: "other-reason"
        default: "data-access-result \(rawValue)"
        }
    }
}

extension InvokeIDAndPriority: CustomStringConvertible {
    /// `C1` → `inv 1 (C1)`.
    public var description: String { "inv \(id) (\(Hex.string([rawValue])))" }
}
