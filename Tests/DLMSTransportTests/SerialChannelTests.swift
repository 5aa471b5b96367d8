import Foundation
import Testing
@testable import DLMSTransport

@Suite struct SerialChannelTests {
    static func readAll(_ channel: any ByteChannel, count: Int) async throws -> [UInt8] {
        var got: [UInt8] = []
        while got.count < count { got += try await channel.read(atMost: 4096, timeout: .seconds(2)) }
        return got
    }

    @Test func ptyCarriesBytesBothWaysThroughTheLink() async throws {
        let link = NSTemporaryDirectory() + "hlmcs-pty-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let pty = try PseudoTerminal.open(link: link)
        #expect(pty.path.hasPrefix("/dev/pts/"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == pty.path)
        let port = try SerialChannel.open(path: link, settings: .hdlc9600)
        // Binary, including CR, LF, XON/XOFF and 0x7E: raw mode passes them all unchanged.
        let frame: [UInt8] = [0x7E, 0xA0, 0x0D, 0x0A, 0x11, 0x13, 0x03, 0x04, 0x00, 0xFF, 0x7E]
        try await port.write(frame)
        #expect(try await Self.readAll(pty.channel, count: frame.count) == frame)
        let big = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try await pty.channel.write(big)
        #expect(try await Self.readAll(port, count: big.count) == big)
        await port.close()
    }

    @Test func reconfigureSwitchesFraming() async throws {
        let pty = try PseudoTerminal.open(link: nil)
        let port = try SerialChannel.open(path: pty.path, settings: .modeE300)
        // A Linux pty keeps speed and stop bits but forces CS8 without parity
        // (drivers/tty/pty.c, pty_set_termios), so only those two are read back here.
        #expect(try port._settingsInForce().baud == 300)
        #expect(port.settings == .modeE300)
        try port.reconfigure(.hdlc9600)
        #expect(try port._settingsInForce() == .hdlc9600)
        #expect(port.settings == .hdlc9600)
        let odd = SerialSettings(baud: 115200, dataBits: 8, parity: .odd, stopBits: 2)
        try port.reconfigure(odd)
        #expect(try port._settingsInForce().baud == 115200)
        #expect(try port._settingsInForce().stopBits == 2)
        #expect(throws: TransportError.unsupported("baud 1000")) { try port.reconfigure(SerialSettings(baud: 1000)) }
        #expect(throws: TransportError.unsupported("data bits 6")) { try port.reconfigure(SerialSettings(baud: 9600, dataBits: 6)) }
        // Still usable after a reconfiguration.
        try await port.write([0x06, 0x32, 0x35, 0x32, 0x0D, 0x0A])
        #expect(try await Self.readAll(pty.channel, count: 6) == [0x06, 0x32, 0x35, 0x32, 0x0D, 0x0A])
    }

    @Test func emptyLineTimesOutInsteadOfReadingAsClosed() async throws {
        // With VMIN 0 and VTIME 0, Linux returns 0 bytes for an empty tty even with
        // O_NONBLOCK, which read as end of file: a silent device looked like a closed port.
        let pty = try PseudoTerminal.open(link: nil)
        let port = try SerialChannel.open(path: pty.path, settings: .hdlc9600)
        await #expect(throws: TransportError.timedOut(after: .milliseconds(100))) {
            _ = try await port.read(atMost: 16, timeout: .milliseconds(100))
        }
        try await pty.channel.write([0x7E])
        #expect(try await port.read(atMost: 16, timeout: .seconds(30)) == [0x7E])
        await port.close()
    }

    @Test func openErrorsAreTyped() throws {
        #expect(throws: TransportError.notFound("/dev/hlmcs-no-such-port")) {
            _ = try SerialChannel.open(path: "/dev/hlmcs-no-such-port", settings: .hdlc9600)
        }
        let pty = try PseudoTerminal.open(link: nil)
        let first = try SerialChannel.open(path: pty.path, settings: .hdlc9600)
        #expect(throws: TransportError.busy(pty.path)) {
            _ = try SerialChannel.open(path: pty.path, settings: .hdlc9600)
        }
        _ = first
    }

    /// The errno of a failed open decides the message a field engineer reads (the
    /// `dialout` hint goes with `.permissionDenied`). Tested as a table: as root this
    /// machine cannot be refused a file.
    @Test func openErrorsMapToTheirCases() {
        #expect(openError(EACCES, path: "/dev/ttyUSB0", operation: "open") == .permissionDenied("/dev/ttyUSB0"))
        #expect(openError(EPERM, path: "/dev/ttyUSB0", operation: "open") == .permissionDenied("/dev/ttyUSB0"))
        #expect(openError(ENOENT, path: "/dev/ttyUSB9", operation: "open") == .notFound("/dev/ttyUSB9"))
        #expect(openError(ENXIO, path: "/dev/ttyUSB9", operation: "open") == .notFound("/dev/ttyUSB9"))
        #expect(openError(EBUSY, path: "/dev/ttyS0", operation: "open") == .busy("/dev/ttyS0"))
        #expect(openError(EIO, path: "/dev/ttyS0", operation: "open") == .io(errno: EIO, operation: "open"))
    }

    @Test func linkThatIsARealFileIsNotReplaced() throws {
        let path = NSTemporaryDirectory() + "hlmcs-file-\(getpid())"
        _ = FileManager.default.createFile(atPath: path, contents: Data([1]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: TransportError.busy(path)) { _ = try PseudoTerminal.open(link: path) }
    }
}
