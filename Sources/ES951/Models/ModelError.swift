import DLMS

/// Why a value read from the device does not make the model it should: the field and
/// what came instead. Structured data only; the text a person reads is built in the app.
public enum ModelError: Error, Equatable, Sendable {
    /// `field` (a map object name, or `object.element`) held `value`, which is not what
    /// the map says it holds (wrong type, wrong length, out of range).
    case unexpectedValue(field: String, value: DLMSData)
    /// The map lacks an object or attribute a model needs (an edited `--map FILE`).
    case missingInMap(String)
    /// `field` held a number of the right type that cannot be right: a meter count of
    /// 18446744073709551615, a scaler of 127. `value` is the number as the device sent it
    /// (decimal), `allowed` what the field can mean.
    case implausible(field: String, value: String, allowed: ClosedRange<Int64>)
}

/// What is wrong with one value a person typed or a model holds, before it is written.
public enum ValidationReason: Error, Equatable, Sendable {
    case empty
    case tooLong(maximum: Int)
    /// A character the field does not allow (APN: letters, digits, `-` and `.`).
    case invalidCharacter(Character)
    /// Not a dotted quad, or an address that cannot be used here.
    case invalidAddress
    /// A number outside `range`.
    case outOfRange(ClosedRange<Int>)
    /// Not a duration, or one outside `range` seconds (``HeartbeatInterval``).
    case duration(ClosedRange<Int>)
    /// A subnet mask whose one bits are not contiguous from the top.
    case nonContiguousMask
    /// The DPD structure is written whole and its password cannot be read back, so a
    /// new user needs the password too.
    case passwordRequired
}

/// One problem found by a settings model's `validate`.
public struct FieldIssue<Field: Hashable & Sendable>: Equatable, Sendable {
    public var field: Field
    public var reason: ValidationReason
    public init(_ field: Field, _ reason: ValidationReason) { self.field = field; self.reason = reason }
}

// MARK: - Reading values as the map types them

extension DLMSData {
    /// An unsigned integer of any A-XDR width (unsigned, long-unsigned, double-long-unsigned,
    /// long64-unsigned, enum), or a non-negative signed one.
    public func unsignedValue(_ field: String) throws(ModelError) -> UInt64 {
        switch self {
        case .unsigned(let v), .enumerated(let v): return UInt64(v)
        case .longUnsigned(let v): return UInt64(v)
        case .doubleLongUnsigned(let v): return UInt64(v)
        case .long64Unsigned(let v): return v
        case .integer(let v) where v >= 0: return UInt64(v)
        case .long(let v) where v >= 0: return UInt64(v)
        case .doubleLong(let v) where v >= 0: return UInt64(v)
        case .long64(let v) where v >= 0: return UInt64(v)
        default: throw .unexpectedValue(field: field, value: self)
        }
    }

    /// A signed view of any integer type.
    public func signedValue(_ field: String) throws(ModelError) -> Int64 {
        switch self {
        case .integer(let v): return Int64(v)
        case .long(let v): return Int64(v)
        case .doubleLong(let v): return Int64(v)
        case .long64(let v): return v
        case .long64Unsigned(let v) where v <= UInt64(Int64.max): return Int64(v)
        case .long64Unsigned(let v):
            throw .implausible(field: field, value: String(v), allowed: Int64.min...Int64.max)
        default: return Int64(try unsignedValue(field))
        }
    }

    /// An integer of any A-XDR type as an `Int`, refused unless it lies in `allowed`:
    /// every number a model keeps from the device goes through here (or one of the
    /// typed accessors below), never through a trapping `Int(…)`.
    /// - Throws: `.unexpectedValue` for a value that is not an integer, `.implausible`
    ///   for one outside `allowed` (the largest long64-unsigned included).
    public func integer(_ field: String, in allowed: ClosedRange<Int64>) throws(ModelError) -> Int {
        let number: Int64
        switch self {
        case .long64Unsigned(let v) where v > UInt64(Int64.max):
            throw .implausible(field: field, value: String(v), allowed: allowed)
        default: number = try signedValue(field)
        }
        guard allowed.contains(number) else {
            throw .implausible(field: field, value: String(number), allowed: allowed)
        }
        return Int(number)
    }

    public func unsignedValue<T: FixedWidthInteger>(_ field: String, as: T.Type) throws(ModelError) -> T {
        let raw = try unsignedValue(field)
        guard let v = T(exactly: raw) else {
            throw .implausible(field: field, value: String(raw), allowed: 0...Int64(clamping: T.max))
        }
        return v
    }

    /// Text of a visible-string, utf8-string or octet-string: UTF-8 when the bytes are,
    /// else Windows-1251 (``DeviceText``), as Russian devices send Cyrillic.
    public func textValue(_ field: String) throws(ModelError) -> String {
        switch self {
        case .visibleString(let b), .utf8String(let b), .octetString(let b): return DeviceText.decode(b)
        default: throw .unexpectedValue(field: field, value: self)
        }
    }

    public func octetsValue(_ field: String) throws(ModelError) -> [UInt8] {
        switch self {
        case .octetString(let b), .visibleString(let b): return b
        default: throw .unexpectedValue(field: field, value: self)
        }
    }

    public func boolValue(_ field: String) throws(ModelError) -> Bool {
        guard case .boolean(let b) = self else { throw .unexpectedValue(field: field, value: self) }
        return b
    }

    public func elements(_ field: String, count: Int? = nil) throws(ModelError) -> [DLMSData] {
        switch self {
        case .structure(let e), .array(let e):
            if let count, e.count < count { throw .unexpectedValue(field: field, value: self) }
            return e
        default: throw .unexpectedValue(field: field, value: self)
        }
    }

    /// A date-time (octet-string of 12 or tag 19); nil for one whose every part is
    /// unspecified (a poll that never happened). Each part must be a value the Blue Book
    /// allows (its range, "not specified", or the month's DST and last-day markers), so a
    /// month 13 or an hour 25 is refused here rather than shown.
    public func optionalDateTime(_ field: String) throws(ModelError) -> COSEMDateTime? {
        if case .null = self { return nil }
        guard let t = dateTimeValue else { throw .unexpectedValue(field: field, value: self) }
        if t.date.year == 0xFFFF, t.date.month == 0xFF, t.date.dayOfMonth == 0xFF, t.time.hour == 0xFF { return nil }
        guard Self.isPlausible(t) else { throw .unexpectedValue(field: field, value: self) }
        return t
    }

    /// Blue Book 4.1.6.1: every part in range or one of its special values.
    static func isPlausible(_ t: COSEMDateTime) -> Bool {
        let d = t.date, c = t.time
        return (d.year <= 9999 || d.year == 0xFFFF)
            && ((1...12).contains(d.month) || [0xFD, 0xFE, 0xFF].contains(d.month))
            && ((1...31).contains(d.dayOfMonth) || [0xFD, 0xFE, 0xFF].contains(d.dayOfMonth))
            && ((1...7).contains(d.dayOfWeek) || d.dayOfWeek == 0xFF)
            && (c.hour <= 23 || c.hour == 0xFF) && (c.minute <= 59 || c.minute == 0xFF)
            && (c.second <= 59 || c.second == 0xFF) && (c.hundredths <= 99 || c.hundredths == 0xFF)
            && (t.deviation.map { COSEMDateTime.convertibleOffsets.contains(Int($0)) } ?? true)
    }

    public func dateTime(_ field: String) throws(ModelError) -> COSEMDateTime {
        guard let t = try optionalDateTime(field) else { throw .unexpectedValue(field: field, value: self) }
        return t
    }

    /// A Register's scaler_unit: structure {integer scaler, enum unit}. The scaler must
    /// lie in ``ScaledValue/plausibleScalers``: 10^127 is an integer the type allows and
    /// no register means.
    public func scalerUnit(_ field: String) throws(ModelError) -> (scaler: Int8, unit: DLMSUnit) {
        let e = try elements(field, count: 2)
        guard case .integer(let scaler) = e[0] else { throw .unexpectedValue(field: field, value: self) }
        guard ScaledValue.plausibleScalers.contains(scaler) else {
            throw .implausible(field: field + ".scaler", value: String(scaler),
                               allowed: Int64(ScaledValue.plausibleScalers.lowerBound)...Int64(ScaledValue.plausibleScalers.upperBound))
        }
        return (scaler, DLMSUnit(try e[1].unsignedValue(field, as: UInt8.self)))
    }
}

extension DeviceMap {
    /// `descriptor` of attribute `index` of the object called `name`.
    /// - Throws: `.missingInMap("name/index")`.
    public func descriptor(_ name: String, _ index: Int8) throws(ModelError) -> CosemAttributeDescriptor {
        guard let object = object(named: name), object.attribute(index) != nil else {
            throw .missingInMap("\(name)/\(index)")
        }
        return object.descriptor(index)
    }
}
