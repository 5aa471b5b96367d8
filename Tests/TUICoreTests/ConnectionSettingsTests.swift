import ES951
import Testing
@testable import TUICore

/// The connection as LINK text (how a profile stores it) and back.
@Suite struct ConnectionSettingsTests {
    static let examples: [LinkSpec] = [
        .demo,
        LinkSpec(medium: .tcp, host: "10.0.0.5", tcpPort: 4059),
        LinkSpec(medium: .tcp, host: "concentrator.local", tcpPort: 10_000, wrapper: true, security: .lls,
                           clientSAP: 48, serverAddress: 1123, logical: 2, timeoutSeconds: 2.5),
        LinkSpec(medium: .serial, port: "/dev/ttyUSB0", baud: 19200, dataBits: 7, parity: .even, stopBits: 2),
        LinkSpec(medium: .optical, port: "/dev/serial/by-id/usb-FTDI_FT232R-if00-port0", security: .lls),
    ]

    @Test(arguments: examples) func roundTrip(_ settings: LinkSpec) throws {
        #expect(try LinkSpec(linkText: settings.linkText) == settings)
    }

    @Test func onlyWhatDiffersFromTheDefaultsIsWritten() {
        #expect(LinkSpec.demo.linkText == "--demo --nls --broadcast")
        let tcp = LinkSpec(medium: .tcp, host: "10.0.0.5", security: .lls, serverAddress: 1123)
        #expect(tcp.linkText == "--tcp 10.0.0.5:4059 --lls --server-address 1123")
    }

    @Test(arguments: ["--tcp 10.0.0.5", "--baud fast", "--parity mark", "--timeout 0", "--frobnicate", "--serial"])
    func badTextNamesTheWordAtFault(_ text: String) {
        #expect(throws: LinkSpec.LinkTextError.self) { try LinkSpec(linkText: text) }
    }

    @Test func summariesForTheConnectionPanel() {
        let serial = LinkSpec(medium: .serial, port: "/dev/ttyUSB0")
        #expect(serial.mediumSummary == "RS-485 /dev/ttyUSB0 9600 8N1")
        #expect(serial.addressSummary == "16 → */1")
        let lls = LinkSpec(security: .lls, serverAddress: 1123)
        #expect(lls.addressSummary == "32 → 1123/1")
    }
}
