import ArgumentParser
import Concentrator
import ES951
import Foundation

/// `hlmcs topology LINK [--meter ADDRESS]` (SPEC.md F-36): the PLC network as a tree of
/// hops from the coordinator, or one node by the meter's EUI-64 address.
struct TopologyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "topology", abstract: "The PLC network (F-36).")
    @Option(name: .long, help: ArgumentHelp("One meter by its address (EUI-64, e.g. 70:B3:D5:…).", valueName: "address"))
    var meter: String?
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var address: [UInt8]?
        try await DeviceRun.run(global, link: link, actions: [.topology], target: meter ?? "", validate: { context in
            if let meter {
                guard let parsed = MeterRecord.parseAddress(meter) else {
                    throw CommandFailure(status: .usage, message: context.strings.badMeterAddress(meter))
                }
                address = parsed
            }
        }) { run in
            let topology = try await run.concentrator.readTopology()
            let s = run.strings
            if let address {
                let meters = try await run.concentrator.readMeters(pageSize: 50)
                guard let node = topology.node(address: address, meters: meters) else {
                    throw CommandFailure(status: .deviceRefused, message: s.meterNotInNetwork(meter!))
                }
                let path = Topology.Path(addresses: node.path, complete: node.complete).text
                let lqi = node.neighbour?.lqi ?? node.firstHop?.lqi
                run.context.emit(
                    text: [s["cli.topology.meter"] + ": \(node.meter.addressText) (\(s["cli.topology.point"]) \(node.meter.point), \(node.meter.serial))",
                           s["cli.topology.shortAddress"] + ": \(Self.hex(node.route.destination))",
                           s["cli.topology.route"] + ": \(path)",
                           s["cli.topology.hops"] + ": \(node.hops)",
                           s["cli.topology.routeCost"] + ": \(node.route.routeCost)",
                           "LQI: " + (lqi.map(String.init) ?? "—")].joined(separator: "\n"),
                    json: ["meter": node.meter.addressText, "point": node.meter.point, "short-address": Int(node.route.destination),
                           "path": node.path.map(Int.init), "path-complete": node.complete, "hops": node.hops, "route-cost": Int(node.route.routeCost),
                           "lqi": lqi.map { Int($0) as Any } ?? NSNull()])
            } else {
                Self.walk(topology.tree, depth: 0, run.context)
            }
        }
    }

    static func walk(_ node: Topology.Node, depth: Int, _ context: CommandContext) {
        let label = depth == 0 ? " (" + context.strings["cli.topology.coordinator"] + ")" : ""
        context.emit(text: String(repeating: "  ", count: depth) + hex(node.shortAddress) + label,
                     json: ["short-address": Int(node.shortAddress), "depth": depth, "hops": node.hopCount])
        for child in node.children { walk(child, depth: depth + 1, context) }
    }

    static func hex(_ value: UInt16) -> String { Topology.hex(value) }
}
