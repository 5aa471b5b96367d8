import DLMS

/// Why a value read from the device does not make the model it should: the field and
/// what came instead. Structured data only; the text a person reads is built in the app.
public enum ModelError: Error, Equatable, Sendable {
    /// `field` (a map object name, or `object.element`) held `value`, which is not what
    /// the map says it holds (wrong type, wrong length, out of range).
    case unexpectedValue(field: String, value: DLMSData)
    /// The map lacks an object or attribute a model needs (an edited `--map FILE`).
    case missingInMap(String)
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
        default: return Int64(try unsignedValue(field))
        }
    }

    public func unsignedValue<T: FixedWidthInteger>(_ field: String, as: T.Type) throws(ModelError) -> T {
        guard let v = T(exactly: try unsignedValue(field)) else { throw .unexpectedValue(field: field, value: self) }
        return v
    }

    /// Text of a visible-string, utf8-string or octet-string (decoded as UTF-8, invalid
    /// bytes replaced).
    public func textValue(_ field: String) throws(ModelError) -> String {
        switch self {
        case .visibleString(let b), .utf8String(let b), .octetString(let b): return String(decoding: b, as: UTF8.self)
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
    /// unspecified (a poll that never happened).
    public func optionalDateTime(_ field: String) throws(ModelError) -> COSEMDateTime? {
        if case .null = self { return nil }
        guard let t = dateTimeValue else { throw .unexpectedValue(field: field, value: self) }
        if t.date.year == 0xFFFF, t.date.month == 0xFF, t.date.dayOfMonth == 0xFF, t.time.hour == 0xFF { return nil }
        return t
    }

    public func dateTime(_ field: String) throws(ModelError) -> COSEMDateTime {
        guard let t = try optionalDateTime(field) else { throw .unexpectedValue(field: field, value: self) }
        return t
    }

    /// A Register's scaler_unit: structure {integer scaler, enum unit}.
    public func scalerUnit(_ field: String) throws(ModelError) -> (scaler: Int8, unit: DLMSUnit) {
        let e = try elements(field, count: 2)
        guard case .integer(let scaler) = e[0] else { throw .unexpectedValue(field: field, value: self) }
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
