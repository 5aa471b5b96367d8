/// The profiles of a metering point (SPEC F-40).
public enum ProfileKind: String, CaseIterable, Sendable {
    case daily, monthly, activeMax = "active-max", reactiveMax = "reactive-max"

    /// The map's name of the profile object.
    public var objectName: String {
        switch self {
        case .daily: "daily-profile"
        case .monthly: "monthly-profile"
        case .activeMax: "active-max-load-profile"
        case .reactiveMax: "reactive-max-load-profile"
        }
    }
}
