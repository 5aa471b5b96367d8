/// One attribute of a mapped object: index, stable key, type and access per client SAP.
public struct MapAttribute: Sendable, Hashable {
    /// The attribute index (1 = logical_name).
    public var index: Int8
    /// A stable key, the Blue Book attribute name in kebab case (`"value"`, `"time-zone"`).
    public var key: String
    public var type: MapType
    public var access: MapAccess
    /// A secret: it reads back as an empty octet-string (for the DPD structure, its
    /// password element does).
    public var writeOnly: Bool
    /// The scaler of a value with a unit (value × 10^scaler), from ES951-MAP.md.
    public var scaler: Int8?
    /// The DLMS unit code (IEC 62056-6-2 §4.3.2, "Register" units: 27 W, 30 Wh, 35 V…).
    public var unit: UInt8?
    /// A fixed or maximum length in bytes of a string (octet-string 16, MAC 6, EUI-64 8).
    public var length: Int?
    /// Names of enum values, where the map gives them.
    public var values: [Int: String]
    /// A remark for people.
    public var note: String?

    public init(index: Int8, key: String, type: MapType, access: MapAccess, writeOnly: Bool = false,
                scaler: Int8? = nil, unit: UInt8? = nil, length: Int? = nil,
                values: [Int: String] = [:], note: String? = nil) {
        self.index = index; self.key = key; self.type = type; self.access = access
        self.writeOnly = writeOnly; self.scaler = scaler; self.unit = unit
        self.length = length; self.values = values; self.note = note
    }
}

/// One method of a mapped object (`reset`, `image-transfer-initiate`…).
public struct MapMethod: Sendable, Hashable {
    public var index: Int8
    public var key: String
    /// Client SAPs that may invoke it.
    public var access: Set<UInt8>
    public var note: String?

    public init(index: Int8, key: String, access: Set<UInt8>, note: String? = nil) {
        self.index = index; self.key = key; self.access = access; self.note = note
    }
}
