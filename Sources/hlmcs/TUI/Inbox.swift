import Synchronization
import TUICore

/// Messages from the effects (which run on other threads) to the UI loop, which drains
/// them between keys.
final class Inbox: Sendable {
    private let messages = Mutex<[Msg]>([])

    func post(_ msg: Msg) { messages.withLock { $0.append(msg) } }

    func drain() -> [Msg] {
        messages.withLock { m in
            let all = m
            m.removeAll(keepingCapacity: true)
            return all
        }
    }
}
