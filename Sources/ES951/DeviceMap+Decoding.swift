import DLMS
import Foundation

// MARK: - The JSON form of `es951-map.json`

/// Field names of `es951-map.json`; see `DeviceMap.init(data:)`.
private struct MapFile: Decodable {
    var format: Int
    var device: String?
    var link: LinkFile
    var conventions: ConventionsFile?
    var objects: [ObjectFile]
    var alternatives: [ObjectFile]?
}

private struct ConventionsFile: Decodable {
    var timeZoneSign: String?
    var deviceNamePrefixes: [String]?
    var writeClients: [UInt8]?
    var eventNames: Bool?
    var battery: BatteryFile?
}

private struct BatteryFile: Decodable {
    var lowVolts: Double
    var replaceVolts: Double
}

private struct LinkFile: Decodable {
    struct Formula: Decodable { var modulus: UInt64; var offset: UInt16 }
    struct AllStation: Decodable { var twoByte: UInt16; var fourByte: UInt16 }
    struct Client: Decodable { var sap: UInt8; var name: String; var authentication: String; var writes: Bool }
    var serverUpperAddress: UInt16
    var logicalAddress: Formula
    var allStationAddress: AllStation
    var clients: [Client]
    var factoryPassword: String
    var maxInfoField: Int
    var window: Int
    var defaultMaxInfoField: Int
    var defaultWindow: Int
    var maxReceivePDU: Int
    var conformance: [String]
    var tcpPort: UInt16
    var opticalIdentification: String
    var opticalBaud: Int
}

private struct ObjectFile: Decodable {
    var name: String
    var `class`: UInt16
    var version: UInt8
    var obis: String
    var attributes: [AttributeFile]
    var methods: [MethodFile]?
    var captureObjects: [CaptureFile]?
    var depth: Int?
    var note: String?
}

private struct AttributeFile: Decodable {
    var index: Int8
    var key: String
    var type: String
    var read: [UInt8]
    var write: [UInt8]?
    var writeOnly: Bool?
    var scaler: Int8?
    var unit: UInt8?
    var length: Int?
    var values: [String: String]?
    var note: String?
}

private struct MethodFile: Decodable {
    var index: Int8
    var key: String
    var access: [UInt8]
    var note: String?
}

private struct CaptureFile: Decodable {
    var `class`: UInt16
    var obis: String
    var attribute: Int8
    var dataIndex: UInt16?
}

extension DeviceMap {
    /// The map in `es951-map.json` form, from bytes the caller read (`--map FILE`) or the
    /// bundle's (`builtIn()`).
    ///
    /// Fields (format 1): `format`, `link` {`serverUpperAddress`, `logicalAddress`
    /// {`modulus`, `offset`}, `allStationAddress` {`twoByte`, `fourByte`}, `clients`
    /// [{`sap`, `name`, `authentication` none|low, `writes`}], `factoryPassword`,
    /// `maxInfoField`, `window`, `defaultMaxInfoField`, `defaultWindow`, `maxReceivePDU`,
    /// `conformance` [names], `tcpPort`, `opticalIdentification`, `opticalBaud`} and
    /// `objects` [{`name`, `class`, `version`, `obis`, `attributes` [{`index`, `key`,
    /// `type`, `read` [SAP], `write` [SAP]?, `writeOnly`?, `scaler`?, `unit`?, `length`?,
    /// `values` {"n": name}?, `note`?}], `methods` [{`index`, `key`, `access` [SAP],
    /// `note`?}]?, `captureObjects` [{`class`, `obis`, `attribute`, `dataIndex`?}]?,
    /// `depth`?, `note`?}]. Other fields are ignored.
    ///
    /// - Throws: `MapError` — `.badJSON` with line and column, `.invalidField` /
    ///   `.invalidValue` / `.unknownType` with the path, the duplicates, `.unsupportedFormat`.
    public init(data: [UInt8]) throws(MapError) {
        let file: MapFile = try decodeJSON(MapFile.self, from: data)
        guard file.format == 1 else { throw .unsupportedFormat(file.format) }
        let link = try Self.link(file.link)
        let objects = try Self.objects(file.objects, path: "objects")
        let alternatives = try Self.objects(file.alternatives ?? [], path: "alternatives")
        var conventions = MapConventions()
        if let c = file.conventions {
            switch c.timeZoneSign {
            case nil: break
            case "detect": conventions.timeZoneSign = nil
            case let sign?:
                guard let known = TimeZoneSign(rawValue: sign) else {
                    throw .invalidValue(path: "conventions.timeZoneSign", value: sign)
                }
                conventions.timeZoneSign = known
            }
            conventions.deviceNamePrefixes = c.deviceNamePrefixes ?? []
            conventions.writeClients = c.writeClients ?? []
            conventions.eventNames = c.eventNames ?? true
            if let b = c.battery {
                guard b.lowVolts.isFinite, b.replaceVolts.isFinite, b.replaceVolts > 0, b.replaceVolts <= b.lowVolts, b.lowVolts < 100 else {
                    throw .invalidValue(path: "conventions.battery", value: "\(b.lowVolts) / \(b.replaceVolts)")
                }
                conventions.battery = BatteryLimits(lowVolts: b.lowVolts, replaceVolts: b.replaceVolts)
            }
        }
        try self.init(objects: objects, link: link, name: file.device ?? "ES-951",
                      conventions: conventions, alternatives: alternatives)
    }

    private static func objects(_ files: [ObjectFile], path prefix: String) throws(MapError) -> [MapObject] {
        var objects: [MapObject] = []
        objects.reserveCapacity(files.count)
        for (i, o) in files.enumerated() {
            let path = "\(prefix)[\(i)]"
            guard let obis = OBISCode(o.obis) else { throw .invalidValue(path: path + ".obis", value: o.obis) }
            var attributes: [MapAttribute] = []
            for (j, a) in o.attributes.enumerated() {
                let at = path + ".attributes[\(j)]"
                guard let type = MapType(rawValue: a.type) else { throw .unknownType(a.type, path: at + ".type") }
                guard a.index >= 1 else { throw .invalidValue(path: at + ".index", value: String(a.index)) }
                var values: [Int: String] = [:]
                for (k, v) in a.values ?? [:] {
                    guard let n = Int(k) else { throw .invalidValue(path: at + ".values", value: k) }
                    values[n] = v
                }
                attributes.append(MapAttribute(
                    index: a.index, key: a.key, type: type,
                    access: MapAccess(read: Set(a.read), write: Set(a.write ?? [])),
                    writeOnly: a.writeOnly ?? false, scaler: a.scaler, unit: a.unit,
                    length: a.length, values: values, note: a.note))
            }
            var methods: [MapMethod] = []
            for (j, m) in (o.methods ?? []).enumerated() {
                guard m.index >= 1 else { throw .invalidValue(path: path + ".methods[\(j)].index", value: String(m.index)) }
                methods.append(MapMethod(index: m.index, key: m.key, access: Set(m.access), note: m.note))
            }
            var columns: [CaptureObjectDefinition] = []
            for (j, c) in (o.captureObjects ?? []).enumerated() {
                guard let cobis = OBISCode(c.obis) else {
                    throw .invalidValue(path: path + ".captureObjects[\(j)].obis", value: c.obis)
                }
                columns.append(CaptureObjectDefinition(classID: c.class, instance: cobis, attribute: c.attribute,
                                                       dataIndex: c.dataIndex ?? 0))
            }
            if let depth = o.depth, depth < 0 { throw .invalidValue(path: path + ".depth", value: String(depth)) }
            objects.append(MapObject(classID: o.class, version: o.version, obis: obis, name: o.name,
                                     attributes: attributes.sorted { $0.index < $1.index },
                                     methods: methods.sorted { $0.index < $1.index },
                                     captureObjects: columns, depth: o.depth, note: o.note))
        }
        return objects
    }

    private static func link(_ l: LinkFile) throws(MapError) -> LinkFacts {
        var conformance: Conformance = []
        for name in l.conformance {
            guard let bit = LinkFacts.conformanceNames[name] else {
                throw .invalidValue(path: "link.conformance", value: name)
            }
            conformance.insert(bit)
        }
        var clients: [LinkFacts.Client] = []
        for (i, c) in l.clients.enumerated() {
            let mechanism: MechanismName
            switch c.authentication {
            case "none": mechanism = .none
            case "low": mechanism = .low
            case "high": mechanism = .high
            default: throw .invalidValue(path: "link.clients[\(i)].authentication", value: c.authentication)
            }
            clients.append(.init(sap: c.sap, name: c.name, authentication: mechanism, writes: c.writes))
        }
        guard l.logicalAddress.modulus > 0 else {
            throw .invalidValue(path: "link.logicalAddress.modulus", value: "0")
        }
        return LinkFacts(
            serverUpperAddress: l.serverUpperAddress, logicalAddressModulus: l.logicalAddress.modulus,
            logicalAddressOffset: l.logicalAddress.offset, allStationTwoByte: l.allStationAddress.twoByte,
            allStationFourByte: l.allStationAddress.fourByte, clients: clients,
            factoryPassword: l.factoryPassword, maxInfoField: l.maxInfoField, window: l.window,
            defaultMaxInfoField: l.defaultMaxInfoField, defaultWindow: l.defaultWindow,
            maxReceivePDU: l.maxReceivePDU, conformance: conformance, tcpPort: l.tcpPort,
            opticalIdentification: l.opticalIdentification, opticalBaud: l.opticalBaud)
    }
}

// MARK: - JSONDecoder errors → MapError

/// Decodes `T` and turns Foundation's `DecodingError` into a `MapError` with a path, or
/// with a line and column for a syntax error (found by `JSONSyntaxLocator`, or taken
/// from the parser's message where it says "line N, column M").
func decodeJSON<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(MapError) -> T {
    do {
        return try JSONDecoder().decode(T.self, from: Data(bytes))
    } catch let error as DecodingError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            if let found = JSONSyntaxLocator.locate(bytes) {
                throw .badJSON(line: found.line, column: found.column, detail: "expected " + found.expected)
            }
            let text = context.underlyingError.map { String(describing: $0) } ?? context.debugDescription
            let (line, column) = lineAndColumn(in: text + " " + context.debugDescription)
            throw .badJSON(line: line, column: column, detail: context.debugDescription)
        case .dataCorrupted(let context):
            throw .invalidField(path: pathText(context.codingPath), detail: context.debugDescription)
        case .keyNotFound(let key, let context):
            throw .invalidField(path: pathText(context.codingPath + [key]), detail: "missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            throw .invalidField(path: pathText(context.codingPath), detail: context.debugDescription)
        @unknown default:
            throw .badJSON(line: nil, column: nil, detail: String(describing: error))
        }
    } catch {
        throw .badJSON(line: nil, column: nil, detail: String(describing: error))
    }
}

/// `objects[3].attributes[1].type`.
private func pathText(_ path: [any CodingKey]) -> String {
    var text = ""
    for key in path {
        if let i = key.intValue {
            text += "[\(i)]"
        } else {
            if !text.isEmpty { text += "." }
            text += key.stringValue
        }
    }
    return text
}

/// The first "line N" and "column M" in a parser message.
private func lineAndColumn(in message: String) -> (Int?, Int?) {
    func number(after word: String) -> Int? {
        guard let r = message.range(of: word + " ") else { return nil }
        let digits = message[r.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return Int(digits)
    }
    return (number(after: "line"), number(after: "column"))
}
