import Accounts
import DLMS
import ES951
import Foundation

/// The profiles of a metering point (SPEC F-40), as the pages name them.
public enum ProfileChoice: String, CaseIterable, Sendable, Hashable {
    case daily, monthly, activeMax, reactiveMax
}

/// One value a write touched, and what became of it (the runtime reads every written
/// value back): taken, refused by the device (why), or answered "success" but read back
/// as something else.
public struct FieldWrite: Equatable, Sendable {
    public enum Outcome: Equatable, Sendable {
        case accepted
        case refused(String)
        case notTaken(readBack: String)
    }

    /// The page's own name of the field (e.g. a `GPRSField` raw value).
    public var field: String
    public var outcome: Outcome

    public init(field: String, outcome: Outcome) {
        self.field = field
        self.outcome = outcome
    }
}

/// What a page asks the runtime to do with the concentrator or the files. Every device
/// request connects first when the link is closed, shows progress and can be stopped;
/// every write is authorized (permission and an LLS association) and audited by the
/// runtime, whatever the page allowed.
public enum PageRequest: Equatable, Sendable {
    // F-30 concentrator information
    /// The checked items of the information page, in one request.
    case readInfo([ConcentratorInfo.Item])
    // F-31 basic parameters
    /// Serial number and the logical addresses.
    case readBasic
    /// The logical address follows the serial number: the runtime moves the connection
    /// settings to the new address afterwards.
    case writeSerialNumber(String)
    case changeLLSPassword(current: String, new: String)
    // F-32 clock
    case readClock
    case setClock(COSEMDateTime)
    /// Sets the device clock to the PC's.
    case syncClock
    /// Blue Book sign: −180 is UTC+3.
    case setTimeZone(minutes: Int16)
    // F-33, F-34
    case readGPRS
    case writeGPRS(GPRSSettings, changing: Set<GPRSField>)
    case readIP
    case writeIP(IPSettings, changing: Set<IPField>)
    // F-35, F-36
    /// The meter list and its poll status; pages come as they arrive.
    case readMeters
    case removeMeter(point: Int)
    case removeAllMeters
    case readTopology
    // F-37, F-38
    case readBattery
    case readCurrent(point: Int)
    // F-40…F-43, F-50, F-51
    /// `from`/`to` nil: the whole profile.
    case readProfile(ProfileChoice, point: Int, from: Date?, to: Date?)
    case readEvents(point: Int, from: Date?, to: Date?, code: Int?)
    /// Not for the runtime: the app opens the Profiles page on this profile of this point
    /// (the jump from Meter data, F-38).
    case showProfile(ProfileChoice, point: Int)
    /// Not for the runtime: the app shows energy in this unit from now on, on every data
    /// page, and keeps it for the user (`u` on Profiles and Meter data; issue 18 item 11).
    case setEnergyUnit(EnergyUnit)
    // Files (F-42 and the other exports): UTF-8 with BOM, separators by the language.
    case exportMeters(path: String, meters: [MeterRecord], status: [PollStatus], CSVChoice = CSVChoice())
    case exportProfile(path: String, ProfileTable, CSVChoice = CSVChoice())
    case exportEvents(path: String, [EventRecord], CSVChoice = CSVChoice())
    // Service (issue 8; SPEC F-60…F-62, `objects`)
    /// Reads the device's writable settings and saves them as a `.set` file.
    case exportSettings(path: String)
    /// Reads the file and the device; answers every change old → new (nothing written).
    case previewSettings(path: String)
    /// Writes the file's changes, one value at a time, stopping at the first refusal.
    case importSettings(path: String)
    /// Clears events, profiles or the meter list of one point (nil: all points).
    case clear(ClearChoice, point: Int?)
    /// Sends a firmware image (resuming a cut transfer), verifies it, activates it on request.
    case transferFirmware(path: String, id: String, activate: Bool)
    /// Reads the association's object list and compares it with the device map.
    case readObjects
    // All objects (issue 17)
    /// Every object of the device (from the learned object list), with its role.
    case listAllObjects
    /// Every attribute this association may read of one object, by name.
    case readAnyObject(classID: UInt16, obis: OBISCode)
    /// Any profile generic's buffer as a table, by its capture objects.
    case readAnyProfile(obis: OBISCode)
    /// One attribute of any object written from typed text (typed as the map or the value
    /// read says), read back.
    case writeAnyAttribute(CosemAttributeDescriptor, text: String)
    /// One method of any object invoked with a typed parameter (`TYPE:VALUE`): a profile's
    /// reset is clearing, an image transfer's the firmware's, any other an administrator's.
    case invokeMethod(CosemMethodDescriptor, parameter: String)

    /// The permission a write needs (nil: a read or a file). The app refuses early a
    /// write the user may not make; the runtime asks the authorizer again, whatever the
    /// page allowed.
    public var permission: Permission? {
        switch self {
        case .setClock, .syncClock, .setTimeZone: .setClock
        case .writeAnyAttribute(let d, _): d.classID == 8 && (d.attribute == 2 || d.attribute == 3) ? .setClock : .write
        case .invokeMethod(let m, _): m.classID == 7 && m.method == 1 ? .clear : m.classID == 18 ? .firmware : .write
        case .removeMeter, .removeAllMeters, .clear: .clear
        case .transferFirmware: .firmware
        case .writeSerialNumber, .changeLLSPassword, .writeGPRS, .writeIP, .importSettings: .write
        default: nil
        }
    }

    /// Whether this asks the device to change something (write keys are disabled for a
    /// role without the permission, and the runtime refuses them anyway).
    public var isWrite: Bool { permission != nil }

    /// A CSV file of rows already read.
    public var isCSVExport: Bool {
        switch self {
        case .exportMeters, .exportProfile, .exportEvents: true
        default: false
        }
    }

    /// Whether this talks to the device (files do not).
    public var needsDevice: Bool {
        switch self {
        case .showProfile, .setEnergyUnit: return false
        default: return !isCSVExport
        }
    }

    /// The runtime's family of pages that carries it out (one worker file each).
    public enum Family: Sendable { case information, parameters, network, meters, data, service, app }

    public var family: Family {
        switch self {
        case .readInfo: .information
        case .readBasic, .writeSerialNumber, .changeLLSPassword, .readClock, .setClock, .syncClock, .setTimeZone, .readBattery:
            .parameters
        case .readGPRS, .writeGPRS, .readIP, .writeIP: .network
        case .readMeters, .removeMeter, .removeAllMeters, .readTopology, .exportMeters: .meters
        case .readCurrent, .readProfile, .readEvents, .exportProfile, .exportEvents: .data
        case .exportSettings, .previewSettings, .importSettings, .clear, .transferFirmware, .readObjects,
             .listAllObjects, .readAnyObject, .readAnyProfile, .writeAnyAttribute, .invokeMethod: .service
        case .showProfile, .setEnergyUnit: .app
        }
    }

    /// For logs and test failures: passwords never, tables by their size.
    public var logText: String {
        switch self {
        case .changeLLSPassword: "changeLLSPassword(•••)"
        case .writeGPRS(let g, let fields):
            "writeGPRS(\(fields.map(\.rawValue).sorted()), apn: \(g.apn), dpdPassword: \(g.dpdPassword == nil ? "none" : "•••"))"
        case .exportMeters(let path, let meters, _, _): "exportMeters(\(path), \(meters.count) rows)"
        case .exportProfile(let path, let table, _): "exportProfile(\(path), \(table.rows.count) rows)"
        case .exportEvents(let path, let events, _): "exportEvents(\(path), \(events.count) rows)"
        case .readInfo(let items): "readInfo(\(items.count) items)"
        default: "\(self)"
        }
    }
}

/// What the runtime answers a page's request with.
public enum PageResult: Sendable {
    /// The information page's items, and which were asked for.
    case info(ConcentratorInfo, asked: [ConcentratorInfo.Item])
    case basic(ConcentratorInfo)
    case clock(ClockReading)
    case gprs(GPRSSettings)
    case ip(IPSettings)
    /// The first rows of the meter list while the rest loads, then each further page.
    case metersPage([MeterRecord])
    /// The whole list and its poll status.
    case meters([MeterRecord], status: [PollStatus])
    case topology(Topology)
    /// `limits`: the device map's voltages for a verdict (nil: none given).
    case battery(useTime: ScaledValue?, voltage: ScaledValue?, limits: BatteryLimits? = nil)
    case current(ProfileTable)
    case profile(ProfileTable)
    case events([EventRecord])
    /// The outcome of a write, value by value (all read back).
    case written([FieldWrite])
    case exported(path: String, rows: Int)
    /// Not written: the file exists and replacing it was not asked (the export box asks).
    case exportExists(path: String)
    /// Not done: why, by kind, worded in the interface language.
    case failed(Failure)
    case stopped
    // Service (issue 8)
    /// The changes a `.set` file would make, in file order (empty: nothing to change).
    case settingsPreview([SettingsChangeLine])
    /// A firmware transfer under way.
    case firmwareProgress(FirmwareProgress)
    /// The image was sent and verified (and activated when asked); `version` is the one the
    /// device reports afterwards.
    case firmwareDone(activated: Bool, version: String?)
    /// How the device's object list differs from the map (empty: no differences).
    case objects([ObjectDifference], compared: Int)
    /// The device's objects (All objects).
    case allObjects([DeviceObjectRow])
    /// One object's attributes as read.
    case objectAttributes(logicalName: String, className: String, [AttributeLine])
}

/// What a page may know when it handles a key or draws itself: the words, what the user
/// may do, whether the association allows writing, and the PC's time.
public struct PageContext: Sendable {
    public var strings: UIStrings
    public var permissions: Set<Permission>
    /// True when the connection is set to LLS (writes need it).
    public var lls: Bool
    /// True while a request of this page is in flight.
    public var busy: Bool
    /// The PC's time at the last tick (for the clock page).
    public var now: Date
    /// Where the page is drawn (the `area` of `render`), for keys that move by a screenful
    /// (PageUp/PageDown) or scroll sideways.
    public var area: Rect
    /// The serial number of the concentrator connected, when a page read it (for file
    /// names; nil before, and after another link is chosen).
    public var deviceSerial: String?
    /// The unit energy is shown and exported in (issue 18 item 11).
    public var energyUnit: EnergyUnit

    public init(strings: UIStrings, permissions: Set<Permission>, lls: Bool, busy: Bool = false, now: Date = Date(timeIntervalSince1970: 0),
                area: Rect = Rect(x: 0, y: 0, width: 52, height: 14), deviceSerial: String? = nil, energyUnit: EnergyUnit = .wh) {
        self.deviceSerial = deviceSerial
        self.energyUnit = energyUnit
        self.strings = strings
        self.permissions = permissions
        self.lls = lls
        self.busy = busy
        self.now = now
        self.area = area
    }

    public func may(_ permission: Permission) -> Bool { permissions.contains(permission) }
}
