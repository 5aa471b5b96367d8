import TestWaiting
import ES951
import Foundation
import Testing

/// The man pages cannot silently fall behind the programs: every subcommand that
/// `hlmcs --help` lists (and theirs, recursively) is in man/hlmcs.1 as `hlmcs NAME …`,
/// and every long option any `--help` prints is in the page, for `hlmcs` and `es951-sim`.
@Suite("ManPage", .timeLimit(.minutes(2)))
struct ManPageTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let simulator = CommandRunner.binary.deletingLastPathComponent().appendingPathComponent("es951-sim")

    @Test func everyHLMCSCommandAndOptionIsInTheManPage() async throws {
        let page = try Self.manText("hlmcs.1")
        var commands: [[String]] = []
        var options = Set<String>()
        try await Self.walk(CommandRunner.binary, path: [], commands: &commands, options: &options)
        #expect(commands.count >= 25, "found only \(commands.map { $0.joined(separator: " ") })")
        let names = commands.map { (["hlmcs"] + $0).joined(separator: " ") }
        let missingCommands = names.filter { !Self.contains(page, $0) }
        #expect(missingCommands.isEmpty, "man/hlmcs.1 lacks the commands \(missingCommands)")
        #expect(options.count >= 50, "found only \(options.sorted())")
        let missingOptions = options.sorted().filter { !Self.contains(page, $0) }
        #expect(missingOptions.isEmpty, "man/hlmcs.1 lacks the options \(missingOptions)")
    }

    @Test func everySimulatorOptionIsInItsManPage() async throws {
        let page = try Self.manText("es951-sim.1")
        var commands: [[String]] = []
        var options = Set<String>()
        try await Self.walk(Self.simulator, path: [], commands: &commands, options: &options)
        #expect(options.count >= 18, "found only \(options.sorted())")
        let missingOptions = options.sorted().filter { !Self.contains(page, $0) }
        #expect(missingOptions.isEmpty, "man/es951-sim.1 lacks the options \(missingOptions)")
    }

    @Test func bothProgramsPrintTheOneVersion() async throws {
        #expect(try await Self.run(CommandRunner.binary, ["--version"]) == ProgramVersion.text + "\n")
        #expect(try await Self.run(Self.simulator, ["--version"]) == ProgramVersion.text + "\n")
    }

    /// The help of `path`, its long options and subcommands, then each subcommand's.
    static func walk(_ binary: URL, path: [String], commands: inout [[String]], options: inout Set<String>) async throws {
        let help = try await run(binary, path + ["--help"])
        let sections = sectioned(help)
        for line in sections["OPTIONS:"] ?? [] where line.hasPrefix("  -") {
            // "  --name <value>   help", "  -h, --help   help": the first long option.
            if let match = line.firstMatch(of: #/--[a-z0-9][a-z0-9-]*/#) { options.insert(String(match.output)) }
        }
        for line in sections["SUBCOMMANDS:"] ?? [] {
            // "  export                  Save …"; not "  See 'hlmcs help …'".
            guard line.hasPrefix("  "), !line.hasPrefix("   "),
                  let name = line.split(separator: " ").first.map(String.init),
                  name.first?.isLowercase == true else { continue }
            commands.append(path + [name])
            try await walk(binary, path: path + [name], commands: &commands, options: &options)
        }
    }

    /// Lines after each "SECTION:" heading of argument-parser's help, to the next heading.
    static func sectioned(_ help: String) -> [String: [String]] {
        var sections: [String: [String]] = [:]
        var current: String?
        for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let first = line.first, first.isUppercase, line.hasSuffix(":"), !line.contains(" ") {
                current = line
                continue
            }
            if let current { sections[current, default: []].append(line) }
        }
        return sections
    }

    /// The standard output of `binary arguments…`, awaited (within 30 s) with its end.
    static func run(_ binary: URL, _ arguments: [String]) async throws -> String {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "COLUMNS": "80"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let exit = try process.start()
        let read = output.fileHandleForReading.readToEndOnThread()
        let what = "\(binary.lastPathComponent) \(arguments.joined(separator: " "))"
        guard let status = await exit.wait(seconds: 30) else {
            process.kill()
            throw WaitTimedOut(what: what + " did not end (killed)", seconds: 30)
        }
        let data = try await read.value(within: 5, "the output of " + what)
        #expect(status == 0, "\(what): status \(status)")
        return String(decoding: data, as: UTF8.self)
    }

    /// The page as plain words: `\-` is `-`, font and spacing escapes dropped.
    static func manText(_ name: String) throws -> String {
        var text = try String(contentsOf: package.appendingPathComponent("man/" + name), encoding: .utf8)
        text = text.replacingOccurrences(of: "\\-", with: "-")
        text = text.replacing(#/\\f[BIRP]/#, with: "")
        for escape in ["\\%", "\\:", "\\&", "\\/", "\\,"] { text = text.replacingOccurrences(of: escape, with: "") }
        return text
    }

    /// `needle` in `text`, not followed by more of a name (`--serial` is not `--serial-number`).
    static func contains(_ text: String, _ needle: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: needle) {
            let next = rest[range.upperBound...].first
            if next.map({ !($0.isLetter || $0.isNumber || $0 == "-") }) ?? true { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }
}
