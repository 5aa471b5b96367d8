import DLMS

/// What became of one write: the device took it (the value read back is the value
/// written), refused it (its Data-Access-Result), or answered success but reads back
/// something else.
public enum WriteOutcome: Equatable, Sendable {
    case accepted
    case refused(DataAccessResult)
    case notTaken(readBack: GetDataResult)
}
