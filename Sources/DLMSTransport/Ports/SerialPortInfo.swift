/// One serial port as `hlmcs ports` shows it (SPEC.md F-06).
public struct SerialPortInfo: Sendable, Hashable {
    /// The device, e.g. `/dev/ttyUSB0`.
    public var path: String
    /// Its stable name under `/dev/serial/by-id` (the whole path of the link), when udev made one,
    /// e.g. `/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0`.
    public var byID: String?
    /// USB ids from sysfs, four hex digits (`0403`, `6001`); nil for a port that is not USB.
    public var vendorID: String?
    public var productID: String?
    /// USB strings from sysfs (`FT232R USB UART`, `FTDI`).
    public var product: String?
    public var manufacturer: String?
    /// The user may open it for reading and writing (access(2) `R_OK | W_OK`); false on
    /// Linux usually means "not in the `dialout` group".
    public var accessible: Bool

    public init(path: String, byID: String? = nil, vendorID: String? = nil, productID: String? = nil,
                product: String? = nil, manufacturer: String? = nil, accessible: Bool) {
        self.path = path; self.byID = byID; self.vendorID = vendorID; self.productID = productID
        self.product = product; self.manufacturer = manufacturer; self.accessible = accessible
    }
}
