/// How a client session connects and behaves: addresses, authentication, what it
/// proposes, and its patience. Defaults follow SPEC.md (LINK): public client 16, the
/// all-station server address, max information field 2030 and window 7 proposed.
public struct ClientConfiguration: Sendable {
    public enum Authentication: Hashable, Sendable {
        case none
        /// LLS: the password goes in the AARQ. It is never part of a description.
        case low(password: [UInt8])
    }

    /// How APDUs travel: in HDLC frames (serial, optical, TCP by default), or in the
    /// IEC 62056-47 wrapper over TCP (no SNRM/DISC; the wrapper ports are the client SAP
    /// and the server's logical address, `serverAddress.upper`).
    public enum Framing: Hashable, Sendable { case hdlc, wrapper }

    public var clientAddress: UInt8
    public var serverAddress: HDLCAddress
    public var framing: Framing
    public var authentication: Authentication
    /// What the SNRM proposes (from the client's point of view). A DM, FRMR or silence
    /// makes the session fall back to a plain SNRM (the defaults, 128 and 1).
    public var proposal: HDLCParameters
    public var proposedConformance: Conformance
    public var maxReceivePDUSize: UInt16
    /// The wait for one response before polling or sending again.
    public var responseTimeout: Duration
    /// Tries per exchange (the first send included), SPEC.md: 4.
    public var maxAttempts: Int
    /// At most this many attributes in one GET-Request-With-List.
    public var maxAttributesPerList: Int
    public var callingAPTitle: [UInt8]?
    /// The most bytes one answer may add up to, HDLC segments or data blocks reassembled:
    /// a device that never sends the last one is stopped here, not by memory.
    public var maxResponseBytes: Int = ClientConfiguration.hardResponseLimit
    /// The highest block number of a block transfer a client follows (with 16 MB at most
    /// and blocks of a few hundred bytes, far more than a real answer needs).
    public var maxBlockNumber: UInt32 = 65_535

    /// 16 MB: no answer of a concentrator comes near (1000 meters are about 42 kB).
    public static let hardResponseLimit = 16 << 20

    public init(clientAddress: UInt8 = 16,
                serverAddress: HDLCAddress = .server(upper: 1, lower: HDLCAddress.allStationLower4, size: 4),
                authentication: Authentication = .none,
                proposal: HDLCParameters = .largest,
                proposedConformance: Conformance = .clientProposal,
                maxReceivePDUSize: UInt16 = 0xFFFF,
                responseTimeout: Duration = .seconds(5),
                maxAttempts: Int = 4,
                maxAttributesPerList: Int = 32,
                callingAPTitle: [UInt8]? = nil,
                framing: Framing = .hdlc) {
        self.clientAddress = clientAddress; self.serverAddress = serverAddress; self.framing = framing
        self.authentication = authentication; self.proposal = proposal
        self.proposedConformance = proposedConformance; self.maxReceivePDUSize = maxReceivePDUSize
        self.responseTimeout = responseTimeout; self.maxAttempts = max(1, maxAttempts)
        self.maxAttributesPerList = max(1, maxAttributesPerList); self.callingAPTitle = callingAPTitle
    }

    /// True when the server address is the all-station address of its form: any server
    /// may answer, and the session keeps calling the all-station address.
    public var callsAllStation: Bool { serverAddress.isAllStation }
}

/// What an accepted association settled.
public struct AssociationInfo: Equatable, Sendable {
    /// HDLC parameters from the client's point of view.
    public var link: HDLCParameters
    public var conformance: Conformance
    public var serverMaxReceivePDUSize: UInt16
    /// The address the server answered from (its own one when called at all-station).
    public var serverAddress: HDLCAddress
    /// True when the device refused the proposal and a plain SNRM was used.
    public var usedPlainSNRM: Bool
}

/// One request of the client's application: the session turns it into as many APDUs as
/// it takes (GET-with-list chunks, blocks).
public enum ClientRequest: Equatable, Sendable {
    /// Reads attributes; one result per attribute, in order. Several attributes go in
    /// GET-Request-With-List when the conformance allows, split to fit the PDU.
    case get([AttributeWithAccess])
    case set(CosemAttributeDescriptor, DLMSData)
    case action(CosemMethodDescriptor, parameters: DLMSData?)
}

/// The result of a ``ClientRequest``.
public enum ClientResponse: Equatable, Sendable {
    case get([GetDataResult])
    case set(DataAccessResult)
    case action(ActionResponseWithOptionalData)
}

/// What the session asks its driver to do.
public enum ClientAction: Equatable, Sendable {
    /// Send these bytes (one HDLC frame).
    case send([UInt8])
    /// (Re)start the one response timer; call `timerFired()` when it expires.
    case startTimer(Duration)
    case stopTimer
    /// The association is up.
    case associated(AssociationInfo)
    /// A request finished.
    case deliver(ClientResponse)
    /// A request failed; the session stays usable.
    case requestFailed(DLMSError)
    /// A data block of a long response arrived (for progress): its number and the bytes
    /// received so far for this request.
    case blockReceived(number: UInt32, totalBytes: Int)
    /// RLRE received: the association is released (DISC follows).
    case released
    /// The link is down after DISC; the session is over.
    case disconnected
    /// The session failed and is over.
    case fail(DLMSError)
}
