import Concentrator
import DLMSTransport
import TUICore

/// ConnectionSettings (what the Settings screen edits) ↔ LinkOptions (what the link layer
/// takes). Options the screen does not show (max info, window, address size, trace, map)
/// come from the command line's LINK options and are kept.
enum LinkConversion {
    /// The settings a command line's LINK options preselect.
    static func settings(from options: LinkOptions) -> ConnectionSettings {
        var s = ConnectionSettings()
        switch options.medium {
        case .tcp(let host, let port, let wrapper):
            s.medium = .tcp; s.host = host; s.tcpPort = Int(port); s.wrapper = wrapper
        case .serial(let path, let baud):
            s.medium = .serial; s.port = path; s.baud = baud
        case .optical(let path):
            s.medium = .optical; s.port = path
        }
        s.dataBits = options.dataBits
        s.stopBits = options.stopBits
        s.parity = switch options.parity { case .none: .none; case .even: .even; case .odd: .odd }
        s.security = options.security == .lls ? .lls : .nls
        s.clientSAP = options.clientSAP.map(Int.init)
        s.serverAddress = options.serverLower.map(Int.init)
        s.logical = Int(options.logical)
        let (seconds, atto) = options.timeout.components
        s.timeoutSeconds = Double(seconds) + Double(atto) / 1e18
        return s
    }

    /// The link options of `settings`, on top of `base` (the command line's extras). The
    /// demo gets a placeholder medium: only its addresses and security are used.
    static func options(from s: ConnectionSettings, base: LinkOptions?) -> LinkOptions {
        let medium: LinkOptions.Medium
        switch s.medium {
        case .demo: medium = .tcp(host: "127.0.0.1", port: 1, wrapper: false)
        case .tcp: medium = .tcp(host: s.host, port: UInt16(clamping: s.tcpPort), wrapper: s.wrapper)
        case .serial: medium = .serial(path: s.port, baud: s.baud)
        case .optical: medium = .optical(path: s.port)
        }
        var o = base ?? LinkOptions(medium: medium)
        o.medium = medium
        o.security = s.security == .lls ? .lls : .nls
        o.clientSAP = s.clientSAP.map { UInt8(clamping: $0) }
        o.serverLower = s.serverAddress.map { UInt16(clamping: $0) }
        o.logical = UInt16(clamping: s.logical)
        o.timeout = .milliseconds(Int((s.timeoutSeconds * 1000).rounded()))
        o.dataBits = s.dataBits
        o.stopBits = s.stopBits
        o.parity = switch s.parity { case .none: .none; case .even: .even; case .odd: .odd }
        return o
    }
}
