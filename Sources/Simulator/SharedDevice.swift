import DLMS

/// The one ``ServerApplication`` (and so the one ``DeviceState``) that every connection
/// of a running simulator shares, behind an actor: requests from several TCP clients are
/// served one at a time, each against its own association.
public actor SharedDevice {
    public private(set) var application: ServerApplication
    private var nextConnection = 0

    public init(_ application: ServerApplication) { self.application = application }

    /// A fresh connection number.
    public func newConnection() -> Int {
        nextConnection += 1
        return nextConnection
    }

    /// Answers one request APDU; also returns the log line of what was served.
    public func handle(_ apdu: [UInt8], client: UInt16, now: HostTime, connection: Int) -> ([UInt8], ServerApplication.Summary?) {
        let answer = application.handle(apdu, client: client, now: now, connection: connection)
        return (answer, application.lastSummary)
    }

    public func disconnected(connection: Int) { application.disconnected(connection: connection) }

    /// The address new links answer at (it follows the serial number).
    public var logicalAddress: UInt16 { application.device.logicalAddress }
}
