#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TUICore
import TUINcurses

/// The terminal UI's loop (DESIGN.md): keys and effect results in, `update`, effects out
/// to the ``EffectRunner``, `render`, and only the changed cells to the terminal. The loop
/// never waits on I/O: it waits at most `poll` for a key, then takes what the effects
/// posted, so the screen answers keys while a read is in flight.
///
/// It runs on the main thread (the main actor), which only it uses: its waits for keys
/// never hold one of the few threads the effects' tasks run on.
@MainActor
final class TUIRuntime {
    let terminal: TUINcurses.Terminal
    var state: AppState
    let runner: EffectRunner
    let inbox: Inbox
    let context: DrawContext
    /// How long one wait for a key lasts before the inbox is looked at again.
    static let pollMilliseconds = 20

    init(terminal: TUINcurses.Terminal, state: AppState, runner: EffectRunner, inbox: Inbox) {
        self.terminal = terminal
        self.state = state
        self.runner = runner
        self.inbox = inbox
        context = DrawContext(strings: state.strings, lines: terminal.lineDrawing)
    }

    /// The longest sleep with nothing to do: none (-1), as a key, a message (the inbox's
    /// pipe), a resize or a Ctrl-C (the terminal's signal pipe) wakes the loop, and the
    /// Clock page's tick and a lone Esc set their own timeouts. Without either pipe the
    /// loop looks every 250 ms.
    static let idleMilliseconds = -1

    /// Runs until the user quits. Every key ncurses holds and every message are taken,
    /// the screen is drawn once, then the loop sleeps until something happens (issue 19:
    /// it woke every 20 ms, and drew every second for the clock of any page).
    func run() async {
        var dirty = true
        var lastTick = ContinuousClock.now - .seconds(2)
        while !state.quitting {
            if state.wantsTicks, ContinuousClock.now - lastTick >= .seconds(1) {
                lastTick = ContinuousClock.now
                apply(.tick(Date()))
                dirty = true
            }
            while !state.quitting, let key = terminal.readKey(timeoutMilliseconds: 0) {
                if key == .control("l") {
                    terminal.invalidate()
                } else if key == .resize {
                    let size = terminal.size
                    apply(.resized(width: size.width, height: size.height))
                } else {
                    apply(.key(key))
                }
                dirty = true
            }
            for msg in inbox.drain() {
                apply(msg)
                dirty = true
            }
            if state.quitting { break }
            if dirty {
                terminal.draw(state.render(context), cursor: state.cursor(context))
                dirty = false
            }
            var wait = inbox.wakeDescriptor >= 0 && terminal.wakesOnSignals ? Self.idleMilliseconds
                : inbox.wakeDescriptor >= 0 ? 250 : Self.pollMilliseconds
            func sooner(_ milliseconds: Int) { wait = wait < 0 ? milliseconds : min(wait, milliseconds) }
            if state.wantsTicks { sooner((Duration.seconds(1) - (ContinuousClock.now - lastTick)).millisecondsUp) }
            if let pending = terminal.pendingMilliseconds { sooner(pending) }
            terminal.waitForInput(or: inbox.wakeDescriptor, milliseconds: wait)
        }
        await runner.shutdown()
    }

    private func apply(_ msg: Msg) {
        // The PC's time for what this message does (a page stamps a read with it), without
        // a tick every second.
        if case .tick = msg {} else { state.now = Date() }
        let language = state.language
        let effects = state.update(msg)
        if state.language != language { runner.setLanguage(state.language) }
        runner.perform(effects)
    }
}
