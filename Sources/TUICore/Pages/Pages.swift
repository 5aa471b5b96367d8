/// The state of every page of the work area, kept while the user moves in the tree (a
/// list read once stays until read again).
public struct Pages: Sendable {
    public var basic = BasicPage()
    public var clock = ClockPage()
    public var battery = BatteryPage()
    public var gprs = GPRSPage()
    public var ip = IPPage()
    public var meters = MetersPage()
    public var plc = PLCPage()
    public var meterData = MeterDataPage()
    public var profiles = ProfilesPage()
    public var events = EventsPage()
    public var settingsFile = SettingsFilePage()
    public var clearData = ClearDataPage()
    public var firmware = FirmwarePage()
    public var objects = ObjectsPage()

    public init() {}

    /// Runs `body` on the page of `id` (nil for the information page, which the app
    /// keeps itself).
    mutating func with<R>(_ id: ParameterPage, _ body: (inout any WorkPage) -> R) -> R? {
        func on<P: WorkPage>(_ page: inout P) -> R {
            var any: any WorkPage = page
            let result = body(&any)
            page = any as! P
            return result
        }
        switch id {
        case .info: return nil
        case .basic: return on(&basic)
        case .clock: return on(&clock)
        case .battery: return on(&battery)
        case .gprs: return on(&gprs)
        case .ip: return on(&ip)
        case .meters: return on(&meters)
        case .plc: return on(&plc)
        case .meterData: return on(&meterData)
        case .profiles: return on(&profiles)
        case .events: return on(&events)
        case .settingsFile: return on(&settingsFile)
        case .clearData: return on(&clearData)
        case .firmware: return on(&firmware)
        case .objects: return on(&objects)
        }
    }

    /// The page of `id`, to read from (nil for the information page).
    func page(_ id: ParameterPage) -> (any WorkPage)? {
        switch id {
        case .info: nil
        case .basic: basic
        case .clock: clock
        case .battery: battery
        case .gprs: gprs
        case .ip: ip
        case .meters: meters
        case .plc: plc
        case .meterData: meterData
        case .profiles: profiles
        case .events: events
        case .settingsFile: settingsFile
        case .clearData: clearData
        case .firmware: firmware
        case .objects: objects
        }
    }
}
