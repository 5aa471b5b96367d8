/// Every application PDU the LN client and server exchange, as one typed value.
///
/// `encoded()` gives the bytes of the APDU (no LLC header); `init(decoding:)` reads one
/// whole APDU and throws ``DLMSDecodingError`` on anything it cannot account for.
public enum APDU: Hashable, Sendable {
    case aarq(AARQ)                                     // 60
    case aare(AARE)                                     // 61
    case releaseRequest(ReleaseRequest)                 // 62
    case releaseResponse(ReleaseResponse)               // 63
    case getRequest(GetRequest)                         // C0
    case setRequest(SetRequest)                         // C1
    case actionRequest(ActionRequest)                   // C3
    case getResponse(GetResponse)                       // C4
    case setResponse(SetResponse)                       // C5
    case actionResponse(ActionResponse)                 // C7
    case exceptionResponse(ExceptionResponse)           // D8
    case confirmedServiceError(ConfirmedServiceError)   // 0E
}
