import TextSafety
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Foundation
import Operations

/// `hlmcs info LINK`: concentrator information (SPEC.md F-30, F-31, F-37) in one
/// GET-with-list (`Concentrator.readInfo()`): serial number, model, firmware,
/// manufacturer, hardware, logical device name and addresses, RS-485 speed, meter counts,
/// clock and time zone, backup battery. Items the device refuses are left out.
struct InfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Concentrator information (F-30, F-31, F-37).")
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await DeviceRun.run(global, link: link, actions: [.info], target: "") { run in
            let info = try await run.concentrator.readInfo()
            let s = run.strings
            var items: [(key: String, label: String, text: String, json: Any)] = []
            func add(_ key: String, _ label: String, _ text: String?, _ json: Any? = nil) {
                if let text { items.append((key, label, OutsideText.forTerminal(text, limit: nil), json ?? text)) }
            }
            add("serial-number", s.infoLabel("serial-number"), info.serialNumber)
            add("model", s.infoLabel("model"), info.model)
            add("firmware-version", s.infoLabel("firmware-version"), info.firmwareVersion)
            add("manufacturer", s.infoLabel("manufacturer"), info.manufacturer)
            add("hardware-version", s.infoLabel("hardware-version"), info.hardwareVersion)
            add("logical-device-name", s["cli.info.logicalDeviceName"], info.logicalDeviceNameText)
            add("logical-address", s.infoLabel("logical-address"), info.logicalAddressRS485.map(String.init), info.logicalAddressRS485.map { Int($0) })
            add("logical-address-optical", s["cli.info.logicalAddressOptical"],
                info.logicalAddressOptical.map(String.init), info.logicalAddressOptical.map { Int($0) })
            add("rs485-baud", s["cli.info.rs485Speed"], info.rs485Baud.map(String.init), info.rs485Baud)
            if let counts = info.meterCounts {
                add("meter-counts", s.infoLabel("meter-counts"), "\(counts.configured) / \(counts.online) / \(counts.blacklisted)",
                    ["configured": counts.configured, "online": counts.online, "blacklisted": counts.blacklisted])
            }
            add("clock", s["cli.info.clock"], info.clock.flatMap(ValueText.iso8601))
            add("time-zone", s["cli.info.timeZone"], info.timeZone.map {
                let zone = TimeZoneRule.text(-Int($0), .short)
                return info.timeZoneSignKnown ? zone : s["cli.info.timeZoneSignUnknown", zone]
            })
            add("battery-use-time", s.infoLabel("battery-use-time"), info.batteryUseTime.map { $0.text() },
                info.batteryUseTime.map(\.decimalValue))
            add("battery-voltage", s.infoLabel("battery-voltage"), info.batteryVoltage.map { $0.text(decimalSeparator: s.ru ? "," : ".") + ($0.unit.flatMap(s.unitSymbol).map { " " + $0 } ?? "") },
                info.batteryVoltage.map(\.decimalValue))
            // Roles the device lacks are named, never left out silently; the map in use too.
            var lacking: [String] = []
            for item in info.lacking where !lacking.contains(item.location.object) { lacking.append(item.location.object) }
            let mapName = await run.concentrator.active.name
            if run.context.options.json {
                var json = Dictionary(uniqueKeysWithValues: items.map { ($0.key, $0.json) })
                json["lacking"] = lacking
                json["map"] = mapName
                json["time-zone-sign-known"] = info.timeZoneSignKnown
                // Numbers as numbers; their units in fields of their own (issue 20 item 9).
                json["battery-use-time-unit"] = info.batteryUseTime?.unit?.symbol
                json["battery-voltage-unit"] = info.batteryVoltage?.unit?.symbol
                if let zone = info.timeZone { json["time-zone-minutes-east"] = -Int(zone) }
                run.context.emit(text: "", json: json)
            } else {
                for item in items { Output.line(item.label + ": " + item.text) }
                if !lacking.isEmpty { Output.line(s["cli.info.lacking", lacking.map(s.roleName).joined(separator: ", ")]) }
                Output.line(s["cli.info.map", OutsideText.forTerminal(mapName, limit: 64)])
            }
        }
    }
}
