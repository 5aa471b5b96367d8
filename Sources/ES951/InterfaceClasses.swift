/// The names of the attributes and methods of the common COSEM interface classes, as data:
/// what the program shows for an attribute or method a map does not name (a device's
/// object list, a trace, a diff of two devices).
///
/// The names are the Blue Book's (IEC 62056-6-2, DLMS UA 1000-1 edition 12 or later) for
/// the newest version of each class, in kebab case as the maps' `key`s are:
/// `time_zone` is `time-zone`, `xDLMS_context_info` is `xdlms-context-info`. Where the
/// project's maps name an attribute otherwise, the map's name wins, so that the two never
/// disagree: IPv4 setup's `gateway`, `use-dhcp`, `primary-dns`, `secondary-dns`, TCP-UDP
/// setup's `port`, and the G3-PLC classes without their `mac`/`adp` prefixes
/// (`short-address`, `max-hops`; only `mac-a` and `mac-k` keep theirs, as `a` and `k` say
/// nothing). A later version of a class only adds indices at the end, so the names also fit
/// a device of an earlier version.
///
/// ```swift
/// InterfaceClasses.attributeName(classID: 8, index: 3)    // "time-zone"
/// InterfaceClasses.methodName(classID: 18, index: 4)      // "image-activate"
/// InterfaceClasses.attributeName(classID: 99, index: 5)   // "attribute-5"
/// InterfaceClasses.isSecret(classID: 15, index: 7)        // true: never shown
/// ```
public enum InterfaceClasses {
    public struct ClassInfo: Sendable, Equatable {
        public let id: UInt16
        public let version: UInt8
        /// "Clock", "Profile generic" — the Blue Book's name.
        public let name: String
        /// index → kebab-case name, 1 is always "logical-name".
        public let attributes: [Int8: String]
        public let methods: [Int8: String]

        /// Attribute 1 is `logical-name` in every class, so the table lists from 2 on.
        fileprivate init(_ id: UInt16, version: UInt8, _ name: String,
                         _ attributes: [String], methods: [String] = []) {
            self.id = id
            self.version = version
            self.name = name
            self.attributes = numbered(["logical-name"] + attributes)
            self.methods = numbered(methods)
        }
    }

    /// The class, or nil for one not covered.
    public static func info(classID: UInt16) -> ClassInfo? { byID[classID] }

    /// The attribute's name, or "attribute-N" for a class or index not covered.
    public static func attributeName(classID: UInt16, index: Int8) -> String {
        byID[classID]?.attributes[index] ?? "attribute-\(index)"
    }

    /// The method's name, or "method-N".
    public static func methodName(classID: UInt16, index: Int8) -> String {
        byID[classID]?.methods[index] ?? "method-\(index)"
    }

    /// The attribute indices of the class in order (1…n), empty for a class not covered.
    public static func attributeIndices(classID: UInt16) -> [Int8] {
        byID[classID]?.attributes.keys.sorted() ?? []
    }

    /// Whether the attribute holds a secret that is never shown or logged, whatever a map
    /// says: 15/7 (LLS secret), 44/5 (PPP authentication, holds a password), 45/3 (the SIM's
    /// PIN code) and 91/5 (the G3-PLC MAC key table: the GMKs). Security setup (64) has
    /// none: its attributes are the policy, the suite, system titles and certificate
    /// descriptions; its keys only travel as method parameters (key-transfer,
    /// key-agreement), wrapped.
    public static func isSecret(classID: UInt16, index: Int8) -> Bool {
        switch (classID, index) {
        case (15, 7), (44, 5), (45, 3), (91, 5): true
        default: false
        }
    }

    /// Every class covered, by class id.
    static let all: [ClassInfo] = [
        ClassInfo(1, version: 0, "Data", ["value"]),
        ClassInfo(3, version: 0, "Register", ["value", "scaler-unit"], methods: ["reset"]),
        ClassInfo(4, version: 0, "Extended register",
                  ["value", "scaler-unit", "status", "capture-time"], methods: ["reset"]),
        ClassInfo(5, version: 0, "Demand register",
                  ["current-average-value", "last-average-value", "scaler-unit", "status", "capture-time",
                   "start-time-current", "period", "number-of-periods"],
                  methods: ["reset", "next-period"]),
        ClassInfo(7, version: 1, "Profile generic",
                  ["buffer", "capture-objects", "capture-period", "sort-method", "sort-object",
                   "entries-in-use", "profile-entries"],
                  methods: ["reset", "capture"]),
        ClassInfo(8, version: 0, "Clock",
                  ["time", "time-zone", "status", "daylight-savings-begin", "daylight-savings-end",
                   "daylight-savings-deviation", "daylight-savings-enabled", "clock-base"],
                  methods: ["adjust-to-quarter", "adjust-to-measuring-period", "adjust-to-minute",
                            "adjust-to-preset-time", "preset-adjusting-time", "shift-time"]),
        ClassInfo(9, version: 0, "Script table", ["scripts"], methods: ["execute"]),
        ClassInfo(11, version: 0, "Special days table", ["entries"], methods: ["insert", "delete"]),
        // Version 3 keeps version 2's attributes and methods (version 1 added
        // security-setup-reference, 2 the users); it changed the access modes object-list holds.
        ClassInfo(15, version: 3, "Association LN",
                  ["object-list", "associated-partners-id", "application-context-name", "xdlms-context-info",
                   "authentication-mechanism-name", "secret", "association-status",
                   "security-setup-reference", "user-list", "current-user"],
                  methods: ["reply-to-hls-authentication", "change-hls-secret", "add-object", "remove-object",
                            "add-user", "remove-user"]),
        ClassInfo(17, version: 0, "SAP assignment", ["sap-assignment-list"],
                  methods: ["connect-logical-device"]),
        ClassInfo(18, version: 0, "Image transfer",
                  ["image-block-size", "image-transferred-blocks-status", "image-first-not-transferred-block-number",
                   "image-transfer-enabled", "image-transfer-status", "image-to-activate-info"],
                  methods: ["image-transfer-initiate", "image-block-transfer", "image-verify", "image-activate"]),
        ClassInfo(20, version: 0, "Activity calendar",
                  ["calendar-name-active", "season-profile-active", "week-profile-table-active",
                   "day-profile-table-active", "calendar-name-passive", "season-profile-passive",
                   "week-profile-table-passive", "day-profile-table-passive", "activate-passive-calendar-time"],
                  methods: ["activate-passive-calendar"]),
        ClassInfo(21, version: 0, "Register monitor", ["thresholds", "monitored-value", "actions"]),
        ClassInfo(22, version: 0, "Single action schedule", ["executed-script", "type", "execution-time"]),
        ClassInfo(23, version: 1, "IEC HDLC setup",
                  ["comm-speed", "window-size-transmit", "window-size-receive", "max-info-field-length-transmit",
                   "max-info-field-length-receive", "inter-octet-time-out", "inactivity-time-out",
                   "device-address"]),
        ClassInfo(40, version: 2, "Push setup",
                  ["push-object-list", "send-destination-and-method", "communication-window",
                   "randomisation-start-interval", "number-of-retries", "repetition-delay", "port-reference",
                   "push-client-sap", "push-protection-parameters", "push-operation-method",
                   "confirmation-parameters", "last-confirmation-date-time"],
                  methods: ["push", "reset"]),
        // Blue Book: TCP-UDP_port; the maps say `port`.
        ClassInfo(41, version: 0, "TCP-UDP setup",
                  ["port", "ip-reference", "mss", "nb-of-sim-conn", "inactivity-time-out"]),
        // Blue Book: gateway_IP_address, use_DHCP_flag, primary_/secondary_DNS_address; the
        // maps' shorter keys.
        ClassInfo(42, version: 0, "IPv4 setup",
                  ["dl-reference", "ip-address", "multicast-ip-address", "ip-options", "subnet-mask", "gateway",
                   "use-dhcp", "primary-dns", "secondary-dns"],
                  methods: ["add-mc-ip-address", "delete-mc-ip-address", "get-nbof-mc-ip-addresses"]),
        ClassInfo(43, version: 0, "MAC address setup", ["mac-address"]),
        ClassInfo(44, version: 0, "PPP setup", ["phy-reference", "lcp-options", "ipcp-options", "ppp-authentication"]),
        ClassInfo(45, version: 0, "GPRS modem setup", ["apn", "pin-code", "quality-of-service"]),
        // Later versions widen cell-info and adjacent-cells; the attributes stay.
        ClassInfo(47, version: 2, "GSM diagnostic",
                  ["operator", "status", "cs-attachment", "ps-status", "cell-info", "adjacent-cells",
                   "capture-time"]),
        ClassInfo(64, version: 1, "Security setup",
                  ["security-policy", "security-suite", "client-system-title", "server-system-title",
                   "certificates"],
                  methods: ["security-activate", "key-transfer", "key-agreement", "generate-key-pair",
                            "generate-certificate-request", "import-certificate", "export-certificate",
                            "remove-certificate"]),
        ClassInfo(70, version: 1, "Disconnect control", ["output-state", "control-state", "control-mode"],
                  methods: ["remote-disconnect", "remote-reconnect"]),
        ClassInfo(71, version: 0, "Limiter",
                  ["monitored-value", "threshold-active", "threshold-normal", "threshold-emergency",
                   "min-over-threshold-duration", "min-under-threshold-duration", "emergency-profile",
                   "emergency-profile-group-id-list", "emergency-profile-active", "actions"]),
        // The G3-PLC classes without the Blue Book's mac_/MAC_/adp_ prefixes, as the maps
        // name them (MAC_short_address is `short-address`).
        ClassInfo(90, version: 1, "G3-PLC MAC layer counters",
                  ["tx-data-packet-count", "rx-data-packet-count", "tx-cmd-packet-count", "rx-cmd-packet-count",
                   "csma-fail-count", "csma-no-ack-count", "bad-crc-count", "tx-data-broadcast-count",
                   "rx-data-broadcast-count"],
                  methods: ["reset"]),
        ClassInfo(91, version: 3, "G3-PLC MAC setup",
                  ["short-address", "rc-coord", "pan-id", "key-table", "frame-counter", "tone-mask", "tmr-ttl",
                   "max-frame-retries", "neighbour-table-entry-ttl", "neighbour-table", "high-priority-window-size",
                   "csma-fairness-limit", "beacon-randomization-window-length", "mac-a", "mac-k",
                   "min-cw-attempts", "cenelec-legacy-mode", "fcc-legacy-mode", "max-be", "max-csma-backoffs",
                   "min-be", "broadcast-max-cw-enabled", "transmit-atten", "pos-table",
                   "duplicate-detection-ttl"],
                  methods: ["get-neighbour-table-entry", "get-pos-table-entry"]),
        ClassInfo(92, version: 3, "G3-PLC 6LoWPAN adaptation layer setup",
                  ["max-hops", "weak-lqi-value", "security-level", "prefix-table", "routing-configuration",
                   "broadcast-log-table-entry-ttl", "routing-table", "context-information-table",
                   "blacklist-table", "broadcast-log-table", "group-table", "max-join-wait-time",
                   "path-discovery-time", "active-key-index", "metric-type", "coord-short-address",
                   "disable-default-routing", "device-type", "default-coord-route-enabled",
                   "destination-address-set", "low-lqi-value", "high-lqi-value"]),
    ]

    private static let byID: [UInt16: ClassInfo] =
        Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
}

/// Names numbered from 1, in order.
private func numbered(_ names: [String]) -> [Int8: String] {
    Dictionary(uniqueKeysWithValues: names.enumerated().map { (Int8($0.offset + 1), $0.element) })
}
