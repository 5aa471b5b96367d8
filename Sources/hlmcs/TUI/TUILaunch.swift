import AccountStore
import Concentrator
import ES951
import Foundation
import TUICore
import TUINcurses

/// `hlmcs [--demo | LINK] [--lang ru|en] [--db PATH]`: the terminal UI, with the demo
/// concentrator or the LINK options' connection preselected.
enum TUILaunch {
    @MainActor
    /// - Parameter link: the LINK options given (checked by the caller), nil for the demo.
    /// - Parameter demo: `--demo` was given (no last connection is brought back).
    static func run(global: GlobalOptions, link: LinkSpec?, demo: Bool, demoBaud: Int?, demoMeters: Int,
                    mouse: Bool = true) async throws {
        let context = try CommandContext(global)
        let s = context.strings
        let uiLanguage: UILanguage = context.language == .ru ? .ru : .en
        var catalogue: [UILanguage: UIStrings] = [:]
        do {
            for language in UILanguage.allCases { catalogue[language] = try UIStrings.bundled(language) }
        } catch {
            throw CommandFailure(status: .usage, message: s["runtime.launch.stringsDamaged", "\(error)"])
        }
        let baseOptions = link
        let settings = link ?? LinkSpec.demo
        let map: DeviceMap
        do { map = try DeviceMapFile.load(baseOptions?.mapPath) } catch {
            throw CommandFailure(status: .usage, message: s["runtime.launch.mapUnreadable", "\(error)"])
        }
        let firstRun = try !context.store.isInitialized()

        let terminal: TUINcurses.Terminal
        do { terminal = try TUINcurses.Terminal.start(mouse: mouse) } catch {
            throw CommandFailure(status: .usage, message: message(for: error, s))
        }
        terminal.interceptsInterrupt = true
        let inbox = Inbox()
        let runner = EffectRunner(inbox: inbox, store: context.store, map: map, baseOptions: baseOptions,
                                  demo: DemoDevice(meters: demoMeters, baud: demoBaud), language: context.language,
                                  restoresLastConnection: link == nil && !demo)
        let size = terminal.size
        let state = AppState(width: size.width, height: size.height, language: uiLanguage, strings: catalogue,
                             connection: settings, firstRun: firstRun)
        let runtime = TUIRuntime(terminal: terminal, state: state, runner: runner, inbox: inbox)
        await runtime.run()
        terminal.stop()
    }

    static func message(for error: TerminalError, _ s: Strings) -> String {
        switch error {
        case .noTerminal:
            s["runtime.terminal.noTerminal"]
        case .termNotSet:
            s["runtime.terminal.termNotSet"]
        case .unknownTerminal(let term):
            s["runtime.terminal.unknownTerminal", term]
        case .alreadyStarted:
            s["runtime.terminal.alreadyStarted"]
        }
    }
}
