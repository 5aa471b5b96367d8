import DLMS
import ES951

/// How the data pages word a profile (SPEC F-42): column names with units as the CSV
/// header has them (`A+ (Wh)`, `P макс (Вт)`), values with the scaler applied and the
/// language's decimal separator, date-times as `YYYY-MM-DD HH:MM` in the device's time.
/// Energy is shown in the unit the user chose (issue 18 item 11: Wh, kWh or MWh; see
/// ``EnergyUnit``), the title and the values alike.
enum DataText {
    /// `A+ (Wh)`, `A+ (kWh)`: the column's short name and its unit in the interface
    /// language, energy in `energy`.
    static func title(_ column: ProfileTable.Column, _ s: UIStrings, _ energy: EnergyUnit = .wh) -> String {
        let key: String? = switch column.name {
        case "active-energy-import": "data.column.activeImport"
        case "active-energy-export": "data.column.activeExport"
        case "reactive-energy-import": "data.column.reactiveImport"
        case "reactive-energy-export": "data.column.reactiveExport"
        case "active-max-demand": "data.column.activeMax"
        case "reactive-max-demand": "data.column.reactiveMax"
        case "active-max-demand.capture-time", "reactive-max-demand.capture-time": "data.column.timeOfMax"
        default: nil
        }
        let base = key.map { s[$0] } ?? column.name
        guard let unit = column.unit else { return base }
        let scaled = energy.converts(unit, scaler: column.scaler) ? energySymbol(unit, energy, s) : nil
        guard let symbol = scaled ?? unitSymbol(unit, s), !symbol.isEmpty else { return base }
        return base + " (" + symbol + ")"
    }

    static func energySymbol(_ unit: DLMSUnit, _ energy: EnergyUnit, _ s: UIStrings) -> String? {
        s.energySymbol(unit, energy)
    }

    /// The unit as people of the interface language write it (`Вт·ч` in Russian).
    static func unitSymbol(_ unit: DLMSUnit, _ s: UIStrings) -> String? {
        let key = "data.unit.\(unit.rawValue)"
        return s.has(key) ? s[key] : unit.symbol
    }

    /// The key that changes the unit of energy: `u`, and г, the key in its place on a
    /// Russian layout (no field of the Profiles and Meter data pages takes a letter).
    static let unitKeys: Set<Character> = ["u", "U", "\u{0433}", "\u{0413}"]

    /// Whether the table has a column of energy (one the unit key changes).
    static func hasEnergy(_ table: ProfileTable) -> Bool { table.columns.contains { EnergyUnit.isEnergy($0.unit) } }

    /// "," in Russian, "." in English.
    static func decimal(_ s: UIStrings) -> String { s.language == .ru ? "," : "." }

    /// A cell as the table shows it (a number without its unit: the header has it),
    /// energy in `energy`, exact.
    static func cell(_ cell: ProfileTable.Cell, _ s: UIStrings, _ energy: EnergyUnit = .wh) -> String {
        switch cell {
        case .number(let v): energy.convert(v).text(decimalSeparator: decimal(s))
        case .dateTime(let t): dateTime(t)
        case .text(let t): t
        case .other(let d): "\(d)"
        }
    }

    /// `2026-11-25 10:04` from the date-time's own fields (the device's local time), empty
    /// when a field is unspecified — as the CSV writes it.
    static func dateTime(_ value: COSEMDateTime?) -> String {
        guard let d = value?.date, let t = value?.time, d.year != 0xFFFF, (1...12).contains(d.month),
              (1...31).contains(d.dayOfMonth), t.hour < 24, t.minute < 60 else { return "" }
        return pad(Int(d.year), 4) + "-" + pad(Int(d.month), 2) + "-" + pad(Int(d.dayOfMonth), 2)
            + " " + pad(Int(t.hour), 2) + ":" + pad(Int(t.minute), 2)
    }

    /// The date part only: `2026-11-25`.
    static func date(_ value: COSEMDateTime?) -> String { String(dateTime(value).prefix(10)) }

    static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The rows oldest first (SPEC F-42), as `hlmcs profile` orders them: by time, rows
    /// without one first, equal times in the device's order.
    static func oldestFirst(_ table: ProfileTable) -> ProfileTable {
        var sorted = table
        sorted.rows = table.rows.enumerated().sorted { a, b in
            let x = a.element.time?.secondsSince1970() ?? Int64.min, y = b.element.time?.secondsSince1970() ?? Int64.min
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        return sorted
    }

    /// The records oldest first, as `hlmcs events` orders them.
    static func oldestFirst(_ records: [EventRecord]) -> [EventRecord] {
        records.enumerated().sorted { a, b in
            let x = a.element.time?.secondsSince1970() ?? Int64.min, y = b.element.time?.secondsSince1970() ?? Int64.min
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    /// The event's name in the interface language, from the catalogue.
    static func eventName(_ record: EventRecord, _ s: UIStrings) -> String {
        let name = s.language == .ru ? record.russianName : record.englishName
        return name ?? s["data.event.unknown", String(record.code)]
    }

    /// The catalogue's name of `code` in the interface language (nil for a code it lacks).
    static func eventName(code: Int, _ s: UIStrings) -> String? {
        guard let info = catalogue?.event(code) else { return nil }
        return s.language == .ru ? info.russian : info.english
    }

    /// The 63 event codes of В5.1 the program ships with.
    static let catalogue: EventCatalogue? = try? EventCatalogue.builtIn()

    /// The profile's name in the interface language.
    static func profileName(_ choice: ProfileChoice, _ s: UIStrings) -> String { s["data.profile." + choice.rawValue] }
}

extension UIStrings {
    /// `kWh`, `МВт·ч`, `квар·ч`: an energy in kWh or MWh as people of the interface
    /// language write it; nil for Wh (the unit's own words) and for other units. One
    /// place for the TUI's tables and the commands' (`hlmcs` Tables).
    public func energySymbol(_ unit: DLMSUnit, _ energy: EnergyUnit) -> String? {
        switch (energy, unit) {
        case (.kwh, .wattHour): self["data.unit.kwh"]
        case (.mwh, .wattHour): self["data.unit.mwh"]
        case (.kwh, .varHour): self["data.unit.kvarh"]
        case (.mwh, .varHour): self["data.unit.mvarh"]
        default: nil
        }
    }
}
