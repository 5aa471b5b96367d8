import Accounts
import ArgumentParser
import Concentrator
import DLMS
import ES951
import Foundation
import Operations

/// `hlmcs ip LINK [--dhcp on|off] [--ip A] [--mask M] [--gateway G] [--dns1 D] [--dns2 D]
/// [--tcp-port N]` (SPEC.md F-34): shows the concentrator's own IP settings, or writes the
/// given ones (validated first, read back, audited).
struct IPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ip", abstract: "The concentrator's IP settings (F-34).")
    @Option(name: .long, help: "on or off.") var dhcp: String?
    @Option(name: .long, help: "IP address.") var ip: String?
    @Option(name: .long, help: "Subnet mask.") var mask: String?
    @Option(name: .long, help: "Gateway.") var gateway: String?
    @Option(name: .long, help: "DNS 1.") var dns1: String?
    @Option(name: .long, help: "DNS 2.") var dns2: String?
    @Option(name: .customLong("tcp-port"), help: "TCP port.") var tcpPort: Int?
    @OptionGroup var link: LinkArguments
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var wanted = IPSettings()
        var changing = Set<IPField>()
        let writes = dhcp != nil || ip != nil || mask != nil || gateway != nil || dns1 != nil || dns2 != nil || tcpPort != nil
        try await DeviceRun.run(global, link: link, actions: writes ? [.ip] : [.info], target: "ip", validate: { context in
            let s = context.strings
            func address(_ text: String?, _ field: IPField, _ set: (IPv4Address) -> Void) throws {
                guard let text else { return }
                guard let value = IPv4Address(text) else { throw CommandFailure(status: .usage, message: s.badAddress(field.rawValue, text)) }
                set(value); changing.insert(field)
            }
            if let dhcp {
                switch dhcp.lowercased() {
                case "on", "true", "yes", "1": wanted.dhcp = true
                case "off", "false", "no", "0": wanted.dhcp = false
                default: throw CommandFailure(status: .usage, message: s.badOnOff(dhcp))
                }
                changing.insert(.dhcp)
            }
            try address(ip, .ip) { wanted.ip = $0 }
            try address(mask, .mask) { wanted.mask = $0 }
            try address(gateway, .gateway) { wanted.gateway = $0 }
            try address(dns1, .dns1) { wanted.dns1 = $0 }
            try address(dns2, .dns2) { wanted.dns2 = $0 }
            if let tcpPort {
                guard let port = UInt16(exactly: tcpPort), port > 0 else { throw CommandFailure(status: .usage, message: s.badPort(tcpPort)) }
                wanted.tcpPort = port; changing.insert(.tcpPort)
            }
            if let issue = wanted.validate(changing).first {
                throw CommandFailure(status: .usage, message: s.invalidField(issue.field.rawValue, issue.reason))
            }
        }) { run in
            if !changing.isEmpty {
                let writes = try await run.op.change(ip: wanted, changing: changing)
                try run.requireAccepted(writes.map(\.outcome), names: writes.map(\.attribute), wrote: "ip " + IPField.allCases.filter(changing.contains).map(\.rawValue).joined(separator: ","))
            }
            let settings = try await run.concentrator.readIP()
            let s = run.strings
            let mac = settings.mac.map { String(format: "%02X", $0) }.joined(separator: ":")
            let lines: [(String, String, Any)] = [
                ("dhcp", "DHCP", settings.dhcp ? "on" : "off"),
                ("ip", s["cli.ip.ipAddress"], settings.ip.description),
                ("mask", s["cli.ip.subnetMask"], settings.mask.description),
                ("gateway", s["cli.ip.gateway"], settings.gateway.description),
                ("dns1", "DNS 1", settings.dns1.description),
                ("dns2", "DNS 2", settings.dns2.description),
                ("mac", "MAC", mac),
                ("tcp-port", s["cli.ip.tcpPort"], Int(settings.tcpPort)),
            ]
            run.context.emit(text: lines.map { "\($0.1): \($0.2)" }.joined(separator: "\n"),
                             json: Dictionary(uniqueKeysWithValues: lines.map { ($0.0, $0.2) }))
        }
    }
}
