import ES951

/// What the PLC page shows of one node (F-36): picked in the tree (a short address) or
/// found by its meter's address. The path names every relay when the concentrator
/// reports them (``Topology/path(to:)``); else only the first hop is known and the hops
/// in between are shown as `…`.
public struct PLCNode: Equatable, Sendable {
    public var shortAddress: UInt16
    /// The meter at this short address, when the meter list is known.
    public var meter: MeterRecord?
    public var route: Topology.Route?
    /// Coordinator, the relays (every one, or the first hop only), the node.
    public var path: [UInt16]
    /// Every relay named in `path`.
    public var complete: Bool
    public var hops: Int
    /// The coordinator's neighbour entry of the first hop.
    public var firstHop: Topology.Neighbour?
    /// The coordinator's neighbour entry of the node itself, when it is a neighbour.
    public var neighbour: Topology.Neighbour?
    /// Nodes whose route goes through this one (it is their first hop).
    public var routedThrough: Int

    /// A node of `topology` by short address.
    public init(shortAddress: UInt16, topology: Topology, meters: [MeterRecord]?) {
        self.shortAddress = shortAddress
        meter = meters?.first { $0.shortAddress == shortAddress }
        let route = topology.route(to: shortAddress)
        self.route = route
        let found = topology.path(to: shortAddress)
        path = found.addresses
        complete = found.complete
        hops = shortAddress == topology.coordinator ? 0 : route.map { Int($0.hopCount) } ?? path.count - 1
        firstHop = route.flatMap { topology.neighbour($0.nextHop) }
        neighbour = topology.neighbour(shortAddress)
        routedThrough = Self.routedThrough(shortAddress, topology)
    }

    /// A node found by its meter's address (``Topology/node(address:meters:)``).
    public init(_ info: Topology.NodeInfo, topology: Topology) {
        shortAddress = info.route.destination
        meter = info.meter
        route = info.route
        path = info.path
        complete = info.complete
        hops = info.hops
        firstHop = info.firstHop
        neighbour = info.neighbour
        routedThrough = Self.routedThrough(shortAddress, topology)
    }

    static func routedThrough(_ node: UInt16, _ topology: Topology) -> Int {
        topology.routes.filter { $0.nextHop == node && $0.destination != node }.count
    }

    /// "0000 → 0003 → … → 000C": `…` where the coordinator does not know the hops.
    public var pathText: String {
        Topology.Path(addresses: path, complete: complete).text
    }

    /// Four upper-case hex digits, as the PLC tools show short addresses.
    public static func hex(_ value: UInt16) -> String { Topology.hex(value) }
}

/// The PLC tree (``Topology/tree``) as tree view nodes, in the interface language.
enum PLCTree {
    static let rootID = "plc"

    /// - Parameters:
    ///   - tree: ``Topology/tree`` (kept by the page: it is not cheap for 1000 nodes).
    ///   - lqi: the coordinator's neighbours' link quality by short address.
    static func roots(_ tree: Topology.Node, lqi: [UInt16: UInt8], meters: [MeterRecord]?, _ s: UIStrings) -> [TreeNode] {
        let serials = Dictionary((meters ?? []).map { ($0.shortAddress, $0.serial) }, uniquingKeysWith: { a, _ in a })
        func node(_ n: Topology.Node, parent: String) -> TreeNode {
            let id = parent + "/" + PLCNode.hex(n.shortAddress)
            var title = PLCNode.hex(n.shortAddress) + " · " + s["meters.plc.hops", String(n.hopCount)]
            if let q = lqi[n.shortAddress] { title += " · LQI \(q)" }
            if let serial = serials[n.shortAddress] { title += " · " + serial }
            return TreeNode(id: id, title: title, children: n.children.map { node($0, parent: id) })
        }
        let title = PLCNode.hex(tree.shortAddress) + " · " + s["meters.plc.coordinator"]
        return [TreeNode(id: rootID, title: title, children: tree.children.map { node($0, parent: rootID) })]
    }

    /// The short address a node id ends with.
    static func shortAddress(_ id: String, coordinator: UInt16) -> UInt16? {
        if id == rootID { return coordinator }
        return id.split(separator: "/").last.flatMap { UInt16($0, radix: 16) }
    }

    /// Nodes under the coordinator, and the most hops to any of them.
    static func size(_ tree: Topology.Node) -> (nodes: Int, deepest: Int) {
        var nodes = 0, deepest = 0
        func walk(_ n: Topology.Node) {
            for c in n.children { nodes += 1; deepest = max(deepest, c.hopCount); walk(c) }
        }
        walk(tree)
        return (nodes, deepest)
    }
}
