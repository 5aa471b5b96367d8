import DLMS

/// The link and association facts of ES951-MAP.md ("Link and association"): addresses,
/// client SAPs, password, HDLC and PDU limits, conformance, TCP port, optical identification.
public struct LinkFacts: Sendable, Hashable {
    /// One client SAP and what it may do.
    public struct Client: Sendable, Hashable {
        public var sap: UInt8
        public var name: String
        public var authentication: MechanismName
        /// Whether it may write (the LLS clients).
        public var writes: Bool
        public init(sap: UInt8, name: String, authentication: MechanismName, writes: Bool) {
            self.sap = sap; self.name = name; self.authentication = authentication; self.writes = writes
        }
    }

    /// Upper HDLC address (the logical device): 1.
    public var serverUpperAddress: UInt16
    /// Logical address = serial % modulus + offset (10000 and 1000).
    public var logicalAddressModulus: UInt64
    public var logicalAddressOffset: UInt16
    /// The all-station lower address in the 2-byte (0x7F) and 4-byte (0x3FFF) forms.
    public var allStationTwoByte: UInt16
    public var allStationFourByte: UInt16
    public var clients: [Client]
    public var factoryPassword: String
    /// What the server grants at most (512, 7), and what an SNRM without parameters gets (128, 1).
    public var maxInfoField: Int
    public var window: Int
    public var defaultMaxInfoField: Int
    public var defaultWindow: Int
    /// Server max receive PDU size (1024).
    public var maxReceivePDU: Int
    public var conformance: Conformance
    public var tcpPort: UInt16
    /// IEC 62056-21 identification, `/EMS5\2ES951`.
    public var opticalIdentification: String
    public var opticalBaud: Int

    public func client(_ sap: UInt8) -> Client? { clients.first { $0.sap == sap } }

    /// The logical address this device derives from `serial` (see `logicalAddress(serial:)`).
    public func logicalAddress(serial: String) -> UInt16? {
        ES951.logicalAddress(serial: serial, modulus: logicalAddressModulus, offset: logicalAddressOffset)
    }

    /// Conformance names as `es951-map.json` writes them (Green Book, conformance block).
    public static let conformanceNames: [String: Conformance] = [
        "general-protection": .generalProtection, "general-block-transfer": .generalBlockTransfer,
        "read": .read, "write": .write, "unconfirmed-write": .unconfirmedWrite,
        "attribute0-supported-with-set": .attribute0SupportedWithSet,
        "priority-management": .priorityManagement,
        "attribute0-supported-with-get": .attribute0SupportedWithGet,
        "block-transfer-with-get": .blockTransferWithGet, "block-transfer-with-set": .blockTransferWithSet,
        "block-transfer-with-action": .blockTransferWithAction, "multiple-references": .multipleReferences,
        "information-report": .informationReport, "data-notification": .dataNotification,
        "access": .access, "parameterized-access": .parameterizedAccess,
        "get": .get, "set": .set, "selective-access": .selectiveAccess,
        "event-notification": .eventNotification, "action": .action,
    ]
}
