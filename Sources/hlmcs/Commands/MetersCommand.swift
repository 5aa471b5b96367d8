import Accounts
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Export
import Foundation

/// `hlmcs meters LINK [--status] [--csv FILE]` (SPEC.md F-35): the meter list, read a
/// page at a time (entry selective access); `--status` adds each meter's poll status.
struct MetersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "meters", abstract: "The meter list (F-35), optionally with poll status.")
    @Flag(name: .long, help: "Add each meter's poll status (state, last good and failed poll, failures).") var status = false
    @OptionGroup var csv: CSVArguments
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var format = CSVFormat.english
        let actions: [Action] = csv.csv == nil ? [.meters] : [.meters, .csvExport]
        try await DeviceRun.run(global, link: link, actions: actions, target: "", validate: { context in
            format = try csv.format(context)
        }) { run in
            let read = { () async throws -> TableOutput in
                let meters = try await run.concentrator.readMeters(pageSize: 50)
                let statuses = status ? try await run.concentrator.readPollStatus(pageSize: 50) : []
                return Self.output(meters, statuses: status ? statuses : nil, run.strings)
            }
            if let path = csv.csv {
                let output = try await TableOutput.writeCSV(path, format: format, read)
                run.context.emit(text: run.strings.wroteCSV(path, rows: output.table.rows.count),
                                 json: ["ok": true, "file": path, "rows": output.table.rows.count])
            } else {
                try await read().emit(run.context)
            }
        }
    }

    static func output(_ meters: [MeterRecord], statuses: [PollStatus]?, _ s: Strings) -> TableOutput {
        var keys = ["point", "serial", "address", "short-address", "type", "tariff-mode", "power-limit"]
        var header = [s.t("Point", "Точка"), s.t("Meter number", "Номер счётчика"), s.t("Address", "Адрес"),
                      s.t("PLC short address", "Короткий адрес PLC"), s.t("Type", "Тип"), s.t("Tariff mode", "Тарифный режим"),
                      s.t("Power limit", "Лимит мощности") + (s.unitSymbol(.watt).map { " (\($0))" } ?? "")]
        if statuses != nil {
            keys += ["state", "last-good-poll", "last-failed-poll", "failed-polls"]
            header += [s.t("State", "Состояние"), s.t("Last good poll", "Последний успешный опрос"),
                       s.t("Last failed poll", "Последний неудачный опрос"), s.t("Failed polls", "Неудачных опросов")]
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

    static func kindName(_ kind: MeterRecord.Kind, _ s: Strings) -> String {
        switch kind {
        case .singlePhase: s.t("single-phase", "однофазный")
        case .threePhase: s.t("three-phase", "трёхфазный")
        case .other(let code): String(code)
        }
    }

    static func stateName(_ state: PollStatus.State, _ s: Strings) -> String {
        switch state {
        case .unknown: s.t("unknown", "неизвестно")
        case .online: s.t("online", "на связи")
        case .blacklisted: s.t("blacklisted", "в чёрном списке")
        case .other(let code): String(code)
        }
    }
}
