/// A-ASSOCIATE request (AARQ, tag 0x60; IEC 62056-5-3 / Green Book §9.3.2).
/// We speak LN referencing with no security or LLS; decoding accepts SN too.
public struct AARQ: Hashable, Sendable {
    public var applicationContext: ApplicationContextName
    public var callingAPTitle: [UInt8]?
    /// nil: no sender-acse-requirements / mechanism (lowest security).
    public var mechanism: MechanismName?
    /// The LLS password (calling-authentication-value). Never printed: see `description`.
    public var authenticationValue: [UInt8]?
    public var userInformation: InitiateRequest?

    public init(applicationContext: ApplicationContextName = .logicalName, callingAPTitle: [UInt8]? = nil,
                mechanism: MechanismName? = nil, authenticationValue: [UInt8]? = nil,
                userInformation: InitiateRequest?) {
        self.applicationContext = applicationContext; self.callingAPTitle = callingAPTitle
        self.mechanism = mechanism; self.authenticationValue = authenticationValue
        self.userInformation = userInformation
    }
}

/// A-ASSOCIATE response (AARE, tag 0x61).
public struct AARE: Hashable, Sendable {
    public var applicationContext: ApplicationContextName
    public var result: AssociationResult
    public var diagnostic: SourceDiagnostic
    public var respondingAPTitle: [UInt8]?
    public var mechanism: MechanismName?
    public var respondingAuthenticationValue: [UInt8]?
    public var userInformation: AAREUserInformation?

    public init(applicationContext: ApplicationContextName = .logicalName, result: AssociationResult,
                diagnostic: SourceDiagnostic, respondingAPTitle: [UInt8]? = nil, mechanism: MechanismName? = nil,
                respondingAuthenticationValue: [UInt8]? = nil, userInformation: AAREUserInformation?) {
        self.applicationContext = applicationContext; self.result = result; self.diagnostic = diagnostic
        self.respondingAPTitle = respondingAPTitle; self.mechanism = mechanism
        self.respondingAuthenticationValue = respondingAuthenticationValue; self.userInformation = userInformation
    }

    /// Accepted only when the result says so *and* an InitiateResponse came with it.
    /// A rejection that still carries an InitiateResponse (Gurux does this) is a rejection.
    public var isAccepted: Bool {
        guard result == .accepted, case .initiateResponse = userInformation else { return false }
        return true
    }
}

/// A-RELEASE request (RLRQ, tag 0x62) and response (RLRE, tag 0x63).
public struct ReleaseRequest: Hashable, Sendable {
    /// 0 normal, 1 urgent, 30 user-defined; nil = absent.
    public var reason: UInt8?
    public var userInformation: InitiateRequest?
    public init(reason: UInt8? = 0, userInformation: InitiateRequest? = nil) {
        self.reason = reason; self.userInformation = userInformation
    }
}

public struct ReleaseResponse: Hashable, Sendable {
    /// 0 normal, 1 not finished, 30 user-defined; nil = absent.
    public var reason: UInt8?
    public var userInformation: InitiateResponse?
    public init(reason: UInt8? = 0, userInformation: InitiateResponse? = nil) {
        self.reason = reason; self.userInformation = userInformation
    }
}
