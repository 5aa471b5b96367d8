import Accounts
import AccountStore
import ES951
import Simulator
import Testing
import TUICore
@testable import hlmcs

/// Tests of the TUI's effect runner: its parts on an in-memory store with cheap password
/// hashes and the in-process demo concentrator, and the waits and the first login every
/// such test needs.
protocol RunnerTest {
    var inbox: Inbox { get }
    var runner: EffectRunner { get }
    /// The longest wait for one message.
    static var waitSeconds: Int { get }
}

extension RunnerTest {
    static var waitSeconds: Int { 20 }

    /// The inbox, the store and the runner, with a demo of `meters` meters (paced like a
    /// line of `baud` when given).
    static func parts(meters: Int, baud: Int? = nil, hostile: HostileBehaviour = HostileBehaviour(),
                      restoresLastConnection: Bool = false) throws -> (Inbox, AccountStore, EffectRunner) {
        let inbox = Inbox()
        let store = try AccountStore(path: ":memory:", hasher: PasswordHasher(unsafeUncheckedRounds: 1000),
                                     secretBox: SecretBox(unsafeUncheckedRounds: 1000))
        let runner = EffectRunner(inbox: inbox, store: store, map: try DeviceMap.builtIn(), baseOptions: nil,
                                  demo: DemoDevice(meters: meters, baud: baud, hostile: hostile), language: .en,
                                  restoresLastConnection: restoresLastConnection)
        return (inbox, store, runner)
    }

    /// Waits until a message matching `predicate` arrives; returns every message seen so
    /// far (and records an issue when none came in time).
    func wait(for what: String, _ predicate: (Msg) -> Bool) async -> [Msg] {
        var seen: [Msg] = []
        let deadline = ContinuousClock.now + .seconds(Self.waitSeconds)
        while ContinuousClock.now < deadline {
            seen += inbox.drain()
            if seen.contains(where: predicate) { return seen }
            try? await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("no \(what) within \(Self.waitSeconds) s; saw \(seen.suffix(5))")
        return seen
    }

    /// The first login of the new database: the administrator, then its password.
    func logIn(password: String = "first-pass-1") async {
        runner.perform(.login(user: "Administrator", password: ""))
        _ = await wait(for: "administrator password request") { if case .administratorPasswordNeeded = $0 { true } else { false } }
        runner.perform(.setAdministratorPassword(password))
        _ = await wait(for: "login") { if case .loggedIn = $0 { true } else { false } }
    }
}
