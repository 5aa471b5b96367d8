import Accounts
import Concentrator
import DLMS
import ES951

/// One attribute of an object as `hlmcs read` and the All objects page show it.
public struct AttributeReading: Sendable, Equatable {
    public var index: Int8
    /// The Blue Book name (``InterfaceClasses``), `attribute-N` where none is known.
    public var name: String
    /// The value, or why there is none.
    public var value: Value

    public enum Value: Sendable, Equatable {
        case data(DLMSData)
        /// A register's value with its scaler_unit applied.
        case scaled(ScaledValue)
        case refused(DataAccessResult)
        /// A secret (an LLS password, a PPP password): never read, never shown.
        case secret
    }
}

/// Why an object cannot be read as asked.
public enum ObjectReadingError: Error, Equatable, Sendable {
    /// The device does not list the object (the logical name).
    case notListed(OBISCode)
    /// The device lists the object but not that attribute as readable.
    case notReadable(OBISCode, Int8)
}

extension Operator {
    /// Reads `obis` as the device lists it (asks for `get`): the attribute `only`, or
    /// every attribute this association may read (every attribute of the class when the
    /// list gives no rights). A Register's, Extended or Demand register's value (2) is
    /// scaled by its scaler_unit (3) when both are read. Secret attributes are not read.
    public func readObject(_ obis: OBISCode, attribute only: Int8? = nil) async throws -> (entry: ObjectListEntry, attributes: [AttributeReading]) {
        try await read(.get) { c in
            if await c.learned == nil { try await c.learn(cache: nil) }
            guard let entry = await c.listedObject(obis) else { throw ObjectReadingError.notListed(obis) }
            let readable = entry.attributes.isEmpty
                ? InterfaceClasses.attributeIndices(classID: entry.classID)
                : entry.attributes.filter { [1, 3, 4, 6].contains($0.mode) }.map(\.index)
            var indices = readable.isEmpty ? [1] : readable
            if let only {
                guard entry.attributes.isEmpty || readable.contains(only) else { throw ObjectReadingError.notReadable(obis, only) }
                indices = [only]
            }
            var asked = indices.filter { !InterfaceClasses.isSecret(classID: entry.classID, index: $0) }
            // A register's value alone is still scaled: its scaler_unit is read with it.
            let scalerIndex: Int8 = entry.classID == 5 ? 4 : 3
            if [3, 4, 5].contains(entry.classID), !asked.contains(scalerIndex), asked.contains(where: { $0 == 2 || (entry.classID == 5 && $0 == 3) }) {
                asked.append(scalerIndex)
            }
            let results = try await c.readAttributes(asked.map { CosemAttributeDescriptor(classID: entry.classID, instance: obis, attribute: $0) })
            var byIndex: [Int8: GetDataResult] = [:]
            for (i, r) in zip(asked, results) { byIndex[i] = r }
            let scaler: (Int8, DLMSUnit)? = {
                guard [3, 4, 5].contains(entry.classID), case .data(let su)? = byIndex[scalerIndex] else { return nil }
                return (try? su.scalerUnit("scaler-unit")).map { ($0.scaler, $0.unit) }
            }()
            // A clock's date-times and zone in the Blue Book sign, as every other page shows them.
            var sign = await c.zoneSign ?? .blueBook
            if entry.classID == 8, case .data(let d)? = byIndex[2], let t = d.dateTimeValue {
                sign = await c.zoneSign(detectingFrom: t) ?? .blueBook
            }
            if entry.classID == 8, sign != .blueBook {
                for i in [Int8(2), 5, 6] {
                    if case .data(let d)? = byIndex[i], let t = d.dateTimeValue { byIndex[i] = .data(.dateTimeOctetString(sign.toBlueBook(t))) }
                }
                if case .data(.long(let z))? = byIndex[3] { byIndex[3] = .data(.long(sign.toBlueBook(z))) }
            }
            let valueIndices: [Int8] = entry.classID == 5 ? [2, 3] : [2]
            let readings = indices.map { i -> AttributeReading in
                let name = InterfaceClasses.attributeName(classID: entry.classID, index: i)
                guard let result = byIndex[i] else { return AttributeReading(index: i, name: name, value: .secret) }
                switch result {
                case .error(let e): return AttributeReading(index: i, name: name, value: .refused(e))
                case .data(let d):
                    if valueIndices.contains(i), let (s, u) = scaler, let raw = try? d.signedValue("value") {
                        return AttributeReading(index: i, name: name, value: .scaled(ScaledValue(raw: raw, scaler: s, unit: u)))
                    }
                    return AttributeReading(index: i, name: name, value: .data(d))
                }
            }
            return (entry, readings)
        }
    }
}

extension Operator {
    /// The action a method needs: a profile's reset (class 7, method 1) is clearing, an
    /// image transfer's (class 18) the firmware's; any other method is for an
    /// administrator (as a `set`); disconnect control (class 70) is not offered at all.
    public static func methodAction(_ m: CosemMethodDescriptor) -> Action? {
        switch (m.classID, m.method) {
        case (70, _): nil
        case (7, 1): .clear
        case (18, _): .firmware
        default: .set
        }
    }

    /// Invokes one method of any object (the All objects page): authorized by
    /// ``methodAction(_:)``, LLS, audited naming the unit before anything is sent.
    public func invoke(_ m: CosemMethodDescriptor, parameter: DLMSData) async throws -> WriteOutcome {
        guard let action = Self.methodAction(m) else { throw OperationFailure.methodNotOffered }
        if action == .set, session.role != .administrator {
            audit(action, target: "\(m.classID)/\(m.instance)/m\(m.method)", .denied)
            throw OperationFailure.administratorOnly
        }
        return try await write(action, target: "\(m.classID)/\(m.instance)/m\(m.method)(\(ValueText.text(parameter)))") {
            [try await $0.invoke(m, parameter)]
        }[0]
    }
}
