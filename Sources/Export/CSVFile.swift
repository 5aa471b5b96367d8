#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A CSV file being written a row at a time (a meter list read page by page): the bytes
/// go to a temporary file in the destination's folder; ``commit()`` renames it onto the
/// destination, ``discard()`` removes it. Until the commit the destination is untouched,
/// so a failed read leaves no file (SPEC.md F-42).
public final class CSVFile {
    public let path: String
    public let format: CSVFormat
    let temporaryPath: String
    private var descriptor: Int32

    /// Creates the temporary file and writes the byte-order mark and, when given, the header.
    public init(path: String, format: CSVFormat, header: [String]?) throws(ExportError) {
        self.path = path
        self.format = format
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var opened: Int32 = -1
        var candidate = ""
        for attempt in 0..<100 {
            candidate = folder + "." + name + "." + String(getpid()) + "." + String(attempt) + ".tmp"
            opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if opened >= 0 || errno != EEXIST { break }
        }
        guard opened >= 0 else { throw .cannotCreate(path: path, errno: errno) }
        descriptor = opened
        temporaryPath = candidate
        TemporaryFiles.add(candidate)
        do {
            try put(CSVWriter.byteOrderMark)
            if let header { try appendHeader(header) }
        } catch {
            discard()
            throw error
        }
    }

    deinit { if descriptor >= 0 { discard() } }

    /// The header line; once, before any row.
    public func appendHeader(_ names: [String]) throws(ExportError) {
        try put(Array(CSVWriter.headerLine(names, format: format).utf8))
    }

    public func append(_ row: [CSVCell]) throws(ExportError) {
        try put(Array(CSVWriter.line(row, format: format).utf8))
    }

    /// Flushes, closes and renames the temporary file onto the destination.
    public func commit() throws(ExportError) {
        guard descriptor >= 0 else { throw .finished(path: path) }
        if fsync(descriptor) != 0 {
            let code = errno
            discard()
            throw .writeFailed(path: path, errno: code)
        }
        close(descriptor)
        descriptor = -1
        defer { TemporaryFiles.remove(temporaryPath) }
        if rename(temporaryPath, path) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw .renameFailed(path: path, errno: code)
        }
    }

    /// Closes and removes the temporary file; the destination is left as it was.
    public func discard() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(temporaryPath)
        TemporaryFiles.remove(temporaryPath)
    }

    private func put(_ bytes: [UInt8]) throws(ExportError) {
        guard descriptor >= 0 else { throw .finished(path: path) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                discard()
                throw .writeFailed(path: path, errno: code)
            }
            offset += written
        }
    }
}
