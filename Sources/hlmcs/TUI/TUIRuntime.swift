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

    /// Runs until the user quits.
    func run() async {
        var dirty = true
        var lastTick = ContinuousClock.now - .seconds(2)
        while !state.quitting {
            if ContinuousClock.now - lastTick >= .seconds(1) {
                lastTick = ContinuousClock.now
                apply(.tick(Date()))
                dirty = true
            }
            if dirty {
                terminal.draw(state.render(context), cursor: state.cursor(context))
                dirty = false
            }
            if let key = terminal.readKey(timeoutMilliseconds: Self.pollMilliseconds) {
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
        }
        await runner.shutdown()
    }

    private func apply(_ msg: Msg) {
        let language = state.language
        let effects = state.update(msg)
        if state.language != language { runner.setLanguage(state.language) }
        runner.perform(effects)
    }
}
