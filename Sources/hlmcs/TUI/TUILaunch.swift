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
    static func run(global: GlobalOptions, link: LinkSpec?, demoBaud: Int?, demoMeters: Int) async throws {
        let context = try CommandContext(global)
        let s = context.strings
        let uiLanguage: UILanguage = context.language == .ru ? .ru : .en
        var catalogue: [UILanguage: UIStrings] = [:]
        do {
            for language in UILanguage.allCases { catalogue[language] = try UIStrings.bundled(language) }
        } catch {
            throw CommandFailure(status: .usage, message: s.t("The interface strings are damaged: \(error)",
                                                              "Строки интерфейса повреждены: \(error)"))
        }
        let baseOptions = link
        let settings = link ?? LinkSpec.demo
        let map: DeviceMap
        do { map = try DeviceMapFile.load(baseOptions?.mapPath) } catch {
            throw CommandFailure(status: .usage, message: s.t("The device map cannot be read: \(error)",
                                                              "Карта устройства не читается: \(error)"))
        }
        let firstRun = try !context.store.isInitialized()

        let terminal: TUINcurses.Terminal
        do { terminal = try TUINcurses.Terminal.start() } catch {
            throw CommandFailure(status: .usage, message: message(for: error, s))
        }
        let inbox = Inbox()
        let runner = EffectRunner(inbox: inbox, store: context.store, map: map, baseOptions: baseOptions,
                                  demo: DemoDevice(meters: demoMeters, baud: demoBaud), language: context.language)
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
            s.t("The terminal UI needs a terminal (standard input and output are not one). The commands (hlmcs --help) work without.",
                "Интерфейсу нужен терминал (стандартные ввод и вывод — не терминал). Команды (hlmcs --help) работают и без него.")
        case .termNotSet:
            s.t("TERM is not set: set it to your terminal's type (e.g. export TERM=xterm-256color).",
                "Переменная TERM не задана: укажите тип терминала (например export TERM=xterm-256color).")
        case .unknownTerminal(let term):
            s.t("Unknown terminal type TERM=\(term): install its terminfo (ncurses-term) or use TERM=xterm-256color.",
                "Неизвестный тип терминала TERM=\(term): установите его terminfo (ncurses-term) или используйте TERM=xterm-256color.")
        case .alreadyStarted:
            s.t("The terminal UI is already running.", "Интерфейс уже запущен.")
        }
    }
}
