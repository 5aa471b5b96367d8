/// A server the modem connects to, as the auto connect object (29/0.0.2.1.0.255/6)
/// lists it: an octet-string `ip:port` in ASCII, e.g. `10.0.0.1:5000`.
public struct ServerEndpoint: Hashable, Sendable, CustomStringConvertible, LosslessStringConvertible {
    /// A dotted quad or a host name (letters, digits, `.` and `-`).
    public var host: String
    public var port: UInt16

    public init(host: String, port: UInt16) { self.host = host; self.port = port }

    /// Parses `host:port`: a host of 1…253 characters (dotted quad or name) and a port
    /// 1…65535 in decimal. Nil for anything else.
    public init?(_ text: String) {
        guard let colon = text.utf8.lastIndex(of: UInt8(ascii: ":")) else { return nil }
        let hostPart = text.utf8[..<colon]
        let portPart = text.utf8[text.utf8.index(after: colon)...]
        guard (1...253).contains(hostPart.count), (1...5).contains(portPart.count) else { return nil }
        var port: UInt32 = 0
        for c in portPart {
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            port = port * 10 + UInt32(c - UInt8(ascii: "0"))
        }
        guard port >= 1, port <= 65535 else { return nil }
        for c in hostPart {
            let ok = (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: ".") || c == UInt8(ascii: "-")
            guard ok else { return nil }
        }
        let host = String(decoding: hostPart, as: UTF8.self)
        // All digits and dots: it must then be a valid dotted quad.
        if host.utf8.allSatisfy({ $0 == UInt8(ascii: ".") || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }),
           IPv4Address(host) == nil {
            return nil
        }
        self.init(host: host, port: UInt16(port))
    }

    /// From the octet-string bytes (ASCII).
    public init?(octets: [UInt8]) {
        guard octets.allSatisfy({ $0 < 0x80 }) else { return nil }
        self.init(String(decoding: octets, as: UTF8.self))
    }

    /// `host:port`.
    public var description: String { host + ":" + String(port) }
    /// The octet-string to write.
    public var octets: [UInt8] { Array(description.utf8) }
}
