import DLMSTransport
import ES951

/// Why a link could not be opened. Structured data only: the text a person reads (RU and
/// EN) is built in the application layer.
///
/// - `.transport`: the medium failed — `.notFound(path)` for a missing port,
///   `.permissionDenied` (the `dialout` hint), `.busy`, a TCP `.timedOut` or refusal.
/// - `.opticalSignOn`: the optical head's sign-on failed at `step`; a device that is
///   silent gives `.timedOut`, an answer that is not a usable identification
///   `.unsupported("identification")`, `.unsupported("hdlc")` (no `\2`) or
///   `.unsupported("baud character X")` (see ``OpticalSignOnError/transportError``).
/// - `.invalid`: the spec breaks a rule of ``LinkSpec/validate()`` (exit status 2);
///   `.noPassword`: LLS without a password; `.notALink`: the demo, which the program
///   opens in memory.
public enum LinkError: Error, Equatable, Sendable {
    case transport(TransportError)
    case opticalSignOn(step: OpticalStep, TransportError)
    case invalid(LinkProblem)
    case noPassword
    case notALink
    /// The trace file (`--trace PATH`) cannot be created: opened before the link, so a
    /// wrong path is never blamed on the device or the port.
    case traceFile(path: String, TransportError)
}
