import DLMSTransport
import Foundation

/// The simulator's words for a transport error (it speaks English only: it is a tool for
/// tests, training and benchmarks), instead of Swift's rendering of the enum.
extension TransportError {
    var simulatorText: String {
        switch self {
        case .timedOut(let after): return "timed out after \(after)"
        case .closed: return "the channel is closed"
        case .cut: return "the line was cut (cut-after)"
        case .notFound(let what): return "\(what): no such file, device or host"
        case .permissionDenied(let what): return "\(what): permission denied"
        case .busy(let what): return "\(what): in use by another program"
        case .io(let errno, let operation): return "\(operation): \(String(cString: strerror(errno))) (errno \(errno))"
        case .unsupported(let what): return what
        }
    }
}
