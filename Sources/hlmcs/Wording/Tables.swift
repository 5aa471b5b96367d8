import DLMS
import ES951
import Export
import Foundation
import Operations

/// Rows for people, scripts and Excel from one description: the commands print it as
/// text (tab-separated with a header) or JSON lines (`keys` as names); the commands and
/// the TUI write it as a CSV file.
struct TableOutput {
    var keys: [String]
    var table: CSVTable
}

/// The tables of the data the device gives: a profile (F-40), the event log (F-50), the
/// meter list (F-35) — the same columns on screen, in JSON and in CSV (F-42).
extension TableOutput {
    /// Oldest first: the rows sorted by their time (rows without one keep their place at the start).
    /// Energy in `energy` (issue 18 item 11: the TUI's choice), exact, the header naming it.
    static func profile(_ table: ProfileTable, _ strings: Strings, energy: EnergyUnit = .wh) -> TableOutput {
        let header = [strings.dateTimeColumn] + table.columns.map { strings.columnName($0, energy: energy) }
        let keys = ["time"] + table.columns.map(\.name)
        let rows = table.rows.enumerated().sorted { a, b in
            let x = a.element.time?.secondsSince1970() ?? Int64.min, y = b.element.time?.secondsSince1970() ?? Int64.min
            return x != y ? x < y : a.offset < b.offset
        }.map { _, row -> [CSVCell] in
            [row.time.map(CSVCell.dateTime) ?? .empty] + row.values.map { cell -> CSVCell in
                switch cell {
                case .number(let value): .number(energy.convert(value))
                case .dateTime(let value): value.map(CSVCell.dateTime) ?? .empty
                case .text(let text): .text(text)
                case .other(let data): .text(ValueText.text(data))
                }
            }
        }
        return TableOutput(keys: keys, table: CSVTable(header: header, rows: rows))
    }

    /// The grid event log, oldest first, each event named in the user's language.
    static func events(_ records: [EventRecord], _ strings: Strings) -> TableOutput {
        let sorted = records.enumerated().sorted { a, b in
            let x = a.element.time?.secondsSince1970() ?? Int64.min, y = b.element.time?.secondsSince1970() ?? Int64.min
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        let rows = sorted.map { record -> [CSVCell] in
            // A code the catalogue lacks is named as the TUI names it, never left blank.
            let name = (strings.ru ? record.russianName : record.englishName)
                ?? strings["tables.events.unknown", String(record.code)]
            return [record.time.map(CSVCell.dateTime) ?? .empty, .integer(Int64(record.code)), .text(name)]
        }
        return TableOutput(keys: ["time", "code", "event"],
                           table: CSVTable(header: [strings.dateTimeColumn, strings["tables.events.code"], strings["tables.events.event"]], rows: rows))
    }

    static func meters(_ meters: [MeterRecord], statuses: [PollStatus]?, _ s: Strings) -> TableOutput {
        var keys = ["point", "serial", "address", "short-address", "type", "tariff-mode", "power-limit"]
        var header = [s["tables.meters.point"], s["tables.meters.meterNumber"], s["tables.meters.address"],
                      s["tables.meters.plcShortAddress"], s["tables.meters.type"], s["tables.meters.tariffMode"],
                      s["tables.meters.powerLimit"] + (s.unitSymbol(.watt).map { " (\($0))" } ?? "")]
        if statuses != nil {
            keys += ["state", "last-good-poll", "last-failed-poll", "failed-polls"]
            header += [s["tables.meters.state"], s["tables.meters.lastGoodPoll"],
                       s["tables.meters.lastFailedPoll"], s["tables.meters.failedPolls"]]
        }
        let byPoint = Dictionary((statuses ?? []).map { ($0.point, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = meters.sorted { $0.point < $1.point }.map { meter -> [CSVCell] in
            var row: [CSVCell] = [.integer(Int64(meter.point)), .text(meter.serial), .text(meter.addressText),
                                  .integer(Int64(meter.shortAddress)), .text(kindName(meter.kind, s)),
                                  .integer(Int64(meter.tariffMode)), .number(meter.powerLimit)]
            if statuses != nil {
                if let st = byPoint[meter.point] {
                    row += [.text(stateName(st.state, s)), st.lastGoodPoll.map(CSVCell.dateTime) ?? .empty,
                            st.lastFailedPoll.map(CSVCell.dateTime) ?? .empty, .integer(Int64(st.failedPolls))]
                } else {
                    row += [.empty, .empty, .empty, .empty]
                }
            }
            return row
        }
        return TableOutput(keys: keys, table: CSVTable(header: header, rows: rows))
    }

    /// A СПОДУС meter list: place, meter id, model, channels (`id:address` in hex).
    static func listedMeters(_ meters: [ListedMeter], _ s: Strings) -> TableOutput {
        let keys = ["position", "meter-id", "model", "channels"]
        let header = [s["tables.meters.position"], s["tables.meters.meterId"], s["tables.meters.model"], s["tables.meters.channels"]]
        let rows = meters.map { m -> [CSVCell] in
            [.integer(Int64(m.position)), .text(m.id), .text(m.model), .text(m.channelsText)]
        }
        return TableOutput(keys: keys, table: CSVTable(header: header, rows: rows))
    }

    static func kindName(_ kind: MeterRecord.Kind, _ s: Strings) -> String {
        switch kind {
        case .singlePhase: s["tables.meterKind.singlePhase"]
        case .threePhase: s["tables.meterKind.threePhase"]
        case .other(let code): String(code)
        }
    }

    static func stateName(_ state: PollStatus.State, _ s: Strings) -> String {
        switch state {
        case .unknown: s["tables.pollState.unknown"]
        case .online: s["tables.pollState.online"]
        case .blacklisted: s["tables.pollState.blacklisted"]
        case .other(let code): String(code)
        }
    }
}

/// Column names people read, in their language.
extension Strings {
    var dateTimeColumn: String { self["tables.column.dateTime"] }

    /// `A+ (Wh)`, `A+ (kWh)`: the map's column name as SPEC.md F-42 names it, with the
    /// unit, energy in `energy`.
    func columnName(_ column: ProfileTable.Column, energy: EnergyUnit = .wh) -> String {
        let base: String = switch column.name {
        case "active-energy-import": "A+"
        case "active-energy-export": "A−"
        case "reactive-energy-import": "R+"
        case "reactive-energy-export": "R−"
        case "active-max-demand": self["tables.column.pMax"]
        case "reactive-max-demand": self["tables.column.qMax"]
        case "active-max-demand.capture-time", "reactive-max-demand.capture-time": self["tables.column.timeOfMax"]
        default: column.name
        }
        guard let unit = column.unit else { return base }
        let scaled = energy.converts(unit, scaler: column.scaler) ? energySymbol(unit, energy) : nil
        guard let symbol = scaled ?? unitSymbol(unit) else { return base }
        return base + " (" + symbol + ")"
    }

    /// `kWh`, `МВт·ч`: energy in kWh or MWh in the language's words (the TUI's, `data.unit.*`).
    func energySymbol(_ unit: DLMSUnit, _ energy: EnergyUnit) -> String? { catalogue.energySymbol(unit, energy) }

    /// The symbol as people of the language write it: the terminal UI's words (`data.unit.*`).
    func unitSymbol(_ unit: DLMSUnit) -> String? {
        guard ru else { return unit.symbol }
        switch unit.rawValue {
        case 27: return self["data.unit.27"]
        case 29: return self["data.unit.29"]
        case 30: return self["data.unit.30"]
        case 32: return self["data.unit.32"]
        case 35: return self["data.unit.35"]
        case 7: return self["data.unit.7"]
        default: return unit.symbol
        }
    }

    func badSeparator(_ text: String) -> String { self["tables.badSeparator", text.debugDescription] }
    func badDecimal(_ text: String) -> String { self["tables.badDecimal", text.debugDescription] }
    func wroteCSV(_ path: String, rows: Int) -> String {
        rows == 1 ? self["tables.wroteCSV.one", String(rows), path] : self["tables.wroteCSV", String(rows), path]
    }
}

