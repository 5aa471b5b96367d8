import Accounts
import Concentrator
import DLMS
import ES951

extension Operator {
    /// A draft map of the device on this association (`hlmcs map learn`; asks for
    /// `objects`): every object it lists, each attribute this client may read with the
    /// type it is read as, the access rights this client has, the columns and depth of
    /// each profile. An object that fills a role of the map chosen for the device keeps
    /// the role's name (and what the map knows of it: scalers, notes); any other is named
    /// `CLASS-OBIS`. The link facts and conventions are the chosen map's, the time-zone
    /// sign the one found from the clock. Buffers, the object list and secrets are not
    /// read (their type is the class's). `progress` has the objects done and their count.
    public func learnMap(progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> DeviceMap {
        try await read(.objects) { c in
            let learned = try await c.learn(cache: nil, refresh: true)
            let client = await c.connection.configuration.clientAddress
            let source = learned.adapted.source
            var objects: [MapObject] = [], names = Set<String>()
            for (n, entry) in learned.objects.enumerated() {
                progress(n, learned.objects.count)
                let known = learned.adapted.map.object(entry.obis)
                var name = known?.name ?? "\(entry.classID)-\(entry.obis)"
                if !names.insert(name).inserted { name = "\(entry.classID)-\(entry.obis)"; names.insert(name) }
                let readable = entry.attributes.isEmpty
                    ? InterfaceClasses.attributeIndices(classID: entry.classID)
                    : entry.attributes.filter { [1, 3, 4, 6].contains($0.mode) }.map(\.index)
                let writable = Set(entry.attributes.filter { [2, 3, 5, 6].contains($0.mode) }.map(\.index))
                let indices = Array(Set(readable).union(writable)).sorted()
                // Read what shows a type: not a profile's buffer, the object list, or a secret.
                let skipped: Set<Int8> = entry.classID == 7 ? [2] : entry.classID == 15 ? [2] : []
                let asked = indices.filter { readable.contains($0) && !skipped.contains($0)
                    && !InterfaceClasses.isSecret(classID: entry.classID, index: $0) }
                let results = asked.isEmpty ? [] : try await c.readAttributes(asked.map {
                    CosemAttributeDescriptor(classID: entry.classID, instance: entry.obis, attribute: $0)
                })
                var values: [Int8: DLMSData] = [:]
                for (i, r) in zip(asked, results) { if case .data(let v) = r { values[i] = v } }
                if entry.classID == 8, let t = values[2]?.dateTimeValue { await c.zoneSign(detectingFrom: t) }
                var attributes: [MapAttribute] = []
                for i in indices {
                    let mapped = known?.attribute(i)
                    let type = values[i].flatMap(MapType.of) ?? mapped?.type
                        ?? (skipped.contains(i) ? .array : InterfaceClasses.isSecret(classID: entry.classID, index: i) ? .octetString : nil)
                    guard let type else { continue }   // refused and unknown: left for a person
                    let access = MapAccess(read: readable.contains(i) ? [client] : [], write: writable.contains(i) ? [client] : [])
                    var a = MapAttribute(index: i, key: mapped?.key ?? InterfaceClasses.attributeName(classID: entry.classID, index: i),
                                         type: type, access: access, writeOnly: InterfaceClasses.isSecret(classID: entry.classID, index: i))
                    a.scaler = mapped?.scaler; a.unit = mapped?.unit; a.length = mapped?.length
                    a.values = mapped?.values ?? [:]; a.note = mapped?.note
                    attributes.append(a)
                }
                let methods = entry.methods.filter { $0.mode > 0 }.map {
                    MapMethod(index: $0.index, key: known?.method($0.index)?.key ?? InterfaceClasses.methodName(classID: entry.classID, index: $0.index),
                              access: [client])
                }
                var captureObjects: [CaptureObjectDefinition] = []
                if entry.classID == 7, let columns = values[3] { captureObjects = (try? CaptureObjectDefinition.captureObjects(from: columns)) ?? [] }
                let depth = entry.classID == 7 ? (try? values[8]?.integer("profile-entries", in: 0...Int64(Int32.max))).flatMap { $0 } : nil
                objects.append(MapObject(classID: entry.classID, version: entry.version, obis: entry.obis, name: name,
                                         attributes: attributes, methods: methods, captureObjects: captureObjects,
                                         depth: depth, note: known?.note))
            }
            progress(learned.objects.count, learned.objects.count)
            // Columns of objects the device does not list cannot stay (the map would not load).
            let listed = Set(objects.map(\.obis))
            objects = objects.map { o in var o = o; o.captureObjects = o.captureObjects.filter { listed.contains($0.instance) }; return o }
            var conventions = source.conventions
            conventions.timeZoneSign = await c.zoneSign ?? source.conventions.timeZoneSign
            let prefix = String(learned.key.deviceName.prefix(3))
            if prefix.count == 3, prefix.allSatisfy(\.isLetter) { conventions.deviceNamePrefixes = [prefix] }
            return try DeviceMap(objects: objects, link: source.link, name: "learned " + learned.key.deviceName,
                                 conventions: conventions)
        }
    }
}
