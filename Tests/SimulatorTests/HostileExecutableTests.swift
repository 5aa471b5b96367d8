import TestWaiting
import Testing
import DLMS
import DLMSTransport
import Foundation

/// `es951-sim --answer … --hostile …`: the options as the executable takes them.
@Suite("Hostile device: es951-sim options", .serialized)
struct HostileExecutableTests {
    /// Runs es951-sim to its end (awaited, within 20 s); returns the exit status and
    /// standard error.
    static func run(_ arguments: [String]) async throws -> (Int32, String) {
        let url: URL = try #require(ExecutableTests.executable, "build es951-sim first (swift build)")
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let err = Pipe(), out = Pipe()
        process.standardError = err
        process.standardOutput = out
        let exit = try process.start()
        let errors = err.fileHandleForReading.readToEndOnThread()
        _ = out.fileHandleForReading.readToEndOnThread()
        defer { process.kill() }
        let what = "es951-sim \(arguments.joined(separator: " "))"
        let status = try await exit.value(within: 20, what)
        let text = String(decoding: try await errors.value(within: 5, "the standard error of " + what), as: UTF8.self)
        return (status, text)
    }

    /// Bad descriptors, bad hex, unknown modes: a usage error naming the problem (exit 2).
    @Test func badOptionsAreUsageErrors() async throws {
        let tcp = ["--tcp", "127.0.0.1:0"]
        let cases: [([String], String)] = [
            (["--answer", "1/0.0.94.7.141.255/2=12zz"], "hex digits in pairs"),
            (["--answer", "1/0.0.94.7.141.255/2=123"], "hex digits in pairs"),
            (["--answer", "1/0.0.94.7.141.255/2="], "no bytes"),
            (["--answer", "1/0.0.94.7.141/2=1200"], "is not CLASS/OBIS/ATTR"),
            (["--answer", "x/0.0.94.7.141.255/2=1200"], "is not CLASS/OBIS/ATTR"),
            (["--answer", "1/0.0.94.7.141.255/2"], "CLASS/OBIS/ATTR=HEX"),
            (["--answer", "1/0.0.94.7.141.255/2=@/nonexistent/answer.hex"], "cannot read /nonexistent/answer.hex"),
            (["--answer", "1/0.0.94.7.141.255/2=1200", "--answer", "1/0.0.94.7.141.255/2=1201"], "given twice"),
            (["--hostile", "endless"], "unknown mode; one of endless-segments, endless-blocks"),
            (["--hostile", "huge-array=3"], "only slow-drip takes a value"),
            (["--hostile", "slow-drip=0"], "only slow-drip takes a value"),
            (["--wrapper", "--hostile", "endless-segments"], "not with --wrapper"),
            (["--refuse-write", "42/0.0.25.1.0.255"], "--refuse-write 42/0.0.25.1.0.255: CLASS/OBIS/ATTR"),
        ]
        for (arguments, message) in cases {
            let (status, text) = try await Self.run(tcp + arguments)
            #expect(status == 2, "\(arguments)")
            #expect(text.contains(message), "\(arguments): \(text)")
            #expect(!text.contains("Fatal error"), "\(arguments)")
        }
    }

    /// Over TCP: the canned meter counts (hex from the command line and from a file),
    /// the huge array next to it, and the log line that says what is hostile.
    @Test func answerAndHugeArrayOverTCP() async throws {
        let path = scratchPath("answer.hex")
        defer { unlink(path) }
        let serial = DLMSData.visibleString(Array("HOSTILE".utf8))
        try Data(("  " + Hex.string(serial.encoded) + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let counts = "0203 15FFFFFFFFFFFFFFFF 15FFFFFFFFFFFFFFFF 15FFFFFFFFFFFFFFFF"
        let sim = try await ExecutableTests.start([
            "--tcp", "127.0.0.1:0", "--meters", "5", "--hostile", "huge-array",
            "--answer", "1/0.0.94.7.141.255/2=" + counts, "--answer", "1/0.0.96.1.0.255/2=@" + path])
        let port = sim.port
        defer { sim.stop() }
        let channel = try await TCPChannel.connect(host: "127.0.0.1", port: port, timeout: .seconds(5))
        var client = ChannelClient(channel: channel, configuration: ClientConfiguration(responseTimeout: .seconds(3)))
        guard case .associated? = await client.run({ $0.connect() }) else { Issue.record("no association"); return }
        let list = [AttributeWithAccess(CosemAttributeDescriptor("1/0.0.94.7.141.255/2")!),
                    AttributeWithAccess(CosemAttributeDescriptor("1/0.0.96.1.0.255/2")!)]
        #expect(await client.run { $0.request(.get(list)) }
                == .deliver(.get([.data(.structure(Array(repeating: .long64Unsigned(.max), count: 3))), .data(serial)])))
        await channel.close()
        _ = try await sim.interrupt()
        let log = try await sim.log()
        #expect(log.contains("hostile device: huge-array, answer 1/0.0.94.7.141.255/2 (29 bytes), answer 1/0.0.96.1.0.255/2 (9 bytes)"))
        #expect(log.contains("GET-with-list 2 attributes -> hostile: 2 canned"))
    }
}
