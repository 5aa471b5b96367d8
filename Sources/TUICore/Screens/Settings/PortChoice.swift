/// A serial device the runtime found (SPEC.md F-20), offered in the port choice of the
/// connection settings as "path — description".
public struct PortChoice: Hashable, Sendable {
    /// The device path: "/dev/ttyUSB0".
    public var path: String
    /// What the system says the device is: "FTDI FT232R" (may be empty).
    public var description: String

    public init(path: String, description: String) {
        self.path = path
        self.description = description
    }

    /// "/dev/ttyUSB0 — FTDI FT232R", or the path alone when there is no description.
    public var label: String { description.isEmpty ? path : path + " — " + description }
}
