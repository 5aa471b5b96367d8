import ArgumentParser
import DLMS
import ES951
import Foundation

/// `hlmcs info LINK`: concentrator information (SPEC.md F-30, F-31, F-37) in one
/// GET-with-list: serial number, model, firmware, manufacturer, hardware, logical
/// address, meter counts, backup battery.
struct InfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Concentrator information.")
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    /// Each item: a stable key (JSON), and where it is.
    static let items: [(key: String, object: String, attribute: Int8)] = [
        ("serial-number", "serial-number", 2), ("model", "model", 2), ("firmware-version", "firmware-version", 2),
        ("manufacturer", "manufacturer", 2), ("hardware-version", "hardware-version", 2),
        ("logical-address", "hdlc-rs485", 9), ("meter-counts", "meter-counts", 2),
        ("battery-use-time", "battery-use-time", 2), ("battery-voltage", "battery-voltage", 2),
        ("battery-voltage-scaler-unit", "battery-voltage", 3),
    ]

    func run() async throws {
        try await DeviceRun.run(global, link: link, actions: [.info], target: "") { run in
            let present = Self.items.compactMap { item in
                run.map.object(named: item.object).map { (item.key, $0.descriptor(item.attribute)) }
            }
            let results = try await run.concentrator.get(present.map(\.1))
            var values: [String: DLMSData] = [:]
            for ((key, _), result) in zip(present, results) { if case .data(let d) = result { values[key] = d } }
            for ((key, descriptor), result) in zip(present, results) where key != "battery-voltage-scaler-unit" {
                var shown: String
                switch result {
                case .data(let data):
                    shown = ValueText.text(data)
                    if key == "battery-voltage", case .structure(let su)? = values["battery-voltage-scaler-unit"], su.count == 2,
                       case .integer(let scaler) = su[0], case .enumerated(let unit) = su[1], let raw = Self.integer(data) {
                        shown = ScaledValue(raw: raw, scaler: scaler, unit: DLMSUnit(unit)).description
                    }
                    if key == "meter-counts", case .structure(let counts) = data, counts.count == 3 {
                        shown = counts.map(ValueText.text).joined(separator: " / ")
                    }
                case .error(let reason):
                    shown = run.strings.readRefusedShort(Strings.dataAccessResultName(reason))
                }
                run.context.emit(text: run.strings.infoLabel(key) + ": " + shown,
                                 json: ["item": key, "attribute": descriptor.description, "value": shown])
            }
        }
    }

    static func integer(_ data: DLMSData) -> Int64? {
        switch data {
        case .longUnsigned(let v): Int64(v)
        case .doubleLongUnsigned(let v): Int64(v)
        case .unsigned(let v): Int64(v)
        case .long(let v): Int64(v)
        case .doubleLong(let v): Int64(v)
        default: nil
        }
    }
}
