import DLMS

extension CaptureObjectDefinition {
    /// The capture objects of a profile as its attribute 3 reports them (array of
    /// structure {class, logical name, attribute, data index}).
    public static func captureObjects(from data: DLMSData) throws(ModelError) -> [CaptureObjectDefinition] {
        var result: [CaptureObjectDefinition] = []
        for entry in try data.elements("capture-objects") {
            let e = try entry.elements("capture-objects", count: 4)
            guard case .octetString(let ln) = e[1], let obis = OBISCode(bytes: ln),
                  let attribute = Int8(exactly: try e[2].signedValue("capture-objects.attribute")) else {
                throw .unexpectedValue(field: "capture-objects", value: entry)
            }
            result.append(CaptureObjectDefinition(classID: try e[0].unsignedValue("capture-objects.class", as: UInt16.self),
                                                  instance: obis, attribute: attribute,
                                                  dataIndex: try e[3].unsignedValue("capture-objects.data-index", as: UInt16.self)))
        }
        return result
    }
}

/// A profile read from the device (SPEC F-40, F-41): columns with names and units, rows
/// of a date-time and values with the scaler applied. The first capture object that is
/// the clock's time gives each row its date-time; the other columns are values.
public struct ProfileTable: Equatable, Sendable {
    public struct Column: Equatable, Sendable {
        /// The map's name of the captured object (`active-energy-import`), with the
        /// attribute key for any attribute but the value (`active-max-demand.capture-time`).
        public var name: String
        public var unit: DLMSUnit?
        public var scaler: Int8
        public var source: CaptureObjectDefinition
        public init(name: String, unit: DLMSUnit?, scaler: Int8, source: CaptureObjectDefinition) {
            self.name = name; self.unit = unit; self.scaler = scaler; self.source = source
        }
    }

    public enum Cell: Equatable, Sendable {
        case number(ScaledValue)
        case dateTime(COSEMDateTime?)
        case text(String)
        case other(DLMSData)
    }

    public struct Row: Equatable, Sendable {
        public var time: COSEMDateTime?
        public var values: [Cell]
        public init(time: COSEMDateTime?, values: [Cell]) { self.time = time; self.values = values }
    }

    public var columns: [Column]
    public var rows: [Row]

    public init(columns: [Column], rows: [Row]) { self.columns = columns; self.rows = rows }

    /// From the capture objects (attribute 3, as read) and the buffer rows (attribute 2).
    /// - Parameter scalerUnits: scaler and unit of register columns, as their attribute 3
    ///   reported them; columns without one take the map's scaler and unit.
    public init(captureObjects: [CaptureObjectDefinition], buffer: DLMSData, map: DeviceMap,
                scalerUnits: [CosemAttributeDescriptor: DLMSData] = [:]) throws(ModelError) {
        let clockIndex = captureObjects.firstIndex { $0.classID == 8 && $0.attribute == 2 }
        var columns: [Column] = []
        for (i, c) in captureObjects.enumerated() where i != clockIndex {
            let object = map.object(c.instance)
            let attribute = object?.attribute(c.attribute)
            var name = object?.name ?? "\(c.classID)/\(c.instance)/\(c.attribute)"
            if c.attribute != 2, let key = attribute?.key { name += "." + key }
            var scaler = attribute?.scaler ?? 0
            var unit = attribute?.unit.map(DLMSUnit.init(rawValue:))
            if c.attribute == 2, let su = scalerUnits[CosemAttributeDescriptor(classID: c.classID, instance: c.instance, attribute: 3)] {
                let parsed = try su.scalerUnit(name + ".scaler-unit")
                scaler = parsed.scaler; unit = parsed.unit
            }
            columns.append(Column(name: name, unit: unit, scaler: scaler, source: c))
        }
        var rows: [Row] = []
        for entry in try buffer.elements("buffer") {
            let cells = try entry.elements("buffer row", count: captureObjects.count)
            var time: COSEMDateTime?
            var values: [Cell] = []
            var column = 0
            for (i, cell) in cells.prefix(captureObjects.count).enumerated() {
                if i == clockIndex { time = try cell.optionalDateTime("buffer.clock"); continue }
                let col = columns[column]
                column += 1
                values.append(try Self.cell(cell, column: col, map: map))
            }
            rows.append(Row(time: time, values: values))
        }
        self.init(columns: columns, rows: rows)
    }

    static func cell(_ data: DLMSData, column: Column, map: DeviceMap) throws(ModelError) -> Cell {
        let type = map.attribute(column.source.descriptor)?.type
        if type == .dateTime { return .dateTime(try data.optionalDateTime(column.name)) }
        switch data {
        case .unsigned, .longUnsigned, .doubleLongUnsigned, .long64Unsigned, .integer, .long, .doubleLong, .long64, .enumerated:
            return .number(ScaledValue(raw: try data.signedValue(column.name), scaler: column.scaler, unit: column.unit))
        case .null: return .text("")     // a cell the device left empty: empty, never 0
        case .visibleString(let b), .utf8String(let b): return .text(DeviceText.decode(b))
        case .octetString(let b) where b.count == 12:
            return .dateTime(try data.optionalDateTime(column.name))
        default: return .other(data)
        }
    }
}

extension ProfileTable {
    /// The table with every date-time (row times and date-time cells) turned from a
    /// device's `sign` into the Blue Book sign.
    public func withZoneSign(_ sign: TimeZoneSign) -> ProfileTable {
        var t = self
        for i in t.rows.indices {
            t.rows[i].time = t.rows[i].time.map(sign.toBlueBook)
            t.rows[i].values = t.rows[i].values.map { cell in
                if case .dateTime(let d) = cell { return .dateTime(d.map(sign.toBlueBook)) }
                return cell
            }
        }
        return t
    }
}
