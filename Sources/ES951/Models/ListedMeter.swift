import DLMS

/// One meter of a СПОДУС meter list: a Data object (class 1, 0.0.94.7.128.255) whose
/// value is an array of structure {meter id octet-string, model octet-string, channels:
/// array of structure {channel id unsigned, address octet-string}}. The ES-951's own list
/// is a profile of ``MeterRecord`` rows instead.
public struct ListedMeter: Equatable, Sendable {
    public struct Channel: Equatable, Sendable {
        public var id: Int
        public var address: [UInt8]
        public init(id: Int, address: [UInt8]) { self.id = id; self.address = address }
    }

    /// The meter's place in the list, from 1.
    public var position: Int
    public var id: String
    /// The model as text (Windows-1251 on Russian devices).
    public var model: String
    public var channels: [Channel]

    public init(position: Int, id: String, model: String, channels: [Channel]) {
        self.position = position; self.id = id; self.model = model; self.channels = channels
    }

    /// The meters of the list's value. A list of more than
    /// ``MeterRecord/maximumListEntries`` meters, or a meter with more than 64 channels,
    /// is refused as implausible.
    public static func list(from value: DLMSData) throws(ModelError) -> [ListedMeter] {
        let field = "meter-list"
        let meters = try value.elements(field)
        guard Int64(meters.count) <= MeterRecord.maximumListEntries else {
            throw .implausible(field: field + ".entries", value: String(meters.count), allowed: 0...MeterRecord.maximumListEntries)
        }
        var out: [ListedMeter] = []
        for (i, m) in meters.enumerated() {
            let parts = try m.elements(field, count: 2)
            var channels: [Channel] = []
            if parts.count > 2 {
                let list = try parts[2].elements(field + ".channels")
                guard list.count <= 64 else {
                    throw .implausible(field: field + ".channels", value: String(list.count), allowed: 0...64)
                }
                for c in list {
                    let e = try c.elements(field + ".channel", count: 2)
                    channels.append(Channel(id: try e[0].integer(field + ".channel.id", in: 0...65_535),
                                            address: try e[1].octetsValue(field + ".channel.address")))
                }
            }
            out.append(ListedMeter(position: i + 1, id: try parts[0].textValue(field + ".id"),
                                   model: try parts[1].textValue(field + ".model"), channels: channels))
        }
        return out
    }

    /// `1:00000011 2:00000022`: each channel's id and address in hex.
    public var channelsText: String {
        channels.map { c in "\(c.id):" + c.address.map { String($0, radix: 16, uppercase: true).leftPadded(2) }.joined() }
            .joined(separator: " ")
    }
}
