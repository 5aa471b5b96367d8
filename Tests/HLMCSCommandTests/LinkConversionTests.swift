import Concentrator
import DLMSTransport
import Testing
import TUICore
@testable import hlmcs

/// `hlmcs LINK` preselects the connection: LINK options → settings → options again.
@Suite struct LinkConversionTests {
    @Test func tcpWithLLSAndAddressesSurvivesTheRoundTrip() {
        var options = LinkOptions(medium: .tcp(host: "10.0.0.5", port: 4059, wrapper: true), security: .lls,
                                  clientSAP: 48, serverLower: 1123, logical: 2, maxInfo: 512, window: 1,
                                  timeout: .milliseconds(2500))
        options.tracePath = "/tmp/trace.txt"
        let settings = LinkConversion.settings(from: options)
        #expect(settings == ConnectionSettings(medium: .tcp, host: "10.0.0.5", tcpPort: 4059, wrapper: true, security: .lls,
                                               clientSAP: 48, serverAddress: 1123, logical: 2, timeoutSeconds: 2.5))
        // The extras the settings window does not show (max info, window, trace) are kept.
        #expect(LinkConversion.options(from: settings, base: options) == options)
    }

    @Test func serialFramingGoesThrough() {
        let settings = ConnectionSettings(medium: .serial, port: "/dev/ttyUSB0", baud: 19200, dataBits: 7, parity: .even, stopBits: 2)
        let options = LinkConversion.options(from: settings, base: nil)
        #expect(options.medium == .serial(path: "/dev/ttyUSB0", baud: 19200))
        #expect(options.dataBits == 7 && options.parity == .even && options.stopBits == 2)
        #expect(LinkConversion.settings(from: options) == settings)
    }

    @Test func theDemoNeedsNoMediumButKeepsItsSecurity() throws {
        let options = LinkConversion.options(from: ConnectionSettings(security: .lls), base: nil)
        #expect(options.security == .lls)
        let configuration = try Link.configuration(options, password: Array("admin@emis".utf8))
        #expect(configuration.clientAddress == 32)
    }
}
