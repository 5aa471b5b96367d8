import TestWaiting
import Testing
import DLMS
import DLMSTransport
import Foundation

/// Starts the built `es951-sim` as a subprocess and talks to it over TCP.
@Suite("es951-sim executable", .serialized)
struct ExecutableTests {
    /// The es951-sim next to the test bundle (same build directory).
    static var executable: URL? {
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("es951-sim")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    /// A started es951-sim. Its exit and its standard error (read to the end from the
    /// start, so that a full pipe cannot stop it) are awaited, not waited for
    /// (Tests/TestWaiting).
    struct Started: Sendable {
        let process: Process
        let port: UInt16
        let exit: Arrival<Int32>
        let errors: Arrival<Data>

        /// SIGINT (a clean exit), then its termination status, within 10 s.
        func interrupt() async throws -> Int32 {
            process.interrupt()
            guard let status = await exit.wait(seconds: 10) else {
                process.kill()
                throw WaitTimedOut(what: "es951-sim after SIGINT", seconds: 10)
            }
            return status
        }

        /// Its standard error to the end (once it has ended), within 10 s.
        func log() async throws -> String {
            String(decoding: try await errors.value(within: 10, "the end of es951-sim's standard error"), as: UTF8.self)
        }

        /// SIGTERM unless it has ended, without waiting for it (for a `defer`).
        func stop() {
            if process.isRunning { process.terminate() }
        }
    }

    /// Runs the simulator, awaits its LISTEN line (20 s at most), returns it with its port.
    static func start(_ arguments: [String]) async throws -> Started {
        let url: URL = try #require(executable, "build es951-sim first (swift build)")
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let exit = try process.start()
        let errors = err.fileHandleForReading.readToEndOnThread()
        let firstLine = out.fileHandleForReading.watchLines { String($0) }
        guard let line = await firstLine.wait(seconds: 20) else {
            process.kill()
            throw WaitTimedOut(what: "es951-sim's first line", seconds: 20)
        }
        let text = line ?? ""
        #expect(text.hasPrefix("LISTEN tcp 127.0.0.1:"))
        let port = try #require(UInt16(text.split(separator: ":").last ?? ""))
        return Started(process: process, port: port, exit: exit, errors: errors)
    }

    @Test func servesSerialNumberAndDailyProfileOverTCP() async throws {
        let sim = try await Self.start(["--tcp", "127.0.0.1:0", "--meters", "5", "--seed", "3"])
        let port = sim.port
        defer { sim.stop() }
        let channel = try await TCPChannel.connect(host: "127.0.0.1", port: port, timeout: .seconds(5))
        var client = ChannelClient(channel: channel, configuration: ClientConfiguration(responseTimeout: .seconds(3)))
        guard case .associated(let info)? = await client.run({ $0.connect() }) else { Issue.record("no association"); return }
        #expect(info.serverAddress == HDLCAddress.server(upper: 1, lower: 1001, size: 4))
        let serial = CosemAttributeDescriptor("1/0.0.96.1.0.255/2")!
        let daily = CosemAttributeDescriptor("7/1.0.98.2.0.255/2")!
        let answer = await client.run { $0.request(.get([AttributeWithAccess(serial)])) }
        #expect(answer == .deliver(.get([.data(.visibleString(Array("95100001".utf8)))])))
        guard case .deliver(.get(let results))? = await client.run({ $0.request(.get([AttributeWithAccess(daily)])) }),
              case .data(.array(let rows))? = results.first else { Issue.record("no profile"); return }
        #expect(rows.count == 89)
        #expect(await client.run { $0.release() } == .released)
        await channel.close()
        let status = try await sim.interrupt()    // SIGINT: a clean exit
        #expect(status == 0)
        let log = try await sim.log()
        #expect(log.contains("client 16 GET 1/0.0.96.1.0.255/2 -> ok"))
    }

    /// `--wrapper`: IEC 62056-47 on TCP, read by the test's own wrapper client.
    @Test func servesTheWrapper() async throws {
        let sim = try await Self.start(["--tcp", "127.0.0.1:0", "--wrapper", "--meters", "5", "--seed", "3"])
        let port = sim.port
        defer { sim.stop() }
        let channel = try await TCPChannel.connect(host: "127.0.0.1", port: port, timeout: .seconds(5))
        var client = WrapperClient(channel: channel, client: 16)
        #expect(try await client.associate().isAccepted)
        #expect(try await client.get("1/0.0.96.1.0.255/2") == .data(.visibleString(Array("95100001".utf8))))
        guard case .data(.array(let rows)) = try await client.get("7/1.0.98.2.0.255/2") else { Issue.record("no profile"); return }
        #expect(rows.count == 89)
        #expect(client.received.allSatisfy { $0.source == 1 && $0.destination == 16 })
        _ = try await client.release()
        await channel.close()
        let status = try await sim.interrupt()
        #expect(status == 0)
        let log = try await sim.log()
        #expect(log.contains("client 16 connected (wrapper)"))
        #expect(log.contains("client 16 GET-next"))
    }

    @Test func wrapperNeedsTCP() async throws {
        let url: URL = try #require(Self.executable)
        let process = Process()
        process.executableURL = url
        process.arguments = ["--pty", "/tmp/simgaps-never", "--wrapper"]
        let err = Pipe(), out = Pipe()
        process.standardError = err
        process.standardOutput = out
        let exit = try process.start()
        _ = (err.fileHandleForReading.readToEndOnThread(), out.fileHandleForReading.readToEndOnThread())
        defer { process.kill() }
        let status = try await exit.value(within: 20, "es951-sim --pty … --wrapper")
        #expect(status == 2)
    }

    /// `--baud 9600 --turnaround 20 --trace FILE`: the executable paces its link (seen in
    /// the trace as lower bounds, see LinkBehaviourTests) and writes SPEC.md's lines.
    @Test func pacesAndTraces() async throws {
        let path = scratchPath("exe.trace")
        defer { unlink(path) }
        let sim = try await Self.start(["--tcp", "127.0.0.1:0", "--meters", "5", "--baud", "9600",
                                        "--turnaround", "20", "--trace", path])
        let port = sim.port
        defer { sim.stop() }
        let channel = try await TCPChannel.connect(host: "127.0.0.1", port: port, timeout: .seconds(5))
        let link = DLMSConnection(channel: channel, configuration: ClientConfiguration(
            clientAddress: 32, authentication: .low(password: Array("admin@emis".utf8)), responseTimeout: .seconds(5)))
        _ = try await link.open()
        #expect(try await link.get([AttributeWithAccess(CosemAttributeDescriptor("1/0.0.96.1.0.255/2")!)])
                == [.data(.visibleString(Array("95100001".utf8)))])
        await link.close()
        _ = try await sim.interrupt()              // its trace is complete once it has ended
        let lines = try #require(TraceLine.read(path), "a trace line not in SPEC.md's format")
        #expect(lines.count >= 8)
        #expect(!lines.flatMap(\.bytes).contains(sequence: Array("admin@emis".utf8)))
        #expect(lines.contains { $0.bytes.contains(sequence: [UInt8](repeating: 0x2A, count: 10)) })
        let received = lines.indices.filter { !lines[$0].sent }
        var bound = 0.0
        for (a, b) in zip(received, received.dropFirst()) {
            let sentBytes = lines[(a + 1)..<b].reduce(0) { $0 + $1.bytes.count }
            guard sentBytes > 0 else { continue }
            bound += 0.020 + Double(sentBytes + lines[b].bytes.count) * 10 / 9600
        }
        let span = lines[received.last!].time - lines[received.first!].time
        #expect(bound > 0.05)
        #expect(span >= bound * 0.75)   // unpaced, the span would be a few ms
    }

    /// `--faults cut-after=2`: the first connection is cut after UA and AARE; the next
    /// one is clean and keeps the device (a write made on the first one).
    @Test func cutAfterOnlyTheFirstConnection() async throws {
        let sim = try await Self.start(["--tcp", "127.0.0.1:0", "--meters", "5", "--faults", "cut-after=3,seed=1"])
        let port = sim.port
        defer { sim.stop() }
        let apn = CosemAttributeDescriptor("45/0.0.25.4.0.255/2")!
        let lls = ClientConfiguration(clientAddress: 32, authentication: .low(password: Array("admin@emis".utf8)),
                                      responseTimeout: .seconds(2))
        let first = DLMSConnection(channel: try await TCPChannel.connect(host: "127.0.0.1", port: port, timeout: .seconds(5)),
                                   configuration: lls)
        _ = try await first.open()
        #expect(try await first.set(apn, .octetString(Array("cut.apn".utf8))) == .success)      // the 3rd frame
        await #expect(throws: DLMSConnectionError.self) { _ = try await first.get([AttributeWithAccess(apn)]) }
        await first.close()
        let second = DLMSConnection(channel: try await TCPChannel.connect(host: "127.0.0.1", port: port, timeout: .seconds(5)),
                                    configuration: lls)
        _ = try await second.open()
        for _ in 0..<3 {
            #expect(try await second.get([AttributeWithAccess(apn)]) == [.data(.octetString(Array("cut.apn".utf8)))])
        }
        await second.close()
    }
}
