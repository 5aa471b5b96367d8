import Foundation
import Testing

/// `hlmcs topology` (SPEC F-36) against es951-sim: the tree as deep as the routes and a
/// meter's route with every relay (issue 20 item 6), and the first hops only, marked,
/// for a concentrator that does not report the relays.
@Suite("PLC topology", .timeLimit(.minutes(2)))
struct TopologyCommandTests {
    typealias T = DeviceCommandTests

    /// A meter (its EUI-64 address) and its hop count, the farthest of the simulator's.
    func farthestMeter(_ hlmcs: CommandRunner, _ sim: SimulatorProcess) async throws -> (address: String, hops: Int) {
        let tree = try await hlmcs.run(["topology", "--tcp", sim.address, "--json"], as: T.reader)
        #expect(tree.status == 0, "\(tree.stderr)")
        let nodes = try tree.lines.map { try T.json($0) }
        let far = try #require(nodes.max { ($0["hops"] as? Int ?? 0) < ($1["hops"] as? Int ?? 0) })
        let short = try #require(far["short-address"] as? Int)
        let meters = try await hlmcs.run(["meters", "--tcp", sim.address, "--json"], as: T.reader)
        let meter = try #require(try meters.lines.map { try T.json($0) }.first { $0["short-address"] as? Int == short })
        return (try #require(meter["address"] as? String), try #require(far["hops"] as? Int))
    }

    @Test func theTreeIsAsDeepAsTheRoutesAndARouteNamesEveryRelay() async throws {
        let (hlmcs, sim) = try await T.setUp()
        defer { sim.stop(); hlmcs.removeFolder() }
        let tree = try await hlmcs.run(["topology", "--tcp", sim.address, "--json"], as: T.reader)
        let nodes = try tree.lines.map { try T.json($0) }
        let deepest = nodes.compactMap { $0["depth"] as? Int }.max() ?? 0
        let most = nodes.compactMap { $0["hops"] as? Int }.max() ?? 0
        #expect(most > 3 && deepest == most, "depth \(deepest), hops up to \(most)")
        #expect(nodes.allSatisfy { ($0["depth"] as? Int) == ($0["hops"] as? Int) }, "each node at the depth of its hops")

        let (address, hops) = try await farthestMeter(hlmcs, sim)
        let one = try await hlmcs.run(["topology", "--tcp", sim.address, "--meter", address, "--lang", "en"], as: T.reader)
        #expect(one.status == 0, "\(one.stderr)")
        let route = try #require(one.lines.first { $0.hasPrefix("Route: ") })
        #expect(route.components(separatedBy: " → ").count == hops + 1, "\(route) for \(hops) hops")
        #expect(!route.contains("…"))
        #expect(one.lines.contains("Hops: \(hops)"))
        let json = try await hlmcs.run(["topology", "--tcp", sim.address, "--meter", address, "--json"], as: T.reader)
        let node = try T.json(json.lines[0])
        #expect((node["path"] as? [Int])?.count == hops + 1 && node["path-complete"] as? Bool == true)
    }

    /// A concentrator without the relays (the map's `plc-previous-hops` removed): the first
    /// hop only, the hops between shown as "…" and `path-complete` false.
    @Test func withoutTheRelaysTheRouteSaysWhatIsLeftOut() async throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: DeviceVariantTests.resources.appendingPathComponent("es951-map.json").path))
        var root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let objects = try #require(root["objects"] as? [[String: Any]])
        root["objects"] = objects.filter { $0["name"] as? String != "plc-previous-hops" }
        #expect((root["objects"] as? [Any])?.count == objects.count - 1)
        let hlmcs = try T.users()
        defer { hlmcs.removeFolder() }
        let mapPath = hlmcs.folder.appendingPathComponent("no-relays.json").path
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: mapPath))
        let sim = try await SimulatorProcess(["--map", mapPath])
        defer { sim.stop() }
        let (address, hops) = try await farthestMeter(hlmcs, sim)
        #expect(hops > 3)
        let one = try await hlmcs.run(["topology", "--tcp", sim.address, "--meter", address, "--lang", "en"], as: T.reader)
        #expect(one.status == 0, "\(one.stderr)")
        let route = try #require(one.lines.first { $0.hasPrefix("Route: ") })
        #expect(route.components(separatedBy: " → ").count == 4 && route.contains(" → … → "), "\(route)")
        let json = try await hlmcs.run(["topology", "--tcp", sim.address, "--meter", address, "--json"], as: T.reader)
        #expect(try T.json(json.lines[0])["path-complete"] as? Bool == false)
    }
}
