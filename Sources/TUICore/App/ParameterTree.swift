/// The parameter groups of HLMCS's tree (manual В3–В5; SPEC F-30…F-51), as node ids. The
/// first node, Concentrator information, is selected after login.
public enum ParameterPage: String, CaseIterable, Sendable, Hashable {
    case info, basic, clock, gprs, ip, meters, plc, battery, meterData, profiles, events

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
