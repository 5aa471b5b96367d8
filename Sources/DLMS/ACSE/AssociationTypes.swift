/// The application context of an association (`60 85 74 05 08 01 x`).
public enum ApplicationContextName: UInt8, Hashable, Sendable {
    case logicalName = 1, shortName = 2, logicalNameCiphered = 3, shortNameCiphered = 4
}

/// The authentication mechanism (`60 85 74 05 08 02 m`).
public enum MechanismName: UInt8, Hashable, Sendable {
    case none = 0, low = 1, high = 2, highMD5 = 3, highSHA1 = 4, highGMAC = 5, highSHA256 = 6, highECDSA = 7
}

/// AARE result (`A2 03 02 01 r`).
public enum AssociationResult: UInt8, Hashable, Sendable {
    case accepted = 0, rejectedPermanent = 1, rejectedTransient = 2
}

/// AARE result-source-diagnostic: which side of ACSE explains the result, and its code.
/// User codes: 0 null, 1 no reason, 2 context name not supported, 11 mechanism name not
/// recognised, 12 mechanism name required, 13 authentication failure, 14 authentication
/// required. Provider codes: 0 null, 1 no reason, 2 no common ACSE version.
public enum SourceDiagnostic: Hashable, Sendable {
    case serviceUser(UInt8)
    case serviceProvider(UInt8)
    public static let authenticationFailure = SourceDiagnostic.serviceUser(13)
}

/// xDLMS InitiateRequest (inside AARQ user-information).
public struct InitiateRequest: Hashable, Sendable {
    public var dedicatedKey: [UInt8]?
    public var responseAllowed: Bool
    public var proposedQualityOfService: Int8?
    public var proposedDLMSVersion: UInt8
    public var proposedConformance: Conformance
    public var clientMaxReceivePDUSize: UInt16
    public init(dedicatedKey: [UInt8]? = nil, responseAllowed: Bool = true, proposedQualityOfService: Int8? = nil,
                proposedDLMSVersion: UInt8 = 6, proposedConformance: Conformance, clientMaxReceivePDUSize: UInt16) {
        self.dedicatedKey = dedicatedKey; self.responseAllowed = responseAllowed
        self.proposedQualityOfService = proposedQualityOfService; self.proposedDLMSVersion = proposedDLMSVersion
        self.proposedConformance = proposedConformance; self.clientMaxReceivePDUSize = clientMaxReceivePDUSize
    }
}

/// xDLMS InitiateResponse (inside AARE user-information).
public struct InitiateResponse: Hashable, Sendable {
    public var negotiatedQualityOfService: Int8?
    public var negotiatedDLMSVersion: UInt8
    public var negotiatedConformance: Conformance
    public var serverMaxReceivePDUSize: UInt16
    /// 0x0007 for LN referencing, 0xFA00 for SN.
    public var vaaName: UInt16
    public init(negotiatedQualityOfService: Int8? = nil, negotiatedDLMSVersion: UInt8 = 6,
                negotiatedConformance: Conformance, serverMaxReceivePDUSize: UInt16, vaaName: UInt16 = 7) {
        self.negotiatedQualityOfService = negotiatedQualityOfService; self.negotiatedDLMSVersion = negotiatedDLMSVersion
        self.negotiatedConformance = negotiatedConformance; self.serverMaxReceivePDUSize = serverMaxReceivePDUSize
        self.vaaName = vaaName
    }
}

/// User-information of an AARE: the InitiateResponse, or a confirmed-service-error when
/// xDLMS negotiation failed.
public enum AAREUserInformation: Hashable, Sendable {
    case initiateResponse(InitiateResponse)
    case confirmedServiceError(ConfirmedServiceError)
}
