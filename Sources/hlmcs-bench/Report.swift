#if canImport(Glibc)
import Glibc
#endif
import Foundation

func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// A figure's goal: at most or at least a value, or none (printed for context).
enum Goal {
    case atMost(Double)
    case atLeast(Double)
    case none

    func met(by value: Double) -> Bool? {
        switch self {
        case .atMost(let limit): value <= limit
        case .atLeast(let limit): value >= limit
        case .none: nil
        }
    }

    func text(_ unit: String) -> String {
        let u = unit.isEmpty ? "" : " " + unit
        switch self {
        case .atMost(let limit): return "<= \(trimmed(limit))\(u)"
        case .atLeast(let limit): return ">= \(trimmed(limit))\(u)"
        case .none: return "-"
        }
    }

    private func trimmed(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(format: "%g", x)
    }
}

/// Prints figures one per line — name, value, unit, goal, and whether it was met — and
/// remembers the misses for the summary and the exit status.
final class Report {
    private(set) var missed: [String] = []
    private(set) var failures: [String] = []

    func figure(_ name: String, _ value: Double, _ unit: String, goal: Goal = .none, places: Int = 3) {
        let verdict: String
        switch goal.met(by: value) {
        case true?: verdict = "ok"
        case false?: verdict = "MISSED"; missed.append(name)
        case nil: verdict = ""
        }
        let padded = name.padding(toLength: max(name.count, 58), withPad: " ", startingAt: 0)
        let number = String(format: "%12.\(places)f", value)
        let unitText = unit.padding(toLength: 5, withPad: " ", startingAt: 0)
        print("\(padded) \(number) \(unitText) goal \(goal.text(unit).padding(toLength: 12, withPad: " ", startingAt: 0)) \(verdict)")
        fflush(nil)
    }

    /// A figure that could not be taken: said, and counted as a failure.
    func failed(_ name: String, _ why: String) {
        print("\(name): NOT MEASURED — \(why)")
        failures.append(name)
        fflush(nil)
    }

    func note(_ text: String) {
        print("  " + text)
        fflush(nil)
    }

    func section(_ title: String) {
        print("\n== \(title)")
        fflush(nil)
    }
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
}
