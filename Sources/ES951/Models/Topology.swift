import DLMS

/// The G3-PLC network as the coordinator sees it (SPEC F-36, ES951-MAP.md "PLC network"):
/// its routing table (92/0.0.29.2.0.255/8) turned into a tree of hops, and its neighbour
/// table (91/0.0.29.1.0.255/11) for link quality.
///
/// The coordinator's routing table names, for each destination, only the first hop of
/// its route and the hop count. A concentrator that also reports the relay before each
/// destination (the ES-951 map's `plc-previous-hops`, 1/0.0.29.2.128.255/2) gives every
/// relay: the tree is then the network as routed, up to 15 levels, and a node's path
/// names each hop. Without it, or where a chain of relays does not agree with the
/// routing table (a cycle, a break, another first hop or hop count), the tree has the
/// first-hop nodes under the coordinator and under each every destination routed
/// through it, and the path leaves out the hops in between (``Path/complete`` false).
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

    /// The short addresses from the coordinator to a node.
    public struct Path: Equatable, Sendable {
        public var addresses: [UInt16]
        /// True when every relay is named; false when only the first hop is known and
        /// the hops in between are left out (the route's hop count says how many).
        public var complete: Bool

        public init(addresses: [UInt16], complete: Bool) { self.addresses = addresses; self.complete = complete }

        /// "0000 → 0002 → 0015 → 0043", with "…" before the node where relays are
        /// left out.
        public var text: String {
            var parts = addresses.map(Topology.hex)
            if !complete, parts.count >= 2 { parts.insert("…", at: parts.count - 1) }
            return parts.joined(separator: " → ")
        }
    }

    /// Four upper-case hex digits, as the PLC tools show short addresses.
    public static func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// What is known of one meter's place in the network.
    public struct NodeInfo: Equatable, Sendable {
        public var meter: MeterRecord
        public var route: Route
        /// Short addresses from the coordinator to the meter; the middle hops the
        /// coordinator does not know are left out (`hops` says how many there are).
        public var path: [UInt16]
        /// Every relay named in `path`.
        public var complete: Bool
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
    /// The relay before each destination (the coordinator for its neighbours), when the
    /// concentrator reports it; nil when it does not.
    public var previousHops: [UInt16: UInt16]?

    public init(coordinator: UInt16 = 0, maxHops: Int? = nil, routes: [Route], neighbours: [Neighbour],
                previousHops: [UInt16: UInt16]? = nil) {
        self.coordinator = coordinator; self.maxHops = maxHops; self.routes = routes; self.neighbours = neighbours
        self.previousHops = previousHops
    }

    /// From routing table, neighbour table and the previous hops (when the device has
    /// them) as read (arrays of structures).
    public init(coordinator: UInt16 = 0, maxHops: Int? = nil, routingTable: DLMSData, neighbourTable: DLMSData,
                previousHops: DLMSData? = nil) throws(ModelError) {
        var routes: [Route] = []
        for e in try routingTable.elements("routing-table") { routes.append(try Route(e)) }
        var neighbours: [Neighbour] = []
        for e in try neighbourTable.elements("neighbour-table") { neighbours.append(try Neighbour(e)) }
        var previous: [UInt16: UInt16]?
        if let previousHops {
            var table: [UInt16: UInt16] = [:]
            for entry in try previousHops.elements("previous-hops") {
                let e = try entry.elements("previous-hops", count: 2)
                table[try e[0].unsignedValue("previous-hops.destination", as: UInt16.self)] =
                    try e[1].unsignedValue("previous-hops.previous-hop", as: UInt16.self)
            }
            previous = table
        }
        self.init(coordinator: coordinator, maxHops: maxHops, routes: routes, neighbours: neighbours, previousHops: previous)
    }

    /// The most hops a path may have: G3-PLC allows 15; a longer chain is a broken table.
    static let hopLimit = 15

    /// The path to `destination`: every relay when the previous hops chain back to the
    /// coordinator in agreement with the routing table (first hop, hop count), else the
    /// coordinator, the first hop and the node.
    public func path(to destination: UInt16) -> Path {
        if destination == coordinator { return Path(addresses: [coordinator], complete: true) }
        let route = route(to: destination)
        if let chain = chain(to: destination, route: route) { return Path(addresses: chain, complete: true) }
        guard let route else { return Path(addresses: [coordinator, destination], complete: false) }
        let addresses = [coordinator] + (route.nextHop != route.destination && route.nextHop != coordinator ? [route.nextHop] : []) + [destination]
        return Path(addresses: addresses, complete: Int(route.hopCount) <= addresses.count - 1)
    }

    /// The relays back to the coordinator by the previous hops, checked: no repeats, at
    /// most ``hopLimit`` hops, the routing table's first hop and hop count.
    func chain(to destination: UInt16, route: Route?) -> [UInt16]? {
        guard let previousHops else { return nil }
        var chain = [destination]
        var seen: Set<UInt16> = [destination]
        var at = destination
        while at != coordinator {
            guard chain.count <= Self.hopLimit, let before = previousHops[at], before == coordinator || seen.insert(before).inserted else { return nil }
            chain.append(before)
            at = before
        }
        chain.reverse()
        if let route {
            guard chain.count - 1 == Int(route.hopCount), chain.count >= 2,
                  chain[1] == (route.hopCount <= 1 ? route.destination : route.nextHop) || route.nextHop == coordinator else { return nil }
        }
        return chain
    }

    /// The tree of hops. Every destination hangs under the last relay of its path: the
    /// relay before it when the device reports every relay, else its first hop.
    public var tree: Node {
        if previousHops != nil { return routedTree }
        return firstHopTree
    }

    /// The tree of the whole paths; a destination whose chain does not hold hangs under
    /// its first hop, as in ``firstHopTree``.
    var routedTree: Node {
        final class Builder {
            var children: [UInt16: [UInt16]] = [:]
            var hops: [UInt16: Int] = [:]
            var placed = Set<UInt16>()
            func add(_ path: [UInt16]) {
                for i in 1..<path.count where placed.insert(path[i]).inserted {
                    children[path[i - 1], default: []].append(path[i])
                    if hops[path[i]] == nil { hops[path[i]] = i }
                }
            }
        }
        let b = Builder()
        let sorted = routes.sorted { ($0.hopCount, $0.destination) < ($1.hopCount, $1.destination) }
        for r in sorted where r.destination != coordinator {
            b.add(path(to: r.destination).addresses)
            b.hops[r.destination] = Int(r.hopCount)
        }
        func node(_ address: UInt16, depth: Int) -> Node {
            let below = depth > Self.hopLimit ? [] : (b.children[address] ?? []).sorted().map { node($0, depth: depth + 1) }
            return Node(shortAddress: address, hopCount: address == coordinator ? 0 : b.hops[address] ?? depth, children: below)
        }
        return node(coordinator, depth: 0)
    }

    /// Coordinator → first hops → destinations routed through each.
    var firstHopTree: Node {
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
        let path = path(to: route.destination)
        return NodeInfo(meter: meter, route: route, path: path.addresses, complete: path.complete, hops: Int(route.hopCount),
                        firstHop: neighbour(route.nextHop), neighbour: neighbour(route.destination))
    }
}
