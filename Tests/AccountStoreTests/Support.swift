import Accounts
@testable import AccountStore
import Foundation
import GRDB

/// A fresh temporary folder per test, removed by the caller's `defer`.
func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hlmcs-store-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

let fastHasher = PasswordHasher(unsafeUncheckedRounds: 1000)
let fastBox = SecretBox(unsafeUncheckedRounds: 1000)
let t0 = Date(timeIntervalSince1970: 1_800_000_000)
let adminPassword = "admin-secret-1"

/// An in-memory store with the real migrator.
func memoryStore() throws -> AccountStore {
    try AccountStore(writer: DatabaseQueue(configuration: AccountStore.configuration()), hasher: fastHasher, secretBox: fastBox)
}

/// A store whose administrator has a password, and the administrator's session.
func initializedStore(_ store: AccountStore? = nil) throws -> (AccountStore, Session) {
    let store = try store ?? memoryStore()
    try store.initialize(administratorPassword: adminPassword, now: t0)
    return (store, try store.login(name: UserName.firstAdministrator, password: adminPassword, now: t0))
}
