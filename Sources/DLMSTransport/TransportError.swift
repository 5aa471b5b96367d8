/// Why a byte channel could not do what was asked. Structured data only: the text a
/// person reads is built in the application layer.
public enum TransportError: Error, Equatable, Sendable {
    /// Nothing arrived (or a connection was not made) within the time allowed.
    case timedOut(after: Duration)
    /// The channel is closed: by us, or the peer closed its end.
    case closed
    /// The line was cut on purpose by fault injection (``FaultyChannel``, `cut-after=N`).
    case cut
    /// The device, file or host does not exist.
    case notFound(String)
    /// The device exists but we may not open it (on Linux: not in the `dialout` group).
    case permissionDenied(String)
    /// The device is in use by another program (exclusive open, TIOCEXCL or a lock).
    case busy(String)
    /// Any other system error: the errno and the call that failed.
    case io(errno: Int32, operation: String)
    /// A setting or request this channel cannot honour (an unknown baud rate, a bad fault spec…).
    case unsupported(String)
}
