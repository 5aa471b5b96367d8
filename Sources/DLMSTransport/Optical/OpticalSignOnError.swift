import DLMS

/// Why the optical head's sign-on failed: the step, and what went wrong there.
/// Structured data only: the text a person reads is built in the application layer.
public struct OpticalSignOnError: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// The line failed: `.timedOut` (a silent device), `.closed`, `.io`…
        case transport(TransportError)
        /// What came back is not an identification message (garbage, a line too long).
        case malformedIdentification(DLMSDecodingError)
        /// The identification has no `\2`: the device offers no binary (HDLC) mode.
        case noHDLC(Identification)
        /// The identification's baud character is not one of `0`…`9` this port can use.
        case unsupportedBaud(character: UInt8)
    }

    public var step: OpticalStep
    public var reason: Reason

    public init(step: OpticalStep, reason: Reason) { self.step = step; self.reason = reason }

    /// The reason as a ``TransportError`` (for callers that carry one, like the link
    /// layer's `LinkError.opticalSignOn`): a transport failure as it is; an answer that
    /// cannot be used becomes `.unsupported` with a short machine-readable subject —
    /// `"identification"`, `"hdlc"` or `"baud character X"`.
    public var transportError: TransportError {
        switch reason {
        case .transport(let e): e
        case .malformedIdentification: .unsupported("identification")
        case .noHDLC: .unsupported("hdlc")
        case .unsupportedBaud(let c): .unsupported("baud character \(Character(Unicode.Scalar(c)))")
        }
    }
}
