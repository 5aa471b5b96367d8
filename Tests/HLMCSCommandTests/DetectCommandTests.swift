import AccountStore
import DLMSTransport
import ES951
import Foundation
import Testing

/// `hlmcs detect LINK`: the speed and address a device answers, found by one short SNRM
/// per candidate, then what answered, read as the public client (issue 17).
@Suite("detect", .timeLimit(.minutes(2)))
struct DetectCommandTests {
    static let reader = DeviceCommandTests.reader

    @Test func overTCPTheAllStationAddressAnswersAndIsSavedAsAProfile() async throws {
        let (hlmcs, sim) = try await DeviceCommandTests.setUp(["--serial-number", "95100042"])
        defer { sim.stop(); hlmcs.removeFolder() }
        let r = try await hlmcs.run(["detect", "--tcp", sim.address, "--save", "unit-42", "--lang", "en"], as: Self.reader)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.first?.hasPrefix("Answered after 1 tries") == true, "\(r.stdout)")
        #expect(r.lines.contains("Address: all-station 4-byte — answered in the 4-byte form, upper 1, lower 1042"), "\(r.stdout)")
        #expect(r.lines.contains("Logical device name: EMSES95195100042, serial number: 95100042"), "\(r.stdout)")
        #expect(r.lines.contains { $0.hasPrefix("Device map: ES-951, 54 of 54 roles matched") }, "\(r.stdout)")
        #expect(r.lines.last == "Saved as the connection profile unit-42.", "\(r.stdout)")
        // The profile holds the address the device answered from, under NLS.
        let store = try AccountStore(path: hlmcs.database)
        let session = try store.login(name: Self.reader.0, password: Self.reader.1, now: Date())
        let profile = try #require(try store.profiles(by: session).first { $0.name == "unit-42" })
        let spec = try LinkSpec.fromProfile(profile.link).spec
        #expect(spec.serverAddress == 1042 && spec.addressSize == 4 && spec.security == .nls, "\(profile.link)")
        // …and connects.
        let info = try await hlmcs.run(["info", "--tcp", sim.address, "--server-address", "1042", "--lang", "en"], as: Self.reader)
        #expect(info.lines.first == "Serial number: 95100042", "\(info.stdout)\(info.stderr)")
    }

    /// The simulator's pty runs at 19200: at 9600 it hears noise, as a real line would.
    @Test func onAPtyAtAnotherSpeedTheSpeedIsFound() async throws {
        let hlmcs = try DeviceCommandTests.users()
        defer { hlmcs.removeFolder() }
        let pty = hlmcs.folder.appendingPathComponent("line").path
        let sim = try await SimulatorProcess(["--baud", "19200"], pty: pty)
        defer { sim.stop() }
        let r = try await hlmcs.run(["detect", "--serial", pty, "--json"], as: Self.reader)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try DeviceCommandTests.json(r.stdout)
        #expect(json["baud"] as? Int == 19200, "\(r.stdout)")
        #expect(json["tried"] as? Int == 4, "three forms at 9600 first: \(r.stdout)")
        #expect(json["serial-number"] as? String == "95100001")
        // At the wrong speed nothing gets through: a plain read fails.
        let wrong = try await hlmcs.run(["info", "--serial", pty, "--baud", "9600", "--timeout", "0.5", "--lang", "en"], as: Self.reader)
        #expect(wrong.status == 3, "\(wrong.stdout)\(wrong.stderr)")
    }

    /// A line where nothing answers ends within the limit, in words.
    @Test func aSilentLineEndsWithinTheLimit() async throws {
        let hlmcs = try DeviceCommandTests.users()
        defer { hlmcs.removeFolder() }
        let silent = try PseudoTerminal.open(link: hlmcs.folder.appendingPathComponent("silent").path)
        let started = Date()
        let r = try await hlmcs.run(["detect", "--serial", silent.link!, "--limit", "2", "--lang", "en"], as: Self.reader)
        let took = Date().timeIntervalSince(started)
        withExtendedLifetime(silent) {}
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("Nothing answered within 2 s"), "\(r.stderr)")
        #expect(took < 4.5, "took \(took) s")
        let bad = try await hlmcs.run(["detect", "--serial", silent.link!, "--serial-number", "12ab", "--lang", "en"], as: Self.reader)
        #expect(bad.status == 2 && bad.stderr.contains("digits only"), "\(bad.stderr)")
    }

    /// A device of another convention on a DLMS server written by others: 4-byte
    /// addresses only, the lower address from its serial number by the СПОДУС rule.
    @Test func theGuruxUSPDIsFoundAndItsMapNamed() async throws {
        let (hlmcs, server) = try await GuruxDeviceServerTests.start("uspd-variant.json")
        defer { server.stop(); hlmcs.removeFolder() }
        let r = try await hlmcs.run(["detect", "--tcp", server.address, "--serial-number", "20257731", "--json"], as: Self.reader)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try DeviceCommandTests.json(r.stdout)
        #expect(json["address-size"] as? Int == 4)
        #expect(json["map"] as? String == "СПОДУС")
        #expect(json["serial-number"] as? String == "20257731")
        #expect((json["conformance"] as? [String])?.contains("multiple-references") == false)
    }
}
