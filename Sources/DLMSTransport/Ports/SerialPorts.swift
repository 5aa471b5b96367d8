import Glibc

/// Finds the serial ports of this machine (Linux): `/dev/ttyUSB*` (USB serial adapters,
/// most RS-485 converters and optical heads), `/dev/ttyACM*` (USB CDC) and `/dev/ttyS*`
/// (on-board UARTs; those the kernel knows have no UART, sysfs `type` 0, are left out),
/// with their `/dev/serial/by-id` names, the USB ids and strings from sysfs, and whether
/// the user may open them.
///
/// ```swift
/// for port in SerialPorts.list() { print(port.path, port.byID ?? "", port.accessible) }
/// // a fake tree in tests:
/// SerialPorts(devRoot: tmp + "/dev", sysRoot: tmp + "/sys").ports()
/// ```
public struct SerialPorts: Sendable {
    /// Where the device nodes are (`/dev`).
    public var devRoot: String
    /// Where sysfs is (`/sys`): ports are described by `<sysRoot>/class/tty/<name>/device`.
    public var sysRoot: String

    public init(devRoot: String = "/dev", sysRoot: String = "/sys") {
        self.devRoot = devRoot; self.sysRoot = sysRoot
    }

    /// The ports of this machine.
    public static func list() -> [SerialPortInfo] { SerialPorts().ports() }

    static let prefixes = ["ttyUSB", "ttyACM", "ttyS"]

    /// The ports under ``devRoot``, USB first, each kind in number order.
    public func ports() -> [SerialPortInfo] {
        let names = Self.directory(devRoot).compactMap { name -> (Int, Int, String)? in
            for (rank, prefix) in Self.prefixes.enumerated() where name.hasPrefix(prefix) {
                guard let number = Int(name.dropFirst(prefix.count)) else { return nil }
                return (rank, number, name)
            }
            return nil
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        let byID = byIDLinks()
        var result: [SerialPortInfo] = []
        for (rank, _, name) in names {
            let path = devRoot + "/" + name
            let sys = sysRoot + "/class/tty/" + name
            // An 8250 line without a UART behind it (PORT_UNKNOWN): not a port.
            if Self.prefixes[rank] == "ttyS", Self.readAttribute(sys + "/type") == "0" { continue }
            var info = SerialPortInfo(path: path, accessible: access(path, R_OK | W_OK) == 0)
            info.byID = byID[Self.resolved(path)]
            if let usb = usbDevice(of: sys + "/device") {
                info.vendorID = Self.readAttribute(usb + "/idVendor")
                info.productID = Self.readAttribute(usb + "/idProduct")
                info.product = Self.readAttribute(usb + "/product")
                info.manufacturer = Self.readAttribute(usb + "/manufacturer")
            }
            result.append(info)
        }
        return result
    }

    /// Resolved device path → by-id link path (the first by name when several point to one).
    func byIDLinks() -> [String: String] {
        let folder = devRoot + "/serial/by-id"
        var map: [String: String] = [:]
        for name in Self.directory(folder).sorted() {
            let link = folder + "/" + name
            let target = Self.resolved(link)
            if map[target] == nil { map[target] = link }
        }
        return map
    }

    /// The USB device above a tty's `device` link: the nearest folder with `idVendor`,
    /// looking at most four levels up (ttyACM: the interface's parent; ttyUSB: the
    /// usb-serial port's interface's parent).
    func usbDevice(of deviceLink: String) -> String? {
        var folder = Self.resolved(deviceLink)
        guard Self.exists(folder) else { return nil }
        for _ in 0..<5 {
            if Self.exists(folder + "/idVendor") { return folder }
            guard let slash = folder.lastIndex(of: "/"), slash != folder.startIndex else { return nil }
            folder = String(folder[..<slash])
            guard folder.hasPrefix(Self.resolved(sysRoot)) else { return nil }
        }
        return nil
    }

    // MARK: - File system

    static func directory(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// The path with every symlink resolved (realpath(3)); the path itself when it cannot be.
    static func resolved(_ path: String) -> String {
        guard let p = realpath(path, nil) else { return path }
        defer { free(p) }
        return String(cString: p)
    }

    /// A sysfs attribute's text without the trailing newline; nil when missing or empty.
    static func readAttribute(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n], as: UTF8.self)
            .trimmingCharacters(in: " \n\r\t")
        return text.isEmpty ? nil : text
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let drop: (Character) -> Bool = { set.contains($0) }
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}
