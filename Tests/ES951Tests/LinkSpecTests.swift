import DLMS
import Testing
@testable import ES951

/// One link description for the command line, the connection window and profiles: its
/// rules (``LinkSpec/validate()``), its stored text, and the extras a window keeps.
@Suite struct LinkSpecTests {
    @Test func theDefaultsAndTheDemoAreValid() {
        #expect(LinkSpec.demo.validate().isEmpty)
        #expect(LinkSpec(medium: .tcp, host: "10.0.0.5").validate().isEmpty)
        #expect(LinkSpec(medium: .serial, port: "/dev/ttyUSB0", baud: 115_200).validate().isEmpty)
    }

    @Test(arguments: [
        (LinkSpec(medium: .serial, port: "/dev/ttyUSB0", baud: 9601), LinkProblem.badBaud(9601)),
        (LinkSpec(medium: .serial, port: ""), .badPort("")),
        (LinkSpec(medium: .optical, port: "/dev/tty USB0"), .badPort("/dev/tty USB0")),
        (LinkSpec(medium: .serial, port: "/dev/ttyS0", dataBits: 5), .badDataBits(5)),
        (LinkSpec(medium: .serial, port: "/dev/ttyS0", stopBits: 3), .badStopBits(3)),
        (LinkSpec(medium: .tcp, host: ""), .badHost("")),
        (LinkSpec(medium: .tcp, host: "h", tcpPort: 0), .badTCPPort(0)),
        (LinkSpec(medium: .tcp, host: "h", tcpPort: 65_536), .badTCPPort(65_536)),
        (LinkSpec(clientSAP: 0), .badClient(0)),
        (LinkSpec(clientSAP: 128), .badClient(128)),
        (LinkSpec(serverAddress: 0), .badServerAddress(0)),
        (LinkSpec(serverAddress: 0x4000), .badServerAddress(0x4000)),
        (LinkSpec(logical: 0), .badLogical(0)),
        (LinkSpec(logical: Int.max), .badLogical(Int.max)),
        (LinkSpec(addressSize: 3), .badAddressSize(3)),
        (LinkSpec(serverAddress: 300, addressSize: 2), .addressTooLarge(lower: 300, logical: 1, size: 2)),
        (LinkSpec(logical: 200, addressSize: 1), .addressTooLarge(lower: 0, logical: 200, size: 1)),
        (LinkSpec(serverAddress: 5, addressSize: 1), .addressTooLarge(lower: 5, logical: 1, size: 1)),
        (LinkSpec(maxInfo: 31), .badMaxInfo(31)),
        (LinkSpec(maxInfo: 2031), .badMaxInfo(2031)),
        (LinkSpec(window: 0), .badWindow(0)),
        (LinkSpec(window: 8), .badWindow(8)),
        (LinkSpec(timeoutSeconds: 0), .badTimeout(0)),
        (LinkSpec(timeoutSeconds: 600.5), .badTimeout(600.5)),
    ])
    func eachRuleIsCheckedOnce(spec: LinkSpec, problem: LinkProblem) {
        #expect(spec.validate() == [problem])
    }

    @Test func notANumberIsNoTimeout() {
        #expect(LinkSpec(timeoutSeconds: .nan).validate().count == 1)
        #expect(LinkSpec(timeoutSeconds: .infinity).validate() == [.badTimeout(.infinity)])
    }

    @Test func theRangesAreTheProtocolsOwn() {
        #expect(LinkSpec.bauds == LineSpeed.bauds)
        #expect(LinkSpec(maxInfo: HDLCParameters.informationFieldRange.lowerBound).validate().isEmpty)
        #expect(LinkSpec(window: HDLCParameters.windowRange.upperBound).validate().isEmpty)
    }

    @Test func theStoredTextKeepsTheSNRMCapsButNotThisRunsFiles() throws {
        let spec = LinkSpec(medium: .tcp, host: "10.0.0.5", tcpPort: 4059, wrapper: true, security: .lls, clientSAP: 48,
                            serverAddress: 1123, logical: 2, timeoutSeconds: 2.5, addressSize: 4, maxInfo: 512, window: 1,
                            tracePath: "/tmp/trace.txt", mapPath: "/tmp/map.json")
        let text = spec.linkText
        #expect(text == "--tcp 10.0.0.5:4059 --wrapper --lls --client 48 --server-address 1123 --logical 2 --timeout 2.5 --address-size 4 --max-info 512 --window 1")
        var back = try LinkSpec(linkText: text)
        #expect(back.tracePath == nil && back.mapPath == nil)
        back.tracePath = spec.tracePath
        back.mapPath = spec.mapPath
        #expect(back == spec)
    }

    @Test func aWindowEditKeepsTheCommandLinesExtras() {
        let base = LinkSpec(medium: .tcp, host: "h", addressSize: 2, maxInfo: 128, window: 1, tracePath: "/tmp/t", mapPath: "/tmp/m")
        let edited = LinkSpec(medium: .serial, port: "/dev/ttyUSB0", baud: 19_200, dataBits: 7, parity: .even, stopBits: 2)
        let used = edited.withExtras(of: base)
        #expect(used.medium == .serial && used.baud == 19_200 && used.parity == .even)
        #expect(used.addressSize == 2 && used.maxInfo == 128 && used.window == 1 && used.tracePath == "/tmp/t" && used.mapPath == "/tmp/m")
        #expect(edited.withExtras(of: nil) == edited)
    }
}
