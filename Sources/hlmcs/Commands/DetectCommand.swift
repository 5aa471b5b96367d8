import Accounts
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Foundation
import Operations
import TextSafety

/// `hlmcs detect LINK [--serial-number N] [--limit S] [--save NAME] [--json]`: finds the
/// speed and address form the device answers (``Detection``), then associates as the
/// public client 16 (no password, ever) to say what answered: speed, address, negotiated
/// HDLC limits, conformance, logical device name, serial number, the map and its roles.
struct DetectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect", abstract: "Find the speed and address a device answers, and save them as a connection profile.")
    @Option(name: .customLong("serial-number"), help: ArgumentHelp("The nameplate serial number: also try the addresses the maps derive from it.", valueName: "n"))
    var serialNumber: String?
    @Option(name: .long, help: ArgumentHelp("Give up after this many seconds (default 60).", valueName: "s"))
    var limit: Double = 60
    @Option(name: .long, help: ArgumentHelp("Save what answered as this connection profile.", valueName: "name"))
    var save: String?
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let context = try CommandContext(global)
        let s = context.strings
        var spec: LinkSpec?
        do {
            let options = try link.linkOptions()
            spec = options
            guard (1...3600).contains(limit) else { throw CommandFailure(status: .usage, message: s["cli.detect.badLimit"]) }
            if let serialNumber, SerialNumberRule.problem(serialNumber) != nil {
                throw CommandFailure(status: .usage, message: s["cli.detect.badSerial", OutsideText.forTerminal(serialNumber, limit: 40)])
            }
            if let save, save.trimmingCharacters(in: .whitespaces).isEmpty { throw CommandFailure(status: .usage, message: s["cli.detect.badName"]) }
            let (session, _) = try context.login()
            try context.store.authorize(session, .info, target: "detect", now: Date())
            let map = try DeviceMapFile.load(options.mapPath)
            let alsoMaps = DeviceMapFile.alternatives(options.mapPath)
            let maps = [map] + alsoMaps
            let quiet = context.options.json
            let found = try await Detection.find(options, serial: serialNumber, maps: maps, limit: .milliseconds(Int(limit * 1000))) { p in
                guard !quiet else { return }
                let speed = p.candidate.baud.map { "\($0) bit/s, " } ?? ""
                Output.message("hlmcs: " + s["cli.detect.trying", String(p.tried), String(p.total), speed + p.candidate.source])
            }
            guard let found else {
                throw CommandFailure(status: .link, message: s["cli.detect.nothing", Self.seconds(limit)])
            }
            // What answered, as the public client: never a password.
            let traffic = TrafficCounter()
            let connection = try await Link.open(found.spec, password: nil, traffic: traffic)
            let concentrator = Concentrator(connection: connection, map: map, catalogue: nil, traffic: traffic, now: { Date() },
                                            alsoMaps: alsoMaps)
            var identity = DeviceIdentity(serialNumber: nil, logicalDeviceName: nil)
            var learned: LearnedDevice?
            var conformance: Conformance = []
            do {
                let association = try await concentrator.open()
                conformance = association.conformance
                learned = try await concentrator.learn(cache: StoredObjectLists(store: context.store))
                identity = try await concentrator.identity()
            } catch {
                await concentrator.close()
                throw error
            }
            await concentrator.close()
            if let save {
                try context.store.saveProfile(name: save, link: found.spec.profileText, llsPassword: nil, loginPassword: "", by: session, now: Date())
            }
            report(found, identity: identity, learned: learned, conformance: conformance, context)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw s.deviceFailure(for: error, link: spec) ?? s.failure(for: error)
        }
    }

    static func seconds(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }

    func report(_ found: Detection.Found, identity: DeviceIdentity, learned: LearnedDevice?, conformance: Conformance, _ context: CommandContext) {
        let s = context.strings
        let address = found.answeredFrom
        let lower = address.lower.map(String.init) ?? "—"
        let names = LinkFacts.conformanceNames.filter { conformance.contains($0.value) }.map(\.key).sorted()
        let elapsed = Double(found.elapsed.components.seconds) + Double(found.elapsed.components.attoseconds) / 1e18
        let roles = learned.map { $0.adapted.matched } ?? 0
        let mapName = learned?.adapted.source.name ?? ""
        if context.options.json {
            var json: [String: Any] = [
                "address-size": address.size, "upper": Int(address.upper), "tried": found.tried,
                "seconds": (elapsed * 1000).rounded() / 1000, "candidate": found.candidate.source,
                "max-info-transmit": found.parameters.maxInfoTransmit, "max-info-receive": found.parameters.maxInfoReceive,
                "window-transmit": found.parameters.windowTransmit, "window-receive": found.parameters.windowReceive,
                "conformance": names, "map": mapName, "roles": roles, "lacking": learned?.adapted.lacking ?? [],
            ]
            json["baud"] = found.candidate.baud
            json["lower"] = address.lower.map { Int($0) }
            json["serial-number"] = identity.serialNumber
            json["logical-device-name"] = identity.logicalDeviceName
            json["profile"] = save
            context.emit(text: "", json: json)
            return
        }
        var lines = [s["cli.detect.found", String(found.tried), String(format: "%.1f", elapsed)]]
        if let baud = found.candidate.baud { lines.append(s["cli.detect.speed", String(baud)]) }
        lines.append(s["cli.detect.address", found.candidate.source, String(address.size), String(address.upper), lower])
        lines.append(s["cli.detect.hdlc", String(found.parameters.maxInfoTransmit), String(found.parameters.maxInfoReceive),
                       String(found.parameters.windowTransmit), String(found.parameters.windowReceive)])
        lines.append(s["cli.detect.conformance", names.joined(separator: ", ")])
        lines.append(s["cli.detect.identity", identity.logicalDeviceName.map { OutsideText.forTerminal($0, limit: 48) } ?? "?",
                       identity.serialNumber.map { OutsideText.forTerminal($0, limit: 32) } ?? "?"])
        lines.append(s["cli.detect.map", OutsideText.forTerminal(mapName, limit: 64), String(roles),
                       String(roles + (learned?.adapted.lacking.count ?? 0))])
        if let save { lines.append(s["cli.detect.saved", OutsideText.forTerminal(save, limit: 64)]) }
        for line in lines { Output.line(line) }
    }
}
