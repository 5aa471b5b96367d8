/// The unit energy readings are shown and exported in (issue 18 item 11): Wh as the
/// device gives them, kWh or MWh — and reactive energy likewise in varh, kvarh or Mvarh.
/// Only energy (the device's unit Wh or varh) is converted; power, voltage, current and
/// every other unit stay as they are.
///
/// A conversion moves the decimal point and never touches the digits: the value keeps its
/// integer `raw` and its scaler goes down by 3 or 6, so the text ``ScaledValue/text(decimalSeparator:)``
/// makes of it is exact and nothing is lost — no binary floating point anywhere.
///
/// ```swift
/// let v = ScaledValue(raw: 1_234_567, scaler: 0, unit: .wattHour)
/// EnergyUnit.kwh.convert(v).text()    // "1234.567"
/// EnergyUnit.mwh.convert(v).text()    // "1.234567"
/// EnergyUnit.kwh.convert(ScaledValue(raw: 5, scaler: 3, unit: .wattHour)).text()   // "5"
/// ```
public enum EnergyUnit: String, CaseIterable, Sendable, Hashable {
    case wh, kwh, mwh

    /// The power of ten of the unit in Wh: 0, 3, 6.
    public var exponent: Int {
        switch self {
        case .wh: 0
        case .kwh: 3
        case .mwh: 6
        }
    }

    /// Wh → kWh → MWh → Wh (the key that changes it).
    public var next: EnergyUnit {
        switch self {
        case .wh: .kwh
        case .kwh: .mwh
        case .mwh: .wh
        }
    }

    /// Whether `unit` is an energy this converts: active (Wh) or reactive (varh).
    public static func isEnergy(_ unit: DLMSUnit?) -> Bool { unit == .wattHour || unit == .varHour }

    /// Whether a value in `unit` with `scaler` is shown in this unit: an energy whose
    /// scaler, lowered by ``exponent``, is still a scaler (a map may give any −128…127; a
    /// value it cannot carry stays in Wh, and so does its column's title).
    public func converts(_ unit: DLMSUnit?, scaler: Int8) -> Bool {
        self != .wh && Self.isEnergy(unit) && Int(scaler) - exponent >= Int(Int8.min)
    }

    /// The value in this unit: the same digits, the scaler lowered by ``exponent``
    /// (kWh = Wh / 1000, MWh = Wh / 1 000 000). Anything ``converts(_:scaler:)`` refuses
    /// is returned as it is. The unit code stays the device's (Wh or varh): the words for
    /// it are the catalogue's (`data.unit.kwh` and the like), chosen where the column's
    /// title is made.
    public func convert(_ value: ScaledValue) -> ScaledValue {
        guard converts(value.unit, scaler: value.scaler) else { return value }
        return ScaledValue(raw: value.raw, scaler: Int8(Int(value.scaler) - exponent), unit: value.unit)
    }
}
