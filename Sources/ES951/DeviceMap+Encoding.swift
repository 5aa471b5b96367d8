import DLMS
import Foundation

extension DeviceMap {
    /// The map in `es951-map.json` form (``init(data:)`` reads it back to the same map):
    /// one object per line, so a person can edit it and a diff shows what changed.
    /// `description` is the file's remark for people.
    public func jsonText(description: String) -> String {
        var head: [(String, Any)] = [("format", 1), ("device", name), ("description", description)]
        head.append(("link", Self.linkJSON(link)))
        var conventions: [String: Any] = ["timeZoneSign": self.conventions.timeZoneSign?.rawValue ?? "detect",
                                          "eventNames": self.conventions.eventNames]
        if !self.conventions.deviceNamePrefixes.isEmpty { conventions["deviceNamePrefixes"] = self.conventions.deviceNamePrefixes }
        if !self.conventions.writeClients.isEmpty { conventions["writeClients"] = self.conventions.writeClients.map(Int.init) }
        if let b = self.conventions.battery { conventions["battery"] = ["lowVolts": b.lowVolts, "replaceVolts": b.replaceVolts] }
        head.append(("conventions", conventions))
        var text = "{\n"
        for (key, value) in head { text += "  \(Self.json(key)): \(Self.json(value)),\n" }
        text += "  \"objects\": [\n" + objects.map { "    " + Self.json(Self.objectJSON($0)) }.joined(separator: ",\n") + "\n  ]"
        if !alternatives.isEmpty {
            text += ",\n  \"alternatives\": [\n" + alternatives.map { "    " + Self.json(Self.objectJSON($0)) }.joined(separator: ",\n") + "\n  ]"
        }
        return text + "\n}\n"
    }

    static func json(_ value: Any) -> String {
        if let s = value as? String {
            let data = try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
            return data.map { String(decoding: $0.dropFirst().dropLast(), as: UTF8.self) } ?? "\"\""
        }
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    static func linkJSON(_ l: LinkFacts) -> [String: Any] {
        let names = LinkFacts.conformanceNames.filter { l.conformance.contains($0.value) }.map(\.key).sorted()
        return [
            "serverUpperAddress": Int(l.serverUpperAddress),
            "logicalAddress": ["formula": "serial % \(l.logicalAddressModulus) + \(l.logicalAddressOffset)",
                               "modulus": l.logicalAddressModulus, "offset": Int(l.logicalAddressOffset)] as [String: Any],
            "allStationAddress": ["twoByte": Int(l.allStationTwoByte), "fourByte": Int(l.allStationFourByte)],
            "clients": l.clients.map { c -> [String: Any] in
                ["sap": Int(c.sap), "name": c.name, "writes": c.writes,
                 "authentication": c.authentication == .none ? "none" : c.authentication == .low ? "low" : "high"]
            },
            "factoryPassword": l.factoryPassword, "maxInfoField": l.maxInfoField, "window": l.window,
            "defaultMaxInfoField": l.defaultMaxInfoField, "defaultWindow": l.defaultWindow,
            "maxReceivePDU": l.maxReceivePDU, "conformance": names, "tcpPort": Int(l.tcpPort),
            "opticalIdentification": l.opticalIdentification, "opticalBaud": l.opticalBaud,
        ]
    }

    static func objectJSON(_ o: MapObject) -> [String: Any] {
        var json: [String: Any] = ["name": o.name, "class": Int(o.classID), "version": Int(o.version), "obis": "\(o.obis)"]
        json["attributes"] = o.attributes.map { a -> [String: Any] in
            var j: [String: Any] = ["index": Int(a.index), "key": a.key, "type": a.type.rawValue,
                                    "read": a.access.read.sorted().map(Int.init)]
            if !a.access.write.isEmpty { j["write"] = a.access.write.sorted().map(Int.init) }
            if a.writeOnly { j["writeOnly"] = true }
            if let v = a.scaler { j["scaler"] = Int(v) }
            if let v = a.unit { j["unit"] = Int(v) }
            if let v = a.length { j["length"] = v }
            if !a.values.isEmpty { j["values"] = Dictionary(uniqueKeysWithValues: a.values.map { (String($0.key), $0.value) }) }
            if let v = a.note { j["note"] = v }
            return j
        }
        if !o.methods.isEmpty {
            json["methods"] = o.methods.map { m -> [String: Any] in
                var j: [String: Any] = ["index": Int(m.index), "key": m.key, "access": m.access.sorted().map(Int.init)]
                if let v = m.note { j["note"] = v }
                return j
            }
        }
        if !o.captureObjects.isEmpty {
            json["captureObjects"] = o.captureObjects.map {
                ["class": Int($0.classID), "obis": "\($0.instance)", "attribute": Int($0.attribute), "dataIndex": Int($0.dataIndex)] as [String: Any]
            }
        }
        if let d = o.depth { json["depth"] = d }
        if let n = o.note { json["note"] = n }
        return json
    }
}
