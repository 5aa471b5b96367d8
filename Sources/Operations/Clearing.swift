import Accounts
import Concentrator

/// Clear data (SPEC F-61): `hlmcs clear` and the Service page's Clear, and the meter
/// list's removals.
extension Operator {
    /// The audit target of a clear: `clear events point 3`, `clear meters all`.
    public static func clearTarget(_ target: ClearTarget, point: Int?) -> String {
        "clear \(target.rawValue) " + (point.map { "point \($0)" } ?? "all")
    }

    /// Clears events, profiles or meters of one point or of all (asks for `clear`),
    /// reset by reset, each read back; audited as success only when every reset was taken.
    public func clear(_ target: ClearTarget, point: Int?) async throws -> [ClearStep] {
        try await write(.clear, target: Self.clearTarget(target, point: point),
                        succeeded: { $0.allSatisfy { $0.outcome == .accepted } }) { c in
            try await c.clearSteps(target, point: point)
        }
    }
}
