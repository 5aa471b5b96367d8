/// The state of every page of the work area, kept while the user moves in the tree (a
/// list read once stays until read again). Each page is made by its node
/// (``ParameterPage/makePage()``): adding a page needs no change here.
public struct Pages: Sendable {
    private var store: [ParameterPage: any WorkPage]

    public init() {
        store = Dictionary(uniqueKeysWithValues: ParameterPage.allCases.map { ($0, $0.makePage()) })
    }

    /// Runs `body` on the page of `id`.
    mutating func with<R>(_ id: ParameterPage, _ body: (inout any WorkPage) -> R) -> R? {
        guard store[id] != nil else { return nil }
        return body(&store[id]!)
    }

    /// The page of `id`, to read from.
    func page(_ id: ParameterPage) -> (any WorkPage)? { store[id] }

    /// The page of `id` as its own type (a page of another type is a programming error).
    public subscript<P: WorkPage>(_ id: ParameterPage, as type: P.Type) -> P {
        get { store[id] as! P }
        set { store[id] = newValue }
    }

    // Typed access where the app or the tests reach into a page.
    public var info: InfoPage { get { self[.info, as: InfoPage.self] } set { self[.info, as: InfoPage.self] = newValue } }
    public var basic: BasicPage { get { self[.basic, as: BasicPage.self] } set { self[.basic, as: BasicPage.self] = newValue } }
    public var clock: ClockPage { get { self[.clock, as: ClockPage.self] } set { self[.clock, as: ClockPage.self] = newValue } }
    public var battery: BatteryPage { get { self[.battery, as: BatteryPage.self] } set { self[.battery, as: BatteryPage.self] = newValue } }
    public var gprs: GPRSPage { get { self[.gprs, as: GPRSPage.self] } set { self[.gprs, as: GPRSPage.self] = newValue } }
    public var ip: IPPage { get { self[.ip, as: IPPage.self] } set { self[.ip, as: IPPage.self] = newValue } }
    public var meters: MetersPage { get { self[.meters, as: MetersPage.self] } set { self[.meters, as: MetersPage.self] = newValue } }
    public var plc: PLCPage { get { self[.plc, as: PLCPage.self] } set { self[.plc, as: PLCPage.self] = newValue } }
    public var meterData: MeterDataPage {
        get { self[.meterData, as: MeterDataPage.self] } set { self[.meterData, as: MeterDataPage.self] = newValue }
    }
    public var profiles: ProfilesPage { get { self[.profiles, as: ProfilesPage.self] } set { self[.profiles, as: ProfilesPage.self] = newValue } }
    public var events: EventsPage { get { self[.events, as: EventsPage.self] } set { self[.events, as: EventsPage.self] = newValue } }
    public var settingsFile: SettingsFilePage {
        get { self[.settingsFile, as: SettingsFilePage.self] } set { self[.settingsFile, as: SettingsFilePage.self] = newValue }
    }
    public var clearData: ClearDataPage { get { self[.clearData, as: ClearDataPage.self] } set { self[.clearData, as: ClearDataPage.self] = newValue } }
    public var firmware: FirmwarePage { get { self[.firmware, as: FirmwarePage.self] } set { self[.firmware, as: FirmwarePage.self] = newValue } }
    public var objects: ObjectsPage { get { self[.objects, as: ObjectsPage.self] } set { self[.objects, as: ObjectsPage.self] = newValue } }
}
