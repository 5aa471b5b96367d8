import Foundation

/// A register value with its scaler and unit (Blue Book 4.3.2, "scaler_unit"): the
/// quantity is `raw × 10^scaler` in `unit`. Text is built from the integer digits, so it
/// is exact: raw 1234 with scaler −2 in V is `12.34 V`, never `12.339999`.
///
/// ```swift
/// ScaledValue(raw: 1234, scaler: -2, unit: .volt).description   // "12.34 V"
/// ScaledValue(raw: 5, scaler: 3, unit: .wattHour).text()        // "5000"
/// ```
public struct ScaledValue: Hashable, Sendable, CustomStringConvertible {
    /// The scalers a value read from a device may carry: the SI prefixes' span (10^−24 …
    /// 10^24). The A-XDR integer allows ±127; a device that sends more is broken.
    public static let plausibleScalers: ClosedRange<Int8> = -24...24

    public var raw: Int64
    public var scaler: Int8
    public var unit: DLMSUnit?

    public init(raw: Int64, scaler: Int8 = 0, unit: DLMSUnit? = nil) {
        self.raw = raw; self.scaler = scaler; self.unit = unit
    }

    /// `raw × 10^scaler` as a Double (for charts and arithmetic; text uses `text()`).
    public var doubleValue: Double {
        var v = Double(raw)
        if scaler >= 0 {
            for _ in 0..<Int(scaler) { v *= 10 }
        } else {
            var d = 1.0
            for _ in 0..<(-Int(scaler)) { d *= 10 }
            v /= d
        }
        return v
    }

    /// `raw × 10^scaler`, exact (for JSON numbers: `3.07`, never `3.0699999`).
    public var decimalValue: Decimal {
        Decimal(sign: raw < 0 ? .minus : .plus, exponent: Int(scaler), significand: Decimal(raw.magnitude))
    }

    /// The number without unit, exact, no digit grouping: `-0.05`, `12.34`, `5000`.
    /// - Parameter decimalSeparator: `"."`, or `","` for Russian CSV.
    public func text(decimalSeparator: String = ".") -> String {
        let negative = raw < 0
        var digits = String(raw.magnitude)
        if scaler > 0 {
            if raw != 0 { digits += String(repeating: "0", count: Int(scaler)) }
        } else if scaler < 0 {
            let places = -Int(scaler)
            if digits.count <= places {
                digits = String(repeating: "0", count: places - digits.count + 1) + digits
            }
            let split = digits.index(digits.endIndex, offsetBy: -places)
            digits = String(digits[..<split]) + decimalSeparator + String(digits[split...])
        }
        return (negative ? "-" : "") + digits
    }

    /// `12.34 V`; the bare number when there is no unit or the unit has no symbol.
    public var description: String {
        let symbol = unit?.symbol ?? ""
        return symbol.isEmpty ? text() : text() + " " + symbol
    }
}
