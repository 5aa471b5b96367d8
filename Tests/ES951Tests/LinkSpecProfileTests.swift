import Testing
@testable import ES951

/// Connection profiles as stored data: versioned JSON, old LINK-option text still read
/// (and flagged to be stored again), damaged or newer data refused in words.
@Suite struct LinkSpecProfileTests {
    @Test(arguments: [
        LinkSpec.demo,
        LinkSpec(medium: .tcp, host: "10.0.0.5", tcpPort: 4061, wrapper: true, security: .lls, clientSAP: 48,
                 serverAddress: 1123, logical: 2, timeoutSeconds: 2.5, addressSize: 4, maxInfo: 512, window: 1),
        LinkSpec(medium: .serial, port: "/dev/ttyUSB0", baud: 4800, dataBits: 7, parity: .even, stopBits: 2),
        LinkSpec(medium: .optical, port: "/dev/ttyUSB1", security: .lls),
    ])
    func aSpecComesBackAsItWasStored(spec: LinkSpec) throws {
        let text = spec.profileText
        #expect(text.hasPrefix("{") && text.contains("\"version\":1"))
        let (back, legacy) = try LinkSpec.fromProfile(text)
        #expect(back == spec)
        #expect(!legacy)
    }

    @Test func theRunsFilesAreNotStored() throws {
        let spec = LinkSpec(medium: .tcp, host: "h", tracePath: "/tmp/trace", mapPath: "/tmp/map.json")
        #expect(!spec.profileText.contains("/tmp"))
        #expect(try LinkSpec.fromProfile(spec.profileText).spec.tracePath == nil)
    }

    @Test func anOldProfileIsReadAndFlagged() throws {
        let (spec, legacy) = try LinkSpec.fromProfile("--tcp 10.0.0.5:4059 --lls --server-address 1123")
        #expect(legacy)
        #expect(spec == LinkSpec(medium: .tcp, host: "10.0.0.5", tcpPort: 4059, security: .lls, serverAddress: 1123))
        #expect(throws: LinkSpec.ProfileTextError.legacy(word: "--bogus")) { try LinkSpec.fromProfile("--tcp h:1 --bogus") }
    }

    @Test func damagedOrNewerDataIsRefused() {
        #expect(throws: LinkSpec.ProfileTextError.malformed) { try LinkSpec.fromProfile("{") }
        #expect(throws: LinkSpec.ProfileTextError.malformed) {
            try LinkSpec.fromProfile(#"{"version":1,"medium":"carrier-pigeon","security":"nls","logical":1,"maxInfo":2030,"window":7,"timeoutSeconds":5}"#)
        }
        #expect(throws: LinkSpec.ProfileTextError.newerVersion(2)) {
            try LinkSpec.fromProfile(#"{"version":2,"medium":"demo","security":"nls","logical":1,"maxInfo":2030,"window":7,"timeoutSeconds":5}"#)
        }
    }
}
