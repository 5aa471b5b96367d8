import ES951
import DLMS
import DLMSTransport
import Foundation
import Simulator
import Testing
@testable import Concentrator

/// SPEC.md LINK details: what the options make (a table), and real links to an
/// in-process es951-sim over TCP and over a pty with the optical sign-on.
@Suite struct LinkTests {
    static let tcp = LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: 4059)

    // MARK: - Addresses and configuration

    struct AddressCase: Sendable, CustomTestStringConvertible {
        var logical = 1
        var lower: Int?
        var size: Int?
        var expected: Result<HDLCAddress, LinkError>
        var testDescription: String { "logical \(logical) lower \(lower.map(String.init) ?? "-") size \(size.map(String.init) ?? "-")" }
    }

    static let addressCases: [AddressCase] = [
        // Without --server-address: all-station, 4-byte form (0x3FFF) unless size 2 (0x7F).
        AddressCase(expected: .success(HDLCAddress(upper: 1, lower: 0x3FFF, size: 4))),
        AddressCase(size: 4, expected: .success(HDLCAddress(upper: 1, lower: 0x3FFF, size: 4))),
        AddressCase(size: 2, expected: .success(HDLCAddress(upper: 1, lower: 0x7F, size: 2))),
        AddressCase(logical: 200, expected: .success(HDLCAddress(upper: 200, lower: 0x3FFF, size: 4))),
        AddressCase(logical: 200, size: 2, expected: .failure(.invalid(.addressTooLarge(lower: 0, logical: 200, size: 2)))),
        AddressCase(size: 1, expected: .success(HDLCAddress(upper: 1, lower: nil, size: 1))),
        // --server-address: the smallest form that holds it.
        AddressCase(lower: 17, expected: .success(HDLCAddress(upper: 1, lower: 17, size: 2))),
        AddressCase(lower: 127, expected: .success(HDLCAddress(upper: 1, lower: 127, size: 2))),
        AddressCase(lower: 128, expected: .success(HDLCAddress(upper: 1, lower: 128, size: 4))),
        AddressCase(lower: 1001, expected: .success(HDLCAddress(upper: 1, lower: 1001, size: 4))),
        AddressCase(logical: 3, lower: 1001, expected: .success(HDLCAddress(upper: 3, lower: 1001, size: 4))),
        AddressCase(logical: 128, lower: 5, expected: .success(HDLCAddress(upper: 128, lower: 5, size: 4))),
        AddressCase(lower: 17, size: 4, expected: .success(HDLCAddress(upper: 1, lower: 17, size: 4))),
        AddressCase(lower: 0x3FFF, expected: .success(HDLCAddress(upper: 1, lower: 0x3FFF, size: 4))),
        // Forced forms that cannot hold it.
        AddressCase(lower: 1001, size: 2, expected: .failure(.invalid(.addressTooLarge(lower: 1001, logical: 1, size: 2)))),
        AddressCase(logical: 128, lower: 5, size: 2, expected: .failure(.invalid(.addressTooLarge(lower: 5, logical: 128, size: 2)))),
        AddressCase(lower: 17, size: 1, expected: .failure(.invalid(.addressTooLarge(lower: 17, logical: 1, size: 1)))),
        AddressCase(lower: 0x4000, expected: .failure(.invalid(.badServerAddress(16384)))),
        AddressCase(logical: 0x4000, expected: .failure(.invalid(.badLogical(16384)))),
        AddressCase(size: 3, expected: .failure(.invalid(.badAddressSize(3)))),
    ]

    @Test(arguments: addressCases) func serverAddress(_ c: AddressCase) {
        let options = LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: 4059, serverAddress: c.lower, logical: c.logical, addressSize: c.size)
        if case .success(let address) = c.expected { #expect(Link.serverAddress(options) == address) }
        // The configuration carries exactly that address (or fails the same way).
        let configured = Result { () throws(LinkError) in try Link.configuration(options, password: nil).serverAddress }
        #expect(configured == c.expected)
    }

    @Test func defaultsAreNLSClient16AllStation2030Window7() throws {
        let c = try Link.configuration(Self.tcp, password: nil)
        #expect(c.clientAddress == 16)
        #expect(c.authentication == .none)
        #expect(c.serverAddress == HDLCAddress(upper: 1, lower: 0x3FFF, size: 4))
        #expect(c.callsAllStation)
        #expect(c.proposal == HDLCParameters(maxInfoTransmit: 2030, maxInfoReceive: 2030, windowTransmit: 7, windowReceive: 7))
        #expect(c.responseTimeout == .seconds(5))
        #expect(c.maxAttempts == 4)
    }

    @Test func llsUsesClient32UnlessClientIsGiven() throws {
        let pw = Array("admin@emis".utf8)
        var options = LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: 4059, security: .lls)
        var c = try Link.configuration(options, password: pw)
        #expect(c.clientAddress == 32)
        #expect(c.authentication == .low(password: pw))
        options.clientSAP = 48
        c = try Link.configuration(options, password: pw)
        #expect(c.clientAddress == 48)
        // NLS with --client: that SAP, no password sent even when one is at hand.
        c = try Link.configuration(LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: 4059, clientSAP: 1), password: pw)
        #expect(c.clientAddress == 1)
        #expect(c.authentication == .none)
    }

    @Test func capsAndTimeoutReachTheConfiguration() throws {
        let options = LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: 4059, timeoutSeconds: 1.5, maxInfo: 128, window: 1)
        let c = try Link.configuration(options, password: nil)
        #expect(c.proposal == HDLCParameters(maxInfoTransmit: 128, maxInfoReceive: 128, windowTransmit: 1, windowReceive: 1))
        #expect(c.responseTimeout == .milliseconds(1500))
    }

    @Test(arguments: [
        (LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: 4059, security: .lls), LinkError.noPassword),
        (LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: 4059, clientSAP: 0), .invalid(.badClient(0))),
        (LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: 4059, clientSAP: 128), .invalid(.badClient(128))),
        (LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: 4059, maxInfo: 31), .invalid(.badMaxInfo(31))),
        (LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: 4059, maxInfo: 2031), .invalid(.badMaxInfo(2031))),
        (LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: 4059, window: 0), .invalid(.badWindow(0))),
        (LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: 4059, window: 8), .invalid(.badWindow(8))),
        (LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: 4059, timeoutSeconds: 0), .invalid(.badTimeout(0))),
        (LinkSpec(medium: .tcp, host: "h", tcpPort: 0), .invalid(.badTCPPort(0))),
    ])
    func badOptionsAreUsageErrors(_ options: LinkSpec, _ expected: LinkError) {
        #expect(throws: expected) { _ = try Link.configuration(options, password: nil) }
    }

    @Test func unsupportedMediaOptionsFailBeforeOpeningAnything() async {
        await #expect(throws: LinkError.invalid(.badBaud(1000))) {
            _ = try await Link.open(LinkSpec(medium: .serial, port: "/dev/null", baud: 1000), password: nil)
        }
    }

    // MARK: - Media

    static func simulator() -> SimulatorServer {
        let application = ServerApplication(device: DeviceState(configuration: .init(meters: 2), now: SimulatorServer.now()))
        return SimulatorServer(device: SharedDevice(application))
    }

    /// Opens the association and reads the serial number 1/0.0.96.1.0.255/2.
    static func readSerialNumber(_ connection: DLMSConnection) async throws -> GetDataResult? {
        let info = try await connection.open()
        // Called at all-station: es951-sim answers from its own address (logical 1001, 4 bytes).
        #expect(info.serverAddress == HDLCAddress(upper: 1, lower: 1001, size: 4))
        let serial = CosemAttributeDescriptor(classID: 1, instance: OBISCode(0, 0, 96, 1, 0, 255), attribute: 2)
        let results = try await connection.get([AttributeWithAccess(serial)])
        await connection.close()
        return results.first
    }

    @Test(.timeLimit(.minutes(1))) func tcpToTheSimulatorReadsTheSerialNumber() async throws {
        let listener = try TCPListener(host: "127.0.0.1", port: 0)
        let server = Self.simulator()
        let serving = Task { await server.serve(listener: listener) }
        defer { listener.close(); serving.cancel() }
        let options = LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: Int(listener.port), wrapper: false, timeoutSeconds: 30)
        let connection = try await Link.open(options, password: nil)
        #expect(connection.configuration.clientAddress == 16)
        #expect(try await Self.readSerialNumber(connection) == .data(.visibleString(Array("95100001".utf8))))
    }

    /// `--wrapper`: IEC 62056-47 over TCP, no SNRM/DISC; the simulator serves it too.
    @Test(.timeLimit(.minutes(1))) func wrapperOverTCPReadsTheSerialNumberUnderLLS() async throws {
        let listener = try TCPListener(host: "127.0.0.1", port: 0)
        let server = Self.simulator()
        let serving = Task { await server.serve(listener: listener, wrapper: true) }
        defer { listener.close(); serving.cancel() }
        let options = LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: Int(listener.port), wrapper: true,
                                  security: .lls, timeoutSeconds: 30)
        let connection = try await Link.open(options, password: Array("admin@emis".utf8))
        #expect(connection.configuration.framing == .wrapper)
        _ = try await connection.open()
        let serial = CosemAttributeDescriptor(classID: 1, instance: OBISCode(0, 0, 96, 1, 0, 255), attribute: 2)
        let profile = CosemAttributeDescriptor(classID: 7, instance: OBISCode(1, 0, 98, 2, 0, 255), attribute: 2)
        let results = try await connection.get([AttributeWithAccess(serial), AttributeWithAccess(profile)])
        #expect(results.first == .data(.visibleString(Array("95100001".utf8))))
        guard case .data(.array(let rows))? = results.last else { Issue.record("no profile: \(results)"); return }
        #expect(rows.count == 89)
        await connection.close()
    }

    @Test(.timeLimit(.minutes(1))) func llsOverTCPWithATrace() async throws {
        let listener = try TCPListener(host: "127.0.0.1", port: 0)
        let server = Self.simulator()
        let serving = Task { await server.serve(listener: listener) }
        defer { listener.close(); serving.cancel() }
        let trace = NSTemporaryDirectory() + "hlmcs-link-trace-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(trace) }
        let options = LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: Int(listener.port), wrapper: false,
                                  security: .lls, timeoutSeconds: 30, tracePath: trace)
        let connection = try await Link.open(options, password: Array("admin@emis".utf8))
        #expect(try await Self.readSerialNumber(connection) == .data(.visibleString(Array("95100001".utf8))))
        let text = try String(contentsOfFile: trace, encoding: .utf8)
        #expect(text.split(separator: "\n").count >= 6)              // SNRM UA AARQ AARE GET GET-resp …
        #expect(!text.contains(" 61 64 6d 69 6e 40 65 6d 69 73"))    // "admin@emis" masked
    }

    @Test(.timeLimit(.minutes(1))) func opticalOverAPtyToTheSimulatorAtAllStation() async throws {
        let pty = try PseudoTerminal.open(link: nil)
        let server = Self.simulator()
        let serving = Task { await server.serve(channel: pty.channel, acceptsSignOn: true) }
        defer { serving.cancel() }
        let trace = NSTemporaryDirectory() + "hlmcs-optical-link-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(trace) }
        let options = LinkSpec(medium: .optical, port: pty.path, timeoutSeconds: 30, tracePath: trace)
        #expect(try Link.serverAddress(options).isAllStation)
        let connection = try await Link.open(options, password: nil)
        #expect(try await Self.readSerialNumber(connection) == .data(.visibleString(Array("95100001".utf8))))
        // The trace begins with the IEC 62056-21 messages, then HDLC.
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: " ").dropFirst().joined(separator: " ")
        }
        #expect(Array(lines.prefix(3)) == ["> 2f 3f 21 0d 0a",
                                           "< 2f 45 4d 53 35 5c 32 45 53 39 35 31 0d 0a",
                                           "> 06 32 35 32 0d 0a"])
        #expect(lines.dropFirst(3).first?.hasPrefix("> 7e a0") == true)   // the SNRM
    }

    @Test(.timeLimit(.minutes(1))) func opticalToASilentPortNamesTheStep() async throws {
        let pty = try PseudoTerminal.open(link: nil)
        await #expect(throws: LinkError.opticalSignOn(step: .identification, .timedOut(after: .milliseconds(300)))) {
            _ = try await Link.open(LinkSpec(medium: .optical, port: pty.path, timeoutSeconds: 0.3), password: nil)
        }
    }

    @Test func missingSerialDeviceIsNotFound() async {
        let path = "/dev/hlmcs-no-such-port-\(getpid())"
        await #expect(throws: LinkError.transport(.notFound(path))) {
            _ = try await Link.open(LinkSpec(medium: .serial, port: path, baud: 9600), password: nil)
        }
        await #expect(throws: LinkError.transport(.notFound(path))) {
            _ = try await Link.open(LinkSpec(medium: .optical, port: path), password: nil)
        }
    }

    @Test func refusedTCPIsATransportError() async throws {
        // A port we listened on and closed: nothing there now.
        let listener = try TCPListener(host: "127.0.0.1", port: 0)
        let port = listener.port
        listener.close()
        await #expect {
            _ = try await Link.open(LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: Int(port), wrapper: false,
                                                timeoutSeconds: 30), password: nil)
        } throws: { error in
            guard case .transport(.io(_, "connect"))? = error as? LinkError else { return false }
            return true
        }
    }

    /// A trace that cannot be created is a file error, never blamed on the link.
    @Test func unwritableTraceIsATraceFileError() async {
        let options = LinkSpec(medium: .tcp, host: "127.0.0.1", tcpPort: 4059, tracePath: "/nonexistent-dir-hlmcs/trace.txt")
        await #expect(throws: LinkError.traceFile(path: "/nonexistent-dir-hlmcs/trace.txt", .notFound("/nonexistent-dir-hlmcs/trace.txt"))) {
            _ = try await Link.open(options, password: nil)
        }
    }
}
