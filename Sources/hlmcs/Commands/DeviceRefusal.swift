import DLMS

/// What the device refused, found by a command (exit status 1).
enum DeviceRefusal: Error, Equatable {
    case writeRefused(attribute: String, DataAccessResult)
    case readRefused(attribute: String, DataAccessResult)
    /// The write was accepted, but the value read back differs.
    case notAccepted(attribute: String, wrote: String, readsBack: String)
}
