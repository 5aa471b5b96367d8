import TestWaiting
import Accounts
@testable import AccountStore
import Foundation
import GRDB
import Testing

/// Issue 14: logins attempted at the same moment, each on its own connection to one
/// database file — as separate hlmcs processes would be — may not get more password
/// checks than the same attempts made one after another.
@Suite struct LoginRaceTests {
    /// Slow enough (tens of milliseconds a check) that, without the reservation, every
    /// attempt reads the failure count before the first failure is written.
    static let slowHasher = PasswordHasher(unsafeUncheckedRounds: 40_000)
    static let attempts = 20

    /// A file database with alice, and `failures` wrong passwords for her at `t0`.
    func aliceWithFailures(_ failures: Int, in root: URL) throws -> String {
        let path = root.path + "/race.sqlite"
        let (store, admin) = try initializedStore(try AccountStore(path: path, hasher: Self.slowHasher, secretBox: fastBox))
        try store.addUser(name: "alice", role: .read, password: "alice-pass", by: admin, now: t0)
        for i in 0 ..< failures { _ = try? store.login(name: "alice", password: "wrong-\(i)", now: t0) }
        return path
    }

    /// Runs `body(i)` on `count` threads of its own, all released at once; their end is
    /// awaited (Tests/TestWaiting), within 60 s.
    func together(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) async throws {
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for i in 0 ..< count {
            done.enter()
            Thread {
                start.wait()
                body(i)
                done.leave()
            }.start()
        }
        for _ in 0 ..< count { start.signal() }
        let ended = Arrival<Void>()
        done.notify(queue: .global()) { ended.deliver(()) }
        try await ended.value(within: 60, "\(count) logins at once")
    }

    func outcomes(_ stores: [AccountStore], password: String, at now: Date) async throws -> [String] {
        let results = LockedList()
        try await together(stores.count) { i in
            do {
                _ = try stores[i].login(name: "alice", password: password, now: now)
                results.append("ok")
            } catch StorageError.loginFailed {
                results.append("failed")
            } catch StorageError.loginBackedOff {
                results.append("backed-off")
            } catch {
                results.append("\(error)")
            }
        }
        return results.values.sorted()
    }

    @Test func parallelWrongPasswordsAfterTheBackOffGetOneCheck() async throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = try aliceWithFailures(LoginBackoff.freeAttempts, in: root)
        let stores = try (0 ..< Self.attempts).map { _ in try AccountStore(path: path, hasher: Self.slowHasher, secretBox: fastBox) }
        // The 30 s after the fifth failure are over: the next attempt is heard, one only.
        let later = t0.addingTimeInterval(31)
        let results = try await outcomes(stores, password: "wrong-again", at: later)
        #expect(results.filter { $0 == "failed" }.count == 1, "\(results)")
        #expect(results.filter { $0 == "backed-off" }.count == Self.attempts - 1, "\(results)")
        // The audit log says the same: one heard failure, the others refused unheard,
        let log = try stores[0]._allAuditEntries().filter { $0.user == "alice" && $0.time == later }
        #expect(log.filter { $0.action == "login-failed" && $0.target == "" }.count == 1)
        #expect(log.filter { $0.action == "login-failed" && $0.target == "back-off" }.count == Self.attempts - 1)
        // and the count went up by one.
        let row = try await stores[0].writer.read { try AccountStore.userRow($0, "alice") }
        #expect(row?.failedLogins == LoginBackoff.freeAttempts + 1)
        // The right password is heard after the doubled delay, and resets the count.
        #expect(throws: StorageError.loginBackedOff(retryAfter: 1)) {
            try stores[1].login(name: "alice", password: "alice-pass", now: later.addingTimeInterval(59.5))
        }
        _ = try stores[1].login(name: "alice", password: "alice-pass", now: later.addingTimeInterval(60))
        #expect(try await stores[2].writer.read { try AccountStore.userRow($0, "alice") }?.failedLogins == 0)
    }

    @Test func parallelRightPasswordsInTheBackOffEndWell() async throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = try aliceWithFailures(LoginBackoff.freeAttempts, in: root)
        let stores = try (0 ..< Self.attempts).map { _ in try AccountStore(path: path, hasher: Self.slowHasher, secretBox: fastBox) }
        let results = try await outcomes(stores, password: "alice-pass", at: t0.addingTimeInterval(31))
        // Each is heard and logs in, or is told to wait: the first heard, and any that
        // reaches the database after its login reset the count. None counts as a failure.
        let logins = results.filter { $0 == "ok" }.count
        #expect(logins >= 1, "\(results)")
        #expect(logins + results.filter { $0 == "backed-off" }.count == Self.attempts, "\(results)")
        #expect(try await stores[0].writer.read { try AccountStore.userRow($0, "alice") }?.failedLogins == 0)
        let log = try stores[0]._allAuditEntries().filter { $0.user == "alice" && $0.time == t0.addingTimeInterval(31) }
        #expect(log.filter { $0.action == "login" }.count == logins)
        #expect(log.filter { $0.action == "login-failed" }.allSatisfy { $0.target == "back-off" })
    }

    @Test func parallelGuessesBeforeTheBackOffGetOnlyTheFreeAttempts() async throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = try aliceWithFailures(2, in: root)
        let stores = try (0 ..< Self.attempts).map { _ in try AccountStore(path: path, hasher: Self.slowHasher, secretBox: fastBox) }
        let results = try await outcomes(stores, password: "wrong-again", at: t0.addingTimeInterval(1))
        // Three free attempts were left: three are heard, as they would be one by one.
        #expect(results.filter { $0 == "failed" }.count == LoginBackoff.freeAttempts - 2, "\(results)")
        #expect(results.filter { $0 == "backed-off" }.count == Self.attempts - (LoginBackoff.freeAttempts - 2), "\(results)")
        #expect(try await stores[0].writer.read { try AccountStore.userRow($0, "alice") }?.failedLogins == LoginBackoff.freeAttempts)
    }
}

final class LockedList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ item: String) { lock.withLock { items.append(item) } }
    var values: [String] { lock.withLock { items } }
}
