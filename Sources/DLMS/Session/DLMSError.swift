/// Why a DLMS session, or one request on it, failed. Structured data only: the message a
/// person reads is built in the application layer, in their language.
public enum DLMSError: Error, Equatable, Sendable {
    /// No answer after `attempts` tries (timer expiries with polls and re-sends).
    case noResponse(attempts: Int)
    /// The device refused the HDLC connection (DM or FRMR to SNRM, also to a plain SNRM).
    case linkRefused(HDLCControl)
    /// The device dropped the link during the session (DM, or an unsolicited DISC).
    case disconnectedByPeer
    /// The device rejected a frame (FRMR) during the session.
    case frameRejected
    /// AARE with a result other than accepted, or accepted without an InitiateResponse.
    case associationRejected(AssociationResult, diagnostic: SourceDiagnostic)
    /// The AARE names a high-level security mechanism (2 and up: HLS, MD5, SHA-1, GMAC…):
    /// the device wants an authentication this program does not do.
    case needsHighLevelSecurity(MechanismName)
    /// xDLMS negotiation failed: the AARE carried a confirmed-service-error.
    case initiateFailed(ConfirmedServiceError)
    /// The device answered with an exception-response.
    case exception(ExceptionResponse)
    /// The device answered with a confirmed-service-error.
    case serviceError(ConfirmedServiceError)
    /// An APDU that is not the answer to what was asked (tag = first byte).
    case unexpectedAPDU(tag: UInt8, state: String)
    /// An APDU whose invoke id is not the request's.
    case invokeIDMismatch(expected: UInt8, received: UInt8)
    /// Bytes that do not decode as an APDU.
    case malformedAPDU(DLMSDecodingError)
    /// A block transfer out of order: a block number other than the one expected.
    case blockNumberMismatch(expected: UInt32, received: UInt32)
    /// A list response with a different number of results than attributes asked for.
    case resultCountMismatch(expected: Int, received: Int)
    /// A frame-level violation (bad N(R), information field too long…).
    case link(HDLCError)
    /// An event the state machine cannot accept in its state (e.g. a request while one
    /// is in flight, or before the association).
    case illegalTransition(event: String, state: String)
    /// An answer larger than the request allows (HDLC segments or data blocks adding up
    /// to more than `limit` bytes, or block numbers past the limit): an endless answer.
    case responseTooLong(limit: Int)
    /// An answer that kept coming past the request's deadline (`seconds`, at least three
    /// times the wire time of what was expected).
    case responseDeadline(seconds: Int)
    /// The user stopped the operation.
    case cancelled
}
