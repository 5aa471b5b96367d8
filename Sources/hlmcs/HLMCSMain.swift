import ArgumentParser
import Foundation

/// Entry point: parses the command line and maps every failure to SPEC.md's exit
/// statuses (0 success, 2 usage or bad input, 4 login failed or permission denied).
@main
enum HLMCSMain {
    static func main() {
        do {
            var command = try HLMCS.parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data((failure.message + "\n").utf8))
            exit(failure.status.rawValue)
        } catch {
            let code = HLMCS.exitCode(for: error)
            if code == .success { HLMCS.exit(withError: error) }
            FileHandle.standardError.write(Data((HLMCS.fullMessage(for: error) + "\n").utf8))
            exit(ExitStatus.usage.rawValue)
        }
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

struct HLMCS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hlmcs",
        abstract: "Terminal configurator for the EMIS ES-951 data concentrator.",
        subcommands: [UsersCommand.self, RolesCommand.self, AuditCommand.self])
}
