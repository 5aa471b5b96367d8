import Dispatch
import DLMSTransport
import Export
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT, SIGTERM and SIGHUP during a command (issue 14): the command's task is
/// cancelled, so the request in flight stops, the association is released (bounded:
/// ``DLMSConnection/closeLimit``) and a file being written is discarded; then the
/// program exits 128 + the signal. Should that orderly path not end within
/// ``watchdog``, the temporary files are removed and the program exits anyway.
enum SignalGuard {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let watchdog: DispatchTimeInterval = .seconds(4)

    /// Runs `body` with the signals caught; exits 128 + signal when one came.
    static func run(_ body: @escaping @Sendable () async throws -> Void) async throws {
        let task = Task { try await body() }
        let received = Locked<Int32?>(nil)     // the first signal; later ones change nothing
        SignalWatch.start(signals) { number in
            guard received.withLock({ first in defer { first = first ?? number }; return first == nil }) else { return }
            task.cancel()
            DispatchQueue.global().asyncAfter(deadline: .now() + watchdog) {
                TemporaryFiles.removeAll()
                _exit(128 + number)
            }
        }
        let result = await task.result
        if let number = received.value {
            TemporaryFiles.removeAll()
            Output.message(Strings(language: Language.resolve(nil, environment: ProcessInfo.processInfo.environment)).stoppedBySignal(number))
            exit(128 + number)
        }
        try result.get()
    }
}
