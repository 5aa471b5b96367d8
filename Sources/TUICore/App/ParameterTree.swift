/// The parameter groups of HLMCS's tree (manual В3–В5; SPEC F-30…F-51), as node ids. The
/// first node, Concentrator information, is selected after login.
public enum ParameterPage: String, CaseIterable, Sendable, Hashable {
    case info, basic, clock, gprs, ip, meters, plc, battery, meterData, profiles, events

    /// The command line that does this page's work until its screen exists.
    public var command: String {
        switch self {
        case .info: "hlmcs info"
        case .basic: "hlmcs info / hlmcs set"
        case .clock: "hlmcs clock [--sync | --set TIME]"
        case .gprs: "hlmcs gprs [--apn …]"
        case .ip: "hlmcs ip [--address …]"
        case .meters: "hlmcs meters"
        case .plc: "hlmcs topology"
        case .battery: "hlmcs info"
        case .meterData: "hlmcs profile current --point N"
        case .profiles: "hlmcs profile daily --point N --csv FILE"
        case .events: "hlmcs events --point N"
        }
    }

    /// The key of its title in `Resources/ui/main.json`.
    public var titleKey: String { "tree." + rawValue }
}

enum ParameterTree {
    static let groups: [(id: String, pages: [ParameterPage])] = [
        ("group.parameters", [.info, .basic, .clock, .gprs, .ip, .meters, .plc, .battery, .meterData]),
        ("group.commercial", [.profiles]),
        ("group.events", [.events]),
    ]

    /// The tree in the interface language.
    static func roots(_ strings: UIStrings) -> [TreeNode] {
        groups.map { group in
            TreeNode(id: group.id, title: strings["tree." + group.id],
                     children: group.pages.map { TreeNode(id: $0.rawValue, title: strings[$0.titleKey]) })
        }
    }

    static var allExpanded: Set<String> { Set(groups.map(\.id)) }
}
