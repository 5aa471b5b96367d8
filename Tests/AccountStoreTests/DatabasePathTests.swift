import TestWaiting
import Accounts
@testable import AccountStore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14: the database path is checked before SQLite touches it — never a device, a
/// folder or a fifo, never a file the group or others may read — with typed errors that
/// carry what the message and the fix need.
@Suite struct DatabasePathTests {
    func makeFile(_ path: String, mode: mode_t) {
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(chmod(path, mode) == 0)
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue & 0o777
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660, 0o666, 0o700 | 0o004] as [mode_t])
    func anExistingFileOpenToOthersIsRefused(mode: mode_t) throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.path + "/hlmcs.sqlite"
        makeFile(path, mode: mode)
        let error = #expect(throws: DatabaseFileError.permissionsTooOpen(path: path, mode: Int(mode))) {
            try AccountStore(path: path, hasher: fastHasher)
        }
        #expect(error?.chmodCommand == "chmod 600 \(path)")
        // Nothing was written: SQLite never opened it.
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber == 0)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        // The command given fixes it.
        #expect(chmod(path, 0o600) == 0)
        _ = try AccountStore(path: path, hasher: fastHasher)
    }

    @Test func anOpenCompanionFileIsRefusedByItsName() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.path + "/hlmcs.sqlite"
        _ = try AccountStore(path: path, hasher: fastHasher)
        makeFile(path + "-journal", mode: 0o644)
        #expect(throws: DatabaseFileError.permissionsTooOpen(path: path + "-journal", mode: 0o644)) {
            try AccountStore(path: path, hasher: fastHasher)
        }
    }

    @Test func theChmodCommandSurvivesTheShell() async throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.path + "/it's my $HOME db.sqlite"
        makeFile(path, mode: 0o644)
        let error = #expect(throws: DatabaseFileError.self) { try DatabaseLocation.prepare(path: path) }
        let command = try #require(error?.chmodCommand)
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", command]
        let status = try await shell.start().value(within: 20, "sh -c \(command)")
        #expect(status == 0)
        #expect(try mode(path) == 0o600)
        try DatabaseLocation.prepare(path: path)
    }

    @Test func shellWords() {
        #expect(DatabaseFileError.shellWord("/home/u/.local/share/hlmcs/hlmcs.sqlite") == "/home/u/.local/share/hlmcs/hlmcs.sqlite")
        #expect(DatabaseFileError.shellWord("/home/иван/база.sqlite") == "/home/иван/база.sqlite")
        #expect(DatabaseFileError.shellWord("my db.sqlite") == "'my db.sqlite'")
        #expect(DatabaseFileError.shellWord("it's") == #"'it'\''s'"#)
        #expect(DatabaseFileError.shellWord("-x.sqlite") == "./-x.sqlite")
        #expect(DatabaseFileError.shellWord("a;rm -rf ~") == "'a;rm -rf ~'")
        #expect(DatabaseFileError.shellWord("$(id)") == "'$(id)'")
    }

    @Test func anEmptyPathIsRefused() {
        #expect(throws: DatabaseFileError.emptyPath) { try AccountStore(path: "", hasher: fastHasher) }
    }

    @Test func devNullIsRefusedAndNothingIsCreatedBesideIt() {
        let existed = FileManager.default.fileExists(atPath: "/dev/null-journal")
        #expect(throws: DatabaseFileError.notARegularFile(path: "/dev/null", kind: .characterDevice)) {
            try AccountStore(path: "/dev/null", hasher: fastHasher)
        }
        if !existed { #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal")) }
    }

    @Test func aFolderAndAFifoAreRefused() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: DatabaseFileError.notARegularFile(path: root.path, kind: .directory)) {
            try AccountStore(path: root.path, hasher: fastHasher)
        }
        let fifo = root.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: DatabaseFileError.notARegularFile(path: fifo, kind: .fifo)) {
            try AccountStore(path: fifo, hasher: fastHasher)
        }
    }

    @Test func aLinkToAPrivateFileWillDo() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let real = root.path + "/real.sqlite", link = root.path + "/link.sqlite"
        makeFile(real, mode: 0o600)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try store(at: link).setSetting("k", "v")
        #expect(try store(at: real).setting("k") == "v")
    }

    func store(at path: String) throws -> AccountStore { try AccountStore(path: path, hasher: fastHasher) }

    @Test func pathsThatCannotBeReachedOrMadeSayWhy() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.path + "/plain"
        makeFile(file, mode: 0o600)
        #expect(throws: DatabaseFileError.cannotInspect(path: file + "/hlmcs.sqlite", errno: ENOTDIR)) {
            try DatabaseLocation.prepare(path: file + "/hlmcs.sqlite")
        }
        #if os(Linux)
        // Not even root may make a folder in /proc.
        let error = #expect(throws: DatabaseFileError.self) { try DatabaseLocation.prepare(path: "/proc/hlmcs-\(getpid())/hlmcs.sqlite") }
        guard case .cannotCreate(let path, _)? = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(path == "/proc/hlmcs-\(getpid())")
        #endif
    }

    @Test func newFilesAreStillPrivate() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.path + "/a/b/hlmcs.sqlite"
        try DatabaseLocation.prepare(path: path)
        #expect(try mode(path) == 0o600)
        #expect(try mode(root.path + "/a") == 0o700)
        #expect(try mode(root.path + "/a/b") == 0o700)
        try DatabaseLocation.prepare(path: path)   // again: it is there and private
    }
}
