import Foundation

/// Why a file could not be read or written, in a form the messages word (never the
/// `NSCocoaErrorDomain Code=260 …` dump Foundation's errors print as).
enum FileReason: Equatable {
    case notFound, permissionDenied, isFolder, tooLarge, other(String)

    init(_ error: Error) {
        let ns = error as NSError
        let posix = (ns.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap { $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil }
        switch (ns.code, posix) {
        case (NSFileReadNoSuchFileError, _), (NSFileNoSuchFileError, _), (_, ENOENT?): self = .notFound
        case (NSFileReadNoPermissionError, _), (NSFileWriteNoPermissionError, _), (_, EACCES?), (_, EPERM?): self = .permissionDenied
        case (_, EISDIR?): self = .isFolder
        case (NSFileReadTooLargeError, _): self = .tooLarge
        default:
            if let posix { self = .other(String(cString: strerror(posix))) } else { self = .other(ns.localizedFailureReason ?? "I/O error") }
        }
    }
}

