import DLMS

/// A device map fitted to one device: for each role (an object's `name`), the first
/// candidate the device lists, with the access rights the device gives this client.
///
/// ```swift
/// let fitted = map.adapted(to: objectList, client: 16)
/// fitted.map.object(named: "meter-list")?.classID   // 1 on a СПОДУС concentrator
/// fitted.lacking                                   // ["hardware-version", …]
/// ```
public struct AdaptedMap: Sendable, Hashable {
    /// The map with the chosen candidate for every role the device fills, and no object
    /// for a role it lacks.
    public var map: DeviceMap
    /// Roles the device fills with none of the candidates, in map order.
    public var lacking: [String]
    /// Roles filled.
    public var matched: Int
    /// The map before fitting (the one chosen for the device).
    public var source: DeviceMap

    /// The chosen map as the device should have it: each role's chosen candidate, and the
    /// first candidate of each role it lacks — what `hlmcs objects` compares with.
    public var expected: [MapObject] {
        map.objects + lacking.compactMap { source.candidates(for: $0).first }
    }

    /// The role an object of the device fills, if any.
    public func role(of obis: OBISCode) -> String? { map.object(obis)?.name }

    public func lacks(_ role: String) -> Bool { lacking.contains(role) }
}

extension DeviceMap {
    /// Roles in the order the map gives them: its objects, then roles only alternatives fill.
    public var roles: [String] {
        var seen = Set<String>(), out: [String] = []
        for o in objects + alternatives where seen.insert(o.name).inserted { out.append(o.name) }
        return out
    }

    /// The candidates for a role: the map's object, then its alternatives, in file order.
    public func candidates(for role: String) -> [MapObject] {
        objects.filter { $0.name == role } + alternatives.filter { $0.name == role }
    }

    /// Whether `entry` (from the device's object list) can be `candidate`. The class must
    /// be the same; for a manufacturer-specific code (a value group of 128…254) or the
    /// Russian country range 0.0.94.7.x, whose meaning belongs to one maker or one
    /// convention, the class version must be the same too — never by logical name alone.
    public static func entry(_ entry: ObjectListEntry, fits candidate: MapObject) -> Bool {
        guard entry.obis == candidate.obis, entry.classID == candidate.classID else { return false }
        return !isSpecific(candidate.obis) || entry.version == candidate.version
    }

    /// A logical name only one maker or one country's convention gives a meaning.
    public static func isSpecific(_ obis: OBISCode) -> Bool {
        let groups = [obis.a, obis.b, obis.c, obis.d, obis.e, obis.f]
        if groups.contains(where: { (128...254).contains($0) }) { return true }
        return obis.a == 0 && obis.b == 0 && obis.c == 94 && obis.d == 7
    }

    /// This map fitted to a device's object list, as seen by `client`. An object list
    /// that gives access rights decides who reads and writes (method mode > 0 allowed); one without them (empty arrays) leaves the
    /// map's rights. Attribute modes (Blue Book, class 15): 1 read, 2 write, 3 both, and
    /// 4, 5, 6 the same when authenticated.
    public func adapted(to entries: [ObjectListEntry], client: UInt8) -> AdaptedMap {
        var byOBIS: [OBISCode: ObjectListEntry] = [:]
        for e in entries where byOBIS[e.obis] == nil { byOBIS[e.obis] = e }
        var chosen: [MapObject] = [], lacking: [String] = []
        for role in roles {
            let found = candidates(for: role).lazy.compactMap { c -> MapObject? in
                guard let e = byOBIS[c.obis], Self.entry(e, fits: c) else { return nil }
                return Self.withRights(of: e, on: c, client: client)
            }.first
            if let found { chosen.append(found) } else { lacking.append(role) }
        }
        // Another role's candidate may share a logical name with a chosen one (a class 1
        // and a class 7 meter list): the first keeps it.
        var seen = Set<OBISCode>()
        chosen = chosen.filter { seen.insert($0.obis).inserted }
        let fitted = (try? DeviceMap(objects: chosen, link: link, name: name, conventions: conventions))
            ?? (try? DeviceMap(objects: chosen.map { var o = $0; o.captureObjects = []; return o },
                               link: link, name: name, conventions: conventions))
            ?? self
        return AdaptedMap(map: fitted, lacking: lacking, matched: chosen.count, source: self)
    }

    private static func withRights(of entry: ObjectListEntry, on object: MapObject, client: UInt8) -> MapObject {
        guard !entry.attributes.isEmpty else { return object }
        var o = object
        for (i, a) in o.attributes.enumerated() {
            let mode = entry.attributes.first { $0.index == a.index }?.mode ?? 0
            var access = a.access
            if [1, 3, 4, 6].contains(mode) { access.read.insert(client) } else { access.read.remove(client) }
            if [2, 3, 5, 6].contains(mode) { access.write.insert(client) } else { access.write.remove(client) }
            o.attributes[i].access = access
        }
        if !entry.methods.isEmpty {
            for (i, m) in o.methods.enumerated() {
                let mode = entry.methods.first { $0.index == m.index }?.mode ?? 0
                if mode > 0 { o.methods[i].access.insert(client) } else { o.methods[i].access.remove(client) }
            }
        }
        return o
    }
}
