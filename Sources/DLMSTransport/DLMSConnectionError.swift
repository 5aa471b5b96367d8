import DLMS

/// Why a ``DLMSConnection`` call failed: the channel under it, or the protocol.
public enum DLMSConnectionError: Error, Equatable, Sendable {
    /// The channel failed (closed, cut, an I/O error).
    case transport(TransportError)
    /// The session failed, or the request did (the device refused, no answer after the
    /// tries, cancelled…).
    case dlms(DLMSError)
    /// The frame trace (`--trace FILE`) could not be written (`errno`: a full disk…).
    case traceFailed(path: String, errno: Int32)
}
