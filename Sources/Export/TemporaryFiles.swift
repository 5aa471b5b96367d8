import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files being written right now (a ``CSVFile`` before its commit), so a
/// program stopped by a signal can remove them (``removeAll()``) when its orderly path
/// (cancel, discard) does not finish in time: an interrupted export leaves nothing.
public enum TemporaryFiles {
    private static let paths = Mutex<Set<String>>([])

    static func add(_ path: String) { paths.withLock { _ = $0.insert(path) } }
    static func remove(_ path: String) { paths.withLock { _ = $0.remove(path) } }

    /// The files now registered.
    public static var current: Set<String> { paths.withLock { $0 } }

    /// Unlinks every registered file (from a signal's watchdog: no allocation-heavy work
    /// beyond the set's copy).
    public static func removeAll() {
        for path in paths.withLock({ p in defer { p.removeAll() }; return p }) { unlink(path) }
    }
}
