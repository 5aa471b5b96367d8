/// The values the data generator produces: plain structs, times as seconds since
/// 1970-01-01 UTC (turned into COSEM date-times in the device's time zone when read).

/// One row of the meter list (7/0.0.94.7.128.255).
public struct SimulatedMeter: Hashable, Sendable {
    public var point: Int
    /// Digits, as the meter reports it.
    public var serial: String
    /// The meter's EUI-64 (8 bytes).
    public var eui64: [UInt8]
    /// The G3-PLC short address the coordinator gave it.
    public var shortAddress: UInt16
    /// 1 single-phase, 2 three-phase.
    public var type: UInt8
    /// Tariffs in use, 1…4.
    public var tariffs: UInt8
    /// Power limit in W.
    public var powerLimit: UInt32
}

/// One row of the poll status (7/0.0.94.7.133.255).
public struct SimulatedPollStatus: Hashable, Sendable {
    public var point: Int
    /// 0 unknown, 1 online, 2 blacklisted.
    public var state: UInt8
    public var lastGoodPoll: Int64?
    public var lastFailedPoll: Int64?
    public var failedPolls: UInt32
}

/// One entry of the G3 routing table (92/0.0.29.2.0.255/8).
public struct SimulatedRoute: Hashable, Sendable {
    public var destination: UInt16
    public var nextHop: UInt16
    public var routeCost: UInt16
    public var hopCount: UInt8
    public var weakLinks: UInt8
    public var validTime: UInt16
    /// The relay before the destination (0, the coordinator, for a neighbour).
    public var previousHop: UInt16
}

/// One entry of the coordinator's G3 neighbour table (91/0.0.29.1.0.255/11).
public struct SimulatedNeighbour: Hashable, Sendable {
    public var shortAddress: UInt16
    public var lqi: UInt8
    public var modulation: UInt8
    public var txGain: Int8
    public var phaseDifferential: Int8
}

/// A row of an energy profile: register values (Wh, varh) at `time`.
public struct EnergyRow: Hashable, Sendable {
    public var time: Int64
    public var activeImport: UInt32
    public var activeExport: UInt32
    public var reactiveImport: UInt32
    public var reactiveExport: UInt32
}

/// A row of a max-demand profile: the maximum (W or var) and when it happened.
public struct DemandRow: Hashable, Sendable {
    public var time: Int64
    public var value: UInt32
    public var captureTime: Int64
}

/// One record of a grid event log.
public struct EventRecord: Hashable, Sendable {
    public var time: Int64
    public var code: UInt8
}

/// Everything stored for one metering point (0 = the concentrator: events only).
public struct PointData: Hashable, Sendable {
    public var daily: [EnergyRow]
    public var monthly: [EnergyRow]
    public var activeMaxDemand: [DemandRow]
    public var reactiveMaxDemand: [DemandRow]
    public var events: [EventRecord]
    /// The registers at the start of today and what they grow by over today (for
    /// current readings at any time of the day).
    public var todayStart: EnergyRow?
    public var todayConsumption: EnergyRow?
}
