import DLMS
@testable import ES951
import Foundation
import Testing

/// Issue 18 item 11: energy in Wh, kWh or MWh. A conversion moves the decimal point of
/// the device's integer and never rounds: the text is exact at the extremes too.
@Suite struct EnergyUnitTests {
    static let wh = DLMSUnit.wattHour, varh = DLMSUnit.varHour

    /// (raw, scaler, unit) → the text in Wh, kWh, MWh.
    static let table: [(raw: Int64, scaler: Int8, unit: DLMSUnit, wh: String, kwh: String, mwh: String)] = [
        (0, 0, wh, "0", "0.000", "0.000000"),
        (1, 0, wh, "1", "0.001", "0.000001"),
        (-5, 0, wh, "-5", "-0.005", "-0.000005"),
        (1_234_567, 0, wh, "1234567", "1234.567", "1.234567"),
        (402_777, 0, varh, "402777", "402.777", "0.402777"),
        (999_999, 0, wh, "999999", "999.999", "0.999999"),
        (1_000_000, 0, wh, "1000000", "1000.000", "1.000000"),
        // 0.3 Wh: 0.0003 kWh, not 0.00030000000000000003 as a Double would have it.
        (3, -1, wh, "0.3", "0.0003", "0.0000003"),
        (12_345, -3, wh, "12.345", "0.012345", "0.000012345"),
        (5, 3, wh, "5000", "5", "0.005"),
        (-7, 2, varh, "-700", "-0.7", "-0.0007"),
        // The largest reading a profile holds: Int64 (a long64-unsigned above it is refused when decoded).
        (.max, -3, wh, "9223372036854775.807", "9223372036854.775807", "9223372036.854775807"),
        (.max, 3, wh, "9223372036854775807000", "9223372036854775807", "9223372036854775.807"),
        (.min, -3, wh, "-9223372036854775.808", "-9223372036854.775808", "-9223372036.854775808"),
        (.min, 3, varh, "-9223372036854775808000", "-9223372036854775808", "-9223372036854775.808"),
    ]

    @Test func theConversionTable() {
        for row in Self.table {
            let v = ScaledValue(raw: row.raw, scaler: row.scaler, unit: row.unit)
            #expect(EnergyUnit.wh.convert(v).text() == row.wh, "\(row)")
            #expect(EnergyUnit.kwh.convert(v).text() == row.kwh, "\(row)")
            #expect(EnergyUnit.mwh.convert(v).text() == row.mwh, "\(row)")
            // The digits are the device's: only the decimal point moved.
            #expect(EnergyUnit.mwh.convert(v).raw == row.raw && EnergyUnit.mwh.convert(v).unit == row.unit)
        }
        #expect(EnergyUnit.kwh.convert(ScaledValue(raw: 1_234_567, unit: Self.wh)).text(decimalSeparator: ",") == "1234,567")
    }

    /// kWh × 1000 and MWh × 1 000 000 are the value in Wh, exactly (decimal arithmetic),
    /// over every scaler a device may send and values from the smallest to the largest.
    @Test func theValueIsKeptExactly() {
        let raws: [Int64] = [.min, .min + 1, -1_000_001, -999, -1, 0, 1, 7, 999, 1_000, 123_456_789, .max - 1, .max]
        for raw in raws {
            for scaler in ScaledValue.plausibleScalers {
                let v = ScaledValue(raw: raw, scaler: scaler, unit: Self.wh)
                #expect(EnergyUnit.kwh.convert(v).decimalValue * 1_000 == v.decimalValue, "\(raw) e\(scaler)")
                #expect(EnergyUnit.mwh.convert(v).decimalValue * 1_000_000 == v.decimalValue, "\(raw) e\(scaler)")
            }
        }
    }

    @Test func onlyEnergyIsConverted() {
        let others: [DLMSUnit?] = [.watt, .varUnit, .volt, .ampere, .hertz, .voltAmpereHour, .count, .second, nil]
        for unit in others {
            let v = ScaledValue(raw: 41_235, scaler: -1, unit: unit)
            #expect(EnergyUnit.kwh.convert(v) == v, "\(String(describing: unit))")
            #expect(EnergyUnit.mwh.convert(v) == v, "\(String(describing: unit))")
            #expect(!EnergyUnit.mwh.converts(unit, scaler: 0))
        }
        #expect(EnergyUnit.kwh.converts(Self.wh, scaler: 0) && EnergyUnit.mwh.converts(Self.varh, scaler: 0))
        #expect(!EnergyUnit.wh.converts(Self.wh, scaler: 0), "Wh is the device's own")
    }

    /// A map may give a scaler far outside what devices send: lowered past −128 it
    /// cannot be carried, and the value (and its column's title) stays in Wh — never a trap.
    @Test func aScalerThatCannotGoLowerStaysInWh() {
        #expect(EnergyUnit.kwh.converts(Self.wh, scaler: -125))
        #expect(EnergyUnit.kwh.convert(ScaledValue(raw: 1, scaler: -125, unit: Self.wh)).scaler == -128)
        #expect(!EnergyUnit.kwh.converts(Self.wh, scaler: -126))
        #expect(!EnergyUnit.mwh.converts(Self.wh, scaler: -123))
        let deep = ScaledValue(raw: .min, scaler: .min, unit: Self.wh)
        #expect(EnergyUnit.mwh.convert(deep) == deep)
        #expect(EnergyUnit.mwh.convert(ScaledValue(raw: .max, scaler: .max, unit: Self.wh)).scaler == 121)
    }

    /// The largest long64-unsigned is refused when a profile is decoded (ModelError), so
    /// the conversion only ever sees Int64; Int64.max as a long64-unsigned is taken.
    @Test func theLargestUnsignedReadingIsRefusedBeforeItIsShown() throws {
        #expect(throws: ModelError.self) { try DLMSData.long64Unsigned(.max).signedValue("energy") }
        #expect(try DLMSData.long64Unsigned(UInt64(Int64.max)).signedValue("energy") == .max)
    }

    @Test func theKeyGoesRound() {
        #expect(EnergyUnit.wh.next == .kwh && EnergyUnit.kwh.next == .mwh && EnergyUnit.mwh.next == .wh)
        #expect(EnergyUnit.allCases.map(\.exponent) == [0, 3, 6])
        #expect(EnergyUnit(rawValue: "kwh") == .kwh, "kept by this name in the user's settings")
    }
}
