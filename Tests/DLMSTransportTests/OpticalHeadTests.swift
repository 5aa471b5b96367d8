import TestWaiting
import DLMS
import Foundation
import Glibc
import Simulator
import Testing
@testable import DLMSTransport

/// The mode E sign-on against scripted devices on a pty. A pty ignores parity and
/// speed for its data, so the device checks what the client's port is set to
/// (`_settingsInForce`) at each message instead.
@Suite(.timeLimit(.minutes(1))) struct OpticalHeadTests {
    /// `/EMS5\2ES951\r\n` (ES951-MAP / es951-sim): EMS, 9600 baud, HDLC.
    static let es951: [UInt8] = Array("/EMS5\\2ES951\r\n".utf8)
    static let signOn: [UInt8] = [0x2F, 0x3F, 0x21, 0x0D, 0x0A]           // "/?!\r\n"
    static let ack9600: [UInt8] = [0x06, 0x32, 0x35, 0x32, 0x0D, 0x0A]     // ACK '2' '5' '2' CR LF

    struct Seen: Sendable { var signOn: [UInt8] = []; var ack: [UInt8] = []; var baudAtSignOn = 0; var baudAtAck = 0; var frame: [UInt8] = [] }

    /// A scripted device on the pty's master side, run on a thread of its own with
    /// blocking I/O: other suites may hold the cooperative pool for many seconds, and a
    /// device that answers late would turn every test into a timeout.
    final class FakeDevice: @unchecked Sendable {
        let fd: Int32
        private let done = Arrival<Result<Seen, TransportError>>()

        /// Reads the sign-on, echoes it (as a head does), answers `answer`; unless
        /// `acknowledged` is false (the client must refuse the answer) reads the
        /// acknowledgement and echoes it too; then, given `afterwards`, reads one HDLC
        /// frame from the client and answers it with `afterwards`.
        init(_ pty: PseudoTerminal, client: SerialChannel, answer: [UInt8], acknowledged: Bool = true,
             afterwards: [UInt8] = []) {
            fd = pty.channel._descriptor
            let thread = Thread { [self] in
                let result = Result { () throws(TransportError) -> Seen in
                    var seen = Seen()
                    seen.signOn = try readLine()
                    seen.baudAtSignOn = try client._settingsInForce().baud
                    try write(seen.signOn)
                    try write(answer)
                    guard acknowledged else { return seen }
                    seen.ack = try readLine()
                    seen.baudAtAck = try client._settingsInForce().baud
                    try write(seen.ack)
                    if !afterwards.isEmpty {
                        seen.frame = try read { $0.count >= 2 && $0.last == 0x7E }
                        try write(afterwards)
                    }
                    return seen
                }
                done.deliver(result)
            }
            thread.start()
        }

        /// What the device saw, once its script has run (awaited, within 20 s).
        func finish() async throws -> Seen {
            guard let result = await done.wait(seconds: 20) else { throw TransportError.timedOut(after: .seconds(20)) }
            return try result.get()
        }

        /// One CR LF-terminated message, within 20 s.
        private func readLine() throws(TransportError) -> [UInt8] {
            try read { $0.count >= 2 && $0.suffix(2) == [0x0D, 0x0A] }
        }

        /// Reads until `complete` says so, within 20 s.
        private func read(until complete: ([UInt8]) -> Bool) throws(TransportError) -> [UInt8] {
            var got: [UInt8] = []
            let deadline = Date().addingTimeInterval(20)
            while !complete(got) {
                guard Date() < deadline else { throw .timedOut(after: .seconds(20)) }
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&p, 1, 50) > 0 else { continue }
                var buffer = [UInt8](repeating: 0, count: 256)
                let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n > 0 { got += buffer[0..<n] } else if n == 0 || (errno != EAGAIN && errno != EINTR) { throw .closed }
            }
            return got
        }

        private func write(_ bytes: [UInt8]) throws(TransportError) {
            var done = 0
            while done < bytes.count {
                let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, bytes.count - done) }
                if n > 0 { done += n } else if errno != EAGAIN && errno != EINTR { throw .closed }
            }
        }
    }

    @Test func signsOnSkippingEchoesAndSwitchesTo9600() async throws {
        let pty = try PseudoTerminal.open(link: nil)
        let client = try SerialChannel.open(path: pty.path, settings: .hdlc9600)
        defer { Task { await client.close() } }
        let snrm: [UInt8] = [0x7E, 0xA0, 0x07, 0x03, 0x21, 0x93, 0x0F, 0x01, 0x7E]
        let ua: [UInt8] = [0x7E, 0xA0, 0x07, 0x21, 0x03, 0x73, 0xC0, 0x5A, 0x7E]
        let device = FakeDevice(pty, client: client, answer: Self.es951, afterwards: ua)
        // 1.5 s (the longest tr of IEC 62056-21) instead of 200 ms: a margin for a loaded
        // machine, so the device's echo of the ACK is surely in before the switch drops it.
        let identification = try await OpticalHead.signOn(client, timeout: .seconds(30), trace: nil,
                                                          reactionTime: .milliseconds(1500))
        #expect(identification == Identification(manufacturer: "EMS", baudCharacter: UInt8(ascii: "5"),
                                                 supportsHDLC: true, identification: "ES951"))
        #expect(client.settings == SerialSettings(baud: 9600, dataBits: 8, parity: .none, stopBits: 1))
        #expect(try client._settingsInForce().baud == 9600)
        // After the switch the line carries HDLC alone: neither echo is left in the input.
        try await client.write(snrm)
        #expect(try await SerialChannelTests.readAll(client, count: ua.count) == ua)
        let seen = try await device.finish()
        #expect(seen.signOn == Self.signOn)
        #expect(seen.ack == Self.ack9600)
        #expect(seen.frame == snrm)
        #expect(seen.baudAtSignOn == 300)   // sign-on and ACK at 300 baud
        #expect(seen.baudAtAck == 300)
    }

    @Test func signsOnToTheSimulatorsPtyModeThenHDLCAnswers() async throws {
        // es951-sim --pty, in-process: sign-on accepted, then HDLC on the same line.
        let pty = try PseudoTerminal.open(link: nil)
        let application = ServerApplication(device: DeviceState(configuration: .init(meters: 1), now: SimulatorServer.now()))
        let server = SimulatorServer(device: SharedDevice(application))
        let serving = Task { await server.serve(channel: pty.channel, acceptsSignOn: true) }
        defer { serving.cancel() }
        let client = try SerialChannel.open(path: pty.path, settings: .modeE300)
        defer { Task { await client.close() } }
        #expect(try await OpticalHead.signOn(client, timeout: .seconds(30)) == SimulatorServer.identification)
        #expect(client.settings == .hdlc9600)
        // SNRM to the all-station address (client 16): a UA comes back, nothing before it.
        var session = ClientSession(configuration: ClientConfiguration())
        guard case .send(let snrm)? = session.connect().first else { Issue.record("no SNRM"); return }
        try await client.write(snrm)
        var answer = try await client.read(atMost: 256, timeout: .seconds(30))
        while answer.count < 3 || answer.last != 0x7E {
            answer += try await client.read(atMost: 256, timeout: .seconds(30))
        }
        #expect(try HDLCFrame(decoding: answer).control == .unnumberedAcknowledge(poll: true))
    }

    @Test func announcedSpeedIsTheOneUsed() async throws {
        // '4' = 4800 baud, lowercase third letter = 20 ms reaction time; two \W sequences.
        let pty = try PseudoTerminal.open(link: nil)
        let client = try SerialChannel.open(path: pty.path, settings: .hdlc9600)
        defer { Task { await client.close() } }
        let device = FakeDevice(pty, client: client, answer: Array("/ABc4\\W\\2METER\r\n".utf8))
        let identification = try await OpticalHead.signOn(client, timeout: .seconds(30))
        #expect(identification.reactionTimeShort)
        #expect(client.settings == SerialSettings(baud: 4800))
        #expect(try await device.finish().ack == [0x06, 0x32, 0x34, 0x32, 0x0D, 0x0A])
    }

    @Test func silentDeviceTimesOutAtIdentification() async throws {
        let pty = try PseudoTerminal.open(link: nil)
        let client = try SerialChannel.open(path: pty.path, settings: .hdlc9600)
        defer { Task { await client.close() } }
        await #expect(throws: OpticalSignOnError(step: .identification, reason: .transport(.timedOut(after: .milliseconds(300))))) {
            _ = try await OpticalHead.signOn(client, timeout: .milliseconds(300))
        }
        // Nothing but the sign-on was sent.
        #expect(try await pty.channel.read(atMost: 64, timeout: .seconds(1)) == Self.signOn)
    }

    @Test func echoOnlyHeadTimesOutAtIdentification() async throws {
        let pty = try PseudoTerminal.open(link: nil)
        let client = try SerialChannel.open(path: pty.path, settings: .hdlc9600)
        defer { Task { await client.close() } }
        let device = FakeDevice(pty, client: client, answer: [], acknowledged: false)
        await #expect(throws: OpticalSignOnError(step: .identification, reason: .transport(.timedOut(after: .milliseconds(400))))) {
            _ = try await OpticalHead.signOn(client, timeout: .milliseconds(400))
        }
        _ = try await device.finish()
    }

    @Test func deviceWithoutHDLCIsRefusedBeforeAnyAcknowledgement() async throws {
        let pty = try PseudoTerminal.open(link: nil)
        let client = try SerialChannel.open(path: pty.path, settings: .hdlc9600)
        defer { Task { await client.close() } }
        // Mode C device: no "\2".
        let device = FakeDevice(pty, client: client, answer: Array("/ISK5MT174-0001\r\n".utf8), acknowledged: false)
        let expected = Identification(manufacturer: "ISK", baudCharacter: UInt8(ascii: "5"),
                                      enhancedIdentification: [], identification: "MT174-0001")
        await #expect(throws: OpticalSignOnError(step: .identification, reason: .noHDLC(expected))) {
            _ = try await OpticalHead.signOn(client, timeout: .seconds(30))
        }
        #expect(OpticalSignOnError(step: .identification, reason: .noHDLC(expected)).transportError == .unsupported("hdlc"))
        _ = try await device.finish()
        // No acknowledgement went out.
        await #expect(throws: TransportError.timedOut(after: .milliseconds(300))) {
            _ = try await pty.channel.read(atMost: 64, timeout: .milliseconds(300))
        }
        #expect(client.settings == .modeE300)
    }

    @Test func garbageIsAMalformedIdentification() async throws {
        let pty = try PseudoTerminal.open(link: nil)
        let client = try SerialChannel.open(path: pty.path, settings: .hdlc9600)
        defer { Task { await client.close() } }
        // Noise, then a '/' line that is no identification (digits for a manufacturer).
        let device = FakeDevice(pty, client: client, answer: [0x00, 0xFF, 0x13] + Array("/12\u{7}x\r\n".utf8), acknowledged: false)
        await #expect {
            _ = try await OpticalHead.signOn(client, timeout: .seconds(30))
        } throws: { error in
            guard let e = error as? OpticalSignOnError, e.step == .identification,
                  case .malformedIdentification = e.reason else { return false }
            return e.transportError == .unsupported("identification")
        }
        _ = try await device.finish()
    }

    @Test func endlessGarbageEndsByLengthNotByHanging() async throws {
        let pty = try PseudoTerminal.open(link: nil)
        let client = try SerialChannel.open(path: pty.path, settings: .hdlc9600)
        defer { Task { await client.close() } }
        let device = FakeDevice(pty, client: client, answer: [0x2F] + [UInt8](repeating: 0x41, count: 300), acknowledged: false)
        // Over IdentificationReader.maximumLength (128) bytes without CR LF: refused at
        // once (the count depends on how the bytes were split into reads).
        await #expect {
            _ = try await OpticalHead.signOn(client, timeout: .seconds(5))
        } throws: { error in
            guard let e = error as? OpticalSignOnError, e.step == .identification,
                  case .malformedIdentification(.lengthOutOfRange(let n)) = e.reason else { return false }
            return n > IdentificationReader.maximumLength
        }
        _ = try await device.finish()
    }

    @Test func unknownBaudCharacterIsRefused() async throws {
        let pty = try PseudoTerminal.open(link: nil)
        let client = try SerialChannel.open(path: pty.path, settings: .hdlc9600)
        defer { Task { await client.close() } }
        // 'E' is a mode B letter: not a mode C/E rate.
        let device = FakeDevice(pty, client: client, answer: Array("/EMSE\\2X\r\n".utf8), acknowledged: false)
        await #expect(throws: OpticalSignOnError(step: .identification, reason: .unsupportedBaud(character: UInt8(ascii: "E")))) {
            _ = try await OpticalHead.signOn(client, timeout: .seconds(30))
        }
        #expect(OpticalSignOnError(step: .identification, reason: .unsupportedBaud(character: UInt8(ascii: "E"))).transportError
                == .unsupported("baud character E"))
        _ = try await device.finish()
    }

    @Test func closedPortFailsAtSignOn() async throws {
        let pty = try PseudoTerminal.open(link: nil)
        let client = try SerialChannel.open(path: pty.path, settings: .hdlc9600)
        await client.close()
        await #expect(throws: OpticalSignOnError(step: .signOn, reason: .transport(.closed))) {
            _ = try await OpticalHead.signOn(client, timeout: .seconds(1))
        }
    }

    @Test func traceHasOneLinePerMessage() async throws {
        let pty = try PseudoTerminal.open(link: nil)
        let client = try SerialChannel.open(path: pty.path, settings: .hdlc9600)
        defer { Task { await client.close() } }
        let path = NSTemporaryDirectory() + "hlmcs-optical-trace-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(path) }
        let device = FakeDevice(pty, client: client, answer: Self.es951)
        _ = try await OpticalHead.signOn(client, timeout: .seconds(30), trace: try FrameTrace(path: path))
        _ = try await device.finish()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: " ").dropFirst().joined(separator: " ")
        }
        #expect(lines == ["> 2f 3f 21 0d 0a",
                          "< 2f 45 4d 53 35 5c 32 45 53 39 35 31 0d 0a",
                          "> 06 32 35 32 0d 0a"])
    }
}
