import Accounts
import ArgumentParser
import DLMSTransport
import Foundation

/// `hlmcs ports` (SPEC.md F-06): the serial ports of this machine with their
/// `/dev/serial/by-id` names and USB adapter names, and whether the user may open them
/// (with the `dialout` hint when not). Needs a login only.
struct PortsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ports", abstract: "Serial ports with adapter names (F-06).")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try CommandContext.run(global) { context in
            let (session, _) = try context.login()
            try context.store.authorize(session, .ports, now: Date())
            let ports = SerialPorts.list()
            let s = context.strings
            if ports.isEmpty && !context.options.json { Output.line(s.noPorts) }
            for port in ports {
                let adapter = [port.manufacturer, port.product].compactMap { $0 }.joined(separator: " ")
                let ids = port.vendorID.map { "\($0):\(port.productID ?? "????")" }
                var text = port.path
                if let byID = port.byID { text += "\t" + byID }
                if !adapter.isEmpty || ids != nil { text += "\t" + [adapter, ids.map { "(\($0))" } ?? ""].filter { !$0.isEmpty }.joined(separator: " ") }
                text += "\t" + (port.accessible ? s["cli.ports.canOpen"] : s.noAccessHint)
                context.emit(text: text, json: [
                    "path": port.path, "by-id": port.byID ?? NSNull(), "vendor-id": port.vendorID ?? NSNull(),
                    "product-id": port.productID ?? NSNull(), "product": port.product ?? NSNull(),
                    "manufacturer": port.manufacturer ?? NSNull(), "accessible": port.accessible])
            }
            if ports.contains(where: { !$0.accessible }) && !context.options.json { Output.line(s.dialoutHint) }
        }
    }
}
