import ArgumentParser
import Concentrator
import DLMSTransport
import ES951
import Foundation

/// Entry point: parses the command line and maps every failure to SPEC.md's exit
/// statuses (0 success, 1 the device refused, 2 usage or bad input, 3 link or protocol
/// failure, 4 login failed or permission denied).
@main
enum HLMCSMain {
    static func main() async {
        let arguments = Self.negativeValuesLast(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try HLMCS.parseAsRoot(arguments)
            if command is HLMCS, var tui = command as? AsyncParsableCommand {
                try await tui.run()          // the terminal UI restores the terminal on signals itself
            } else if let async = command as? AsyncParsableCommand {
                nonisolated(unsafe) var command = async
                try await SignalGuard.run { try await command.run() }
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            if !failure.message.isEmpty { Output.message(failure.message) }
            exit(failure.status.rawValue)
        } catch {
            let code = HLMCS.exitCode(for: error)
            if code == .success { HLMCS.exit(withError: error) }
            let language = UsageErrorText.language(arguments, environment: ProcessInfo.processInfo.environment)
            Output.message(UsageErrorText.text(HLMCS.fullMessage(for: error), Strings(language: language)))
            exit(ExitStatus.usage.rawValue)
        }
    }
}

extension HLMCSMain {
    /// `hlmcs set ATTR -120 …`: a negative number is a value, not an option (no option of
    /// hlmcs starts with a digit), but the parser would read it as one. The value is moved
    /// after a `--` at the end, where it is only a value; nothing else changes.
    static func negativeValuesLast(_ arguments: [String]) -> [String] {
        guard arguments.first == "set", !arguments.contains("--") else { return arguments }
        func isNegativeNumber(_ a: String) -> Bool {
            a.count > 1 && a.hasPrefix("-") && a.dropFirst().allSatisfy { $0.isNumber || $0 == "." } && a.dropFirst().first?.isNumber == true
        }
        let values = arguments.filter(isNegativeNumber)
        guard !values.isEmpty else { return arguments }
        return arguments.filter { !isNegativeNumber($0) } + ["--"] + values
    }
}

/// SPEC.md "Command line": exit statuses.
enum ExitStatus: Int32 {
    case success = 0
    case deviceRefused = 1
    case usage = 2
    case link = 3
    case loginOrPermission = 4
}

/// A failure already put into words for the user.
struct CommandFailure: Error {
    let status: ExitStatus
    let message: String
}

struct HLMCS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hlmcs",
        abstract: "Terminal configurator for the EMIS ES-951 data concentrator.",
        discussion: """
            Without a subcommand: the terminal UI. `hlmcs --demo` runs it on a concentrator \
            simulated inside the program; `hlmcs --tcp HOST:PORT` (or --serial, --optical) \
            preselects that connection.
            """,
        version: ProgramVersion.text,
        subcommands: [InfoCommand.self, GetCommand.self, SetCommand.self, ClockCommand.self, GPRSCommand.self,
                      IPCommand.self, MetersCommand.self, TopologyCommand.self, ProfileCommand.self, EventsCommand.self,
                      PortsCommand.self, SettingsCommand.self, FirmwareCommand.self, ClearCommand.self, ObjectsCommand.self,
                      ReadCommand.self, MapCommand.self, DetectCommand.self, UsersCommand.self, RolesCommand.self, AuditCommand.self])

    @Flag(name: .long, help: "The terminal UI on the demo concentrator simulated inside the program (serial number 95100001).")
    var demo = false
    @Option(name: .customLong("demo-baud"), help: ArgumentHelp("Pace the demo like a line of this speed.", valueName: "baud"))
    var demoBaud: Int?
    @Option(name: .customLong("demo-meters"), help: "Meters in the demo concentrator's list (default 100, at most 1000).")
    var demoMeters = 100
    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (its text selection) instead of clicks on the menus, the tree and the key bar.")
    var noMouse = false
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let s = Strings(language: Language.resolve(global.lang, environment: ProcessInfo.processInfo.environment))
        guard (1...1000).contains(demoMeters) else {
            throw CommandFailure(status: .usage, message: s["cli.usage.error", s["cli.usage.demoMeters"]])
        }
        if let demoBaud, !SerialSettings.supportedBauds.contains(demoBaud) {
            throw CommandFailure(status: .usage, message: s["cli.usage.error", s["cli.usage.demoBaud", SerialSettings.supportedBauds.map(String.init).joined(separator: ", ")]])
        }
        var options: LinkSpec?
        if !demo, link.tcp != nil || link.serial != nil || link.optical != nil {
            do { options = try link.linkOptions() } catch {
                throw CommandFailure(status: .usage, message: s.message(for: error))
            }
        }
        try await TUILaunch.run(global: global, link: options, demo: demo, demoBaud: demoBaud, demoMeters: demoMeters,
                                mouse: !noMouse)
    }
}
