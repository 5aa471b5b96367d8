import Foundation
import Testing
@testable import DLMSTransport

/// `hlmcs ports` discovery against a fake /dev and /sys built in a temporary folder,
/// shaped like a Linux machine with an FTDI RS-485 adapter (ttyUSB0, by-id link), a CDC
/// optical head (ttyACM0), an on-board UART (ttyS0), a phantom 8250 line (ttyS1,
/// sysfs type 0) and a node that cannot be opened (dangling link, so the check holds
/// even for root, whom access(2) lets read and write any file).
@Suite struct SerialPortsTests {
    final class Tree {
        let root: String
        var dev: String { root + "/dev" }
        var sys: String { root + "/sys" }
        let fm = FileManager.default

        init() throws {
            root = NSTemporaryDirectory() + "hlmcs-ports-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        func file(_ path: String, _ text: String = "") throws {
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        func link(_ path: String, to target: String) throws {
            try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try fm.createSymbolicLink(atPath: path, withDestinationPath: target)
        }
        func folder(_ path: String) throws { try fm.createDirectory(atPath: path, withIntermediateDirectories: true) }

        /// A USB device folder with its attributes (as sysfs shows them: newline-terminated).
        func usbDevice(_ path: String, vendor: String, product: String, name: String?, maker: String?) throws {
            try file(path + "/idVendor", vendor + "\n")
            try file(path + "/idProduct", product + "\n")
            if let name { try file(path + "/product", name + "\n") }
            if let maker { try file(path + "/manufacturer", maker + "\n") }
        }
    }

    static func makeMachine() throws -> Tree {
        let t = try Tree()
        for name in ["ttyUSB0", "ttyACM0", "ttyS0", "ttyS1", "ttyS10", "tty0", "ttyprintk", "null"] {
            try t.file(t.dev + "/" + name)
        }
        try t.link(t.dev + "/ttyUSB1", to: t.dev + "/gone")               // cannot be opened
        try t.link(t.dev + "/serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0", to: "../../ttyUSB0")
        try t.link(t.dev + "/serial/by-id/usb-Optical_Probe_0001-if00", to: "../../ttyACM0")
        // sysfs: ttyUSB's device is the usb-serial port below the interface below the USB device.
        let usb1 = t.sys + "/devices/pci0000:00/0000:00:14.0/usb1/1-2"
        try t.usbDevice(usb1, vendor: "0403", product: "6001", name: "FT232R USB UART", maker: "FTDI")
        try t.folder(usb1 + "/1-2:1.0/ttyUSB0")
        try t.link(t.sys + "/class/tty/ttyUSB0/device", to: usb1 + "/1-2:1.0/ttyUSB0")
        // ttyACM's device is the interface itself; no manufacturer string.
        let usb2 = t.sys + "/devices/pci0000:00/0000:00:14.0/usb1/1-3"
        try t.usbDevice(usb2, vendor: "2341", product: "0043", name: "Optical Probe", maker: nil)
        try t.folder(usb2 + "/1-3:1.0")
        try t.link(t.sys + "/class/tty/ttyACM0/device", to: "../../../devices/pci0000:00/0000:00:14.0/usb1/1-3/1-3:1.0")
        // ttyS0: a 16550A UART on the platform bus; ttyS1: no UART (type 0); ttyS10: no sysfs at all.
        try t.file(t.sys + "/class/tty/ttyS0/type", "4\n")
        try t.folder(t.sys + "/devices/platform/serial8250")
        try t.link(t.sys + "/class/tty/ttyS0/device", to: t.sys + "/devices/platform/serial8250")
        try t.file(t.sys + "/class/tty/ttyS1/type", "0\n")
        return t
    }

    @Test func listsPortsWithByIDNamesAndUSBStrings() throws {
        let t = try Self.makeMachine()
        let ports = SerialPorts(devRoot: t.dev, sysRoot: t.sys).ports()
        #expect(ports.map(\.path) == ["ttyUSB0", "ttyUSB1", "ttyACM0", "ttyS0", "ttyS10"].map { t.dev + "/" + $0 })
        #expect(ports[0] == SerialPortInfo(
            path: t.dev + "/ttyUSB0", byID: t.dev + "/serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0",
            vendorID: "0403", productID: "6001", product: "FT232R USB UART", manufacturer: "FTDI", accessible: true))
        #expect(ports[1] == SerialPortInfo(path: t.dev + "/ttyUSB1", accessible: false))
        #expect(ports[2] == SerialPortInfo(
            path: t.dev + "/ttyACM0", byID: t.dev + "/serial/by-id/usb-Optical_Probe_0001-if00",
            vendorID: "2341", productID: "0043", product: "Optical Probe", manufacturer: nil, accessible: true))
        #expect(ports[3] == SerialPortInfo(path: t.dev + "/ttyS0", accessible: true))
        #expect(ports[4] == SerialPortInfo(path: t.dev + "/ttyS10", accessible: true))
    }

    @Test func numbersSortAsNumbers() throws {
        let t = try Tree()
        for n in [10, 2, 1] { try t.file(t.dev + "/ttyUSB\(n)") }
        try t.file(t.dev + "/ttyUSBx")
        let paths = SerialPorts(devRoot: t.dev, sysRoot: t.sys).ports().map(\.path)
        #expect(paths == [1, 2, 10].map { t.dev + "/ttyUSB\($0)" })
    }

    @Test func emptyOrMissingRootsGiveNoPorts() throws {
        let t = try Tree()
        #expect(SerialPorts(devRoot: t.dev, sysRoot: t.sys).ports().isEmpty)
        #expect(SerialPorts(devRoot: t.root + "/nothing", sysRoot: t.root + "/nothing").ports().isEmpty)
    }

    @Test func realMachineListingHasOnlySerialNames() {
        // Whatever this machine has: every entry is one of the three kinds under /dev.
        for port in SerialPorts.list() {
            let name = port.path.dropFirst("/dev/".count)
            #expect(port.path.hasPrefix("/dev/"))
            #expect(["ttyUSB", "ttyACM", "ttyS"].contains { name.hasPrefix($0) })
        }
    }
}
