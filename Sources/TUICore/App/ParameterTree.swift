import Accounts

/// The parameter groups of HLMCS's tree (manual В3–В5; SPEC F-30…F-51), as node ids. The
/// first node, Concentrator information, is selected after login.
///
/// A page is added here (its case, its group in ``ParameterTree/groups``, its
/// ``makePage()``), in its own file under `Screens/`, and — for requests of its own — in
/// `PageRequest` and the runtime's worker.
public enum ParameterPage: String, CaseIterable, Sendable, Hashable {
    case info, basic, clock, gprs, ip, meters, plc, battery, meterData, profiles, events
    // Service (issue 8)
    case settingsFile, clearData, firmware, objects
    // Any object of the device (issue 17)
    case allObjects

    /// The key of its title in `Resources/ui/main.json`.
    public var titleKey: String { "tree." + rawValue }

    /// A new, empty page for this node.
    func makePage() -> any WorkPage {
        switch self {
        case .info: InfoPage()
        case .basic: BasicPage()
        case .clock: ClockPage()
        case .gprs: GPRSPage()
        case .ip: IPPage()
        case .meters: MetersPage()
        case .plc: PLCPage()
        case .battery: BatteryPage()
        case .meterData: MeterDataPage()
        case .profiles: ProfilesPage()
        case .events: EventsPage()
        case .settingsFile: SettingsFilePage()
        case .clearData: ClearDataPage()
        case .firmware: FirmwarePage()
        case .objects: ObjectsPage()
        case .allObjects: AllObjectsPage()
        }
    }

    /// The permission without which the page is not in the tree (administrator pages).
    public var requiredPermission: Permission? {
        switch self {
        case .clearData: .clear
        case .firmware: .firmware
        default: nil
        }
    }
}

enum ParameterTree {
    static let groups: [(id: String, pages: [ParameterPage])] = [
        ("group.parameters", [.info, .basic, .clock, .gprs, .ip, .meters, .plc, .battery, .meterData]),
        ("group.commercial", [.profiles]),
        ("group.events", [.events]),
        ("group.service", [.settingsFile, .clearData, .firmware, .objects, .allObjects]),
    ]

    /// The tree in the interface language; pages needing a permission the user has not
    /// are left out (nil: all pages).
    static func roots(_ strings: UIStrings, permissions: Set<Permission>? = nil) -> [TreeNode] {
        groups.map { group in
            let pages = group.pages.filter { page in
                guard let permissions, let needed = page.requiredPermission else { return true }
                return permissions.contains(needed)
            }
            return TreeNode(id: group.id, title: strings["tree." + group.id],
                            children: pages.map { TreeNode(id: $0.rawValue, title: strings[$0.titleKey]) })
        }
    }

    static var allExpanded: Set<String> { Set(groups.map(\.id)) }
}
