import DLMS

/// The G3-PLC network as the coordinator sees it (SPEC F-36, ES951-MAP.md "PLC network"):
/// its routing table (92/0.0.29.2.0.255/8) turned into a tree of hops, and its neighbour
/// table (91/0.0.29.1.0.255/11) for link quality.
///
/// The coordinator's routing table names, for each destination, only the first hop of
/// its route and the hop count. So the tree has the coordinator at the root, the
/// first-hop nodes under it, and under each first-hop node every destination routed
/// through it, ordered by hop count (the hops in between are not known to the
/// coordinator).
public struct Topology: Equatable, Sendable {
    /// One routing table entry.
    public struct Route: Equatable, Sendable {
        public var destination: UInt16
        public var nextHop: UInt16
        public var routeCost: UInt16
        public var hopCount: UInt8
        public var weakLinks: UInt8
        public var validTime: UInt16
        public init(destination: UInt16, nextHop: UInt16, routeCost: UInt16, hopCount: UInt8, weakLinks: UInt8, validTime: UInt16) {
            self.destination = destination; self.nextHop = nextHop; self.routeCost = routeCost
            self.hopCount = hopCount; self.weakLinks = weakLinks; self.validTime = validTime
        }
        public init(_ data: DLMSData) throws(ModelError) {
            let e = try data.elements("routing-table", count: 6)
            destination = try e[0].unsignedValue("routing-table.destination", as: UInt16.self)
            nextHop = try e[1].unsignedValue("routing-table.next-hop", as: UInt16.self)
            routeCost = try e[2].unsignedValue("routing-table.route-cost", as: UInt16.self)
            hopCount = try e[3].unsignedValue("routing-table.hop-count", as: UInt8.self)
            weakLinks = try e[4].unsignedValue("routing-table.weak-links", as: UInt8.self)
            validTime = try e[5].unsignedValue("routing-table.valid-time", as: UInt16.self)
        }
    }

    /// One neighbour of the coordinator.
    public struct Neighbour: Equatable, Sendable {
        public var shortAddress: UInt16
        /// Link quality indicator (0…255).
        public var lqi: UInt8
        public var modulation: UInt8
        public var txGain: Int8
        public init(shortAddress: UInt16, lqi: UInt8, modulation: UInt8 = 0, txGain: Int8 = 0) {
            self.shortAddress = shortAddress; self.lqi = lqi; self.modulation = modulation; self.txGain = txGain
        }
        public init(_ data: DLMSData) throws(ModelError) {
            let e = try data.elements("neighbour-table", count: 8)
            shortAddress = try e[0].unsignedValue("neighbour-table.short-address", as: UInt16.self)
            modulation = try e[3].unsignedValue("neighbour-table.modulation", as: UInt8.self)
            guard let gain = Int8(exactly: try e[4].signedValue("neighbour-table.tx-gain")) else {
                throw .unexpectedValue(field: "neighbour-table.tx-gain", value: e[4])
            }
            txGain = gain
            lqi = try e[7].unsignedValue("neighbour-table.lqi", as: UInt8.self)
        }
    }

    /// A node of the tree.
    public struct Node: Equatable, Sendable {
        public var shortAddress: UInt16
        /// 0 for the coordinator.
        public var hopCount: Int
        public var children: [Node]
    }

    /// What is known of one meter's place in the network.
    public struct NodeInfo: Equatable, Sendable {
        public var meter: MeterRecord
        public var route: Route
        /// Short addresses from the coordinator to the meter; the middle hops the
        /// coordinator does not know are left out (`hops` says how many there are).
        public var path: [UInt16]
        public var hops: Int
        /// The coordinator's neighbour entry of the first hop (its LQI), if present.
        public var firstHop: Neighbour?
        /// The coordinator's neighbour entry of the meter itself, when it is a neighbour.
        public var neighbour: Neighbour?
    }

    public var coordinator: UInt16
    public var maxHops: Int?
    public var routes: [Route]
    public var neighbours: [Neighbour]

    public init(coordinator: UInt16 = 0, maxHops: Int? = nil, routes: [Route], neighbours: [Neighbour]) {
        self.coordinator = coordinator; self.maxHops = maxHops; self.routes = routes; self.neighbours = neighbours
    }

    /// From routing table and neighbour table as read (arrays of structures).
    public init(coordinator: UInt16 = 0, maxHops: Int? = nil, routingTable: DLMSData, neighbourTable: DLMSData) throws(ModelError) {
        var routes: [Route] = []
        for e in try routingTable.elements("routing-table") { routes.append(try Route(e)) }
        var neighbours: [Neighbour] = []
        for e in try neighbourTable.elements("neighbour-table") { neighbours.append(try Neighbour(e)) }
        self.init(coordinator: coordinator, maxHops: maxHops, routes: routes, neighbours: neighbours)
    }

    /// The tree of hops: coordinator → first hops → destinations routed through each.
    public var tree: Node {
        var firstHops = Set<UInt16>()
        for r in routes { firstHops.insert(r.nextHop) }
        for r in routes where r.hopCount <= 1 { firstHops.insert(r.destination) }
        firstHops.remove(coordinator)
        let byDestination = Dictionary(routes.map { ($0.destination, $0) }, uniquingKeysWith: { a, _ in a })
        let children: [Node] = firstHops.sorted().map { hop in
            let below = routes.filter { $0.nextHop == hop && $0.destination != hop }
                .sorted { ($0.hopCount, $0.destination) < ($1.hopCount, $1.destination) }
                .map { Node(shortAddress: $0.destination, hopCount: Int($0.hopCount), children: []) }
            return Node(shortAddress: hop, hopCount: Int(byDestination[hop]?.hopCount ?? 1), children: below)
        }
        return Node(shortAddress: coordinator, hopCount: 0, children: children)
    }

    public func route(to shortAddress: UInt16) -> Route? { routes.first { $0.destination == shortAddress } }
    public func neighbour(_ shortAddress: UInt16) -> Neighbour? { neighbours.first { $0.shortAddress == shortAddress } }

    /// One node by the meter's EUI-64: meter list row → short address → route, hops, LQI.
    public func node(address: [UInt8], meters: [MeterRecord]) -> NodeInfo? {
        guard let meter = meters.first(where: { $0.address == address }),
              let route = route(to: meter.shortAddress) else { return nil }
        var path = [coordinator]
        if route.nextHop != route.destination { path.append(route.nextHop) }
        path.append(route.destination)
        return NodeInfo(meter: meter, route: route, path: path, hops: Int(route.hopCount),
                        firstHop: neighbour(route.nextHop), neighbour: neighbour(route.destination))
    }
}
