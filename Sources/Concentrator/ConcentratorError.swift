import DLMS
import DLMSTransport

/// Why a ``Concentrator`` call failed. Structured data only: the text a person reads is
/// built in the application layer, in their language.
public enum ConcentratorError: Error, Equatable, Sendable {
    /// The link or the session failed (no answer, cut line, protocol error).
    case link(DLMSConnectionError)
    /// The device refused to read (or to select the point).
    case refused(DataAccessResult)
    /// The device rejected the association: `.rejectedPermanent, .serviceUser(13)` is a
    /// wrong password, `.serviceUser(1)` an unknown client address.
    case associationRejected(AssociationResult, SourceDiagnostic)
    /// The device answered with a value the map does not allow, or the map lacks what a
    /// read needs, or a value to write is invalid (the text names the field).
    case unexpectedValue(String)
    /// The device sent a number of the right type that cannot be right (a meter count of
    /// 18446744073709551615): the field, the number as sent, and what it can be.
    case implausibleValue(field: String, value: String, allowed: ClosedRange<Int64>)
    /// The user stopped the operation.
    case cancelled
    /// The device has no object for this role of the map (`meter-list`, `hardware-version`):
    /// "this concentrator has no …", never a protocol error.
    case lacks(String)
    /// The clock's time-zone sign is neither in the map nor found from the clock (its
    /// deviation unspecified or 0, or the clock far off): a time-zone write or a sync
    /// could set the wrong zone, so they are refused.
    case timeZoneSignUnknown
    /// The device's meter list is a СПОДУС Data list (id, model, channels), not the
    /// ES-951's profile a page of meter rows needs (``Concentrator/readListedMeters()``).
    case meterListOfAnotherKind
    /// The device would not select this metering point (issue 18 item 8: "other-reason"
    /// said nothing): most often a point beyond its meter list.
    case pointRefused(Int, DataAccessResult)
    /// This association may not write the attribute; `use` is the client SAP the map says
    /// may (nil: none known). Refused before anything is sent.
    case clientMayNotWrite(CosemAttributeDescriptor, client: UInt8, use: UInt8?)

    init(_ error: DLMSConnectionError) {
        switch error {
        case .dlms(.cancelled): self = .cancelled
        case .dlms(.associationRejected(let result, let diagnostic)): self = .associationRejected(result, diagnostic)
        default: self = .link(error)
        }
    }

    init(_ error: ModelError) {
        switch error {
        case .unexpectedValue(let field, let value): self = .unexpectedValue("\(field): \(value)")
        case .missingInMap(let what): self = .unexpectedValue("not in the map: \(what)")
        case .implausible(let field, let value, let allowed):
            self = .implausibleValue(field: field, value: value, allowed: allowed)
        }
    }
}

import ES951
