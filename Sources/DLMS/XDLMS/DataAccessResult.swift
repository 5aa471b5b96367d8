/// Data-Access-Result (Green Book): why an attribute could not be read or written.
/// Unknown codes are kept (`other(raw)` would lose them), so this is a raw-value struct.
public struct DataAccessResult: Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let success = Self(rawValue: 0)
    public static let hardwareFault = Self(rawValue: 1)
    public static let temporaryFailure = Self(rawValue: 2)
    public static let readWriteDenied = Self(rawValue: 3)
    public static let objectUndefined = Self(rawValue: 4)
    public static let objectClassInconsistent = Self(rawValue: 9)
    public static let objectUnavailable = Self(rawValue: 11)
    public static let typeUnmatched = Self(rawValue: 12)
    public static let scopeOfAccessViolated = Self(rawValue: 13)
    public static let dataBlockUnavailable = Self(rawValue: 14)
    public static let longGetAborted = Self(rawValue: 15)
    public static let noLongGetInProgress = Self(rawValue: 16)
    public static let longSetAborted = Self(rawValue: 17)
    public static let noLongSetInProgress = Self(rawValue: 18)
    public static let dataBlockNumberInvalid = Self(rawValue: 19)
    public static let otherReason = Self(rawValue: 250)
}

/// Action-Result of an ACTION-Response: the same codes as Data-Access-Result.
public typealias ActionResult = DataAccessResult

/// Get-Data-Result: the value, or why there is none.
public enum GetDataResult: Hashable, Sendable {
    case data(DLMSData)
    case error(DataAccessResult)
}
