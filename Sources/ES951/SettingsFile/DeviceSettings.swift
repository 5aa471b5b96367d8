import Foundation
/// The writable settings a `.set` file carries (SPEC F-60): each optional, so a person
/// may delete the lines they do not want written. Never the serial number, the MAC or a
/// password; not the DPD user either (the device writes user and password together, and
/// the password is never in a file).
public struct DeviceSettings: Equatable, Sendable {
    public var rs485Baud: Int?
    /// Minutes east of UTC (+180 = UTC+3); the device stores the opposite sign.
    public var timeZoneMinutesEast: Int?
    public var apn: String?
    /// `.some(nil)`: no server (an empty line).
    public var primaryServer: ServerEndpoint??
    public var backupServer: ServerEndpoint??
    /// Seconds, as the device keeps them; the file writes minutes, `m:ss` when there
    /// are seconds too (`3`, `1:30`).
    public var heartbeatSeconds: Int?
    public var dhcp: Bool?
    public var ip: IPv4Address?
    public var mask: IPv4Address?
    public var gateway: IPv4Address?
    public var dns1: IPv4Address?
    public var dns2: IPv4Address?
    public var tcpPort: UInt16?

    public init() {}

    /// One setting: its key in the file, in the order files list them.
    public enum Key: String, CaseIterable, Sendable, Hashable {
        case rs485Speed = "rs485.speed"
        case timeZone = "clock.time-zone"
        case apn = "gprs.apn"
        case primaryServer = "gprs.primary-server"
        case backupServer = "gprs.backup-server"
        case heartbeat = "gprs.heartbeat-minutes"
        case dhcp = "ip.dhcp"
        case ip = "ip.address"
        case mask = "ip.mask"
        case gateway = "ip.gateway"
        case dns1 = "ip.dns1"
        case dns2 = "ip.dns2"
        case tcpPort = "ip.tcp-port"
    }

    /// The keys that have a value.
    public var keys: [Key] { Key.allCases.filter { text(of: $0) != nil } }

    /// The value of `key` as the file writes it, nil when absent.
    public func text(of key: Key) -> String? {
        switch key {
        case .rs485Speed: rs485Baud.map(String.init)
        case .timeZone: timeZoneMinutesEast.map { TimeZoneRule.text($0) }
        case .apn: apn
        case .primaryServer: primaryServer.map { $0?.description ?? "" }
        case .backupServer: backupServer.map { $0?.description ?? "" }
        case .heartbeat: heartbeatSeconds.map { HeartbeatInterval.text($0) }
        case .dhcp: dhcp.map { $0 ? "on" : "off" }
        case .ip: ip?.description
        case .mask: mask?.description
        case .gateway: gateway?.description
        case .dns1: dns1?.description
        case .dns2: dns2?.description
        case .tcpPort: tcpPort.map(String.init)
        }
    }
}
