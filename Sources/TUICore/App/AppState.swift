import Accounts
import ES951
import Foundation

/// Everything the terminal UI shows, as one value. `update` changes it; `render` draws it.
public struct AppState: Sendable {
    public enum Phase: Sendable { case login, main }
    public enum Focus: Sendable, Hashable { case tree, work }
    public enum LinkState: Sendable, Equatable {
        case disconnected
        case connecting
        case connected(String)
        case failed(String)
    }

    /// A window over the main screen that takes the keys while it is open.
    public enum Modal: Sendable {
        /// Help, scrolled by this many lines.
        case help(scroll: Int)
        case message(title: String, lines: [String])
        case settings(ConnectionSettingsScreen)
        case users(UsersScreen)
        case roles(RolesScreen)
        case changePassword(ChangePasswordScreen)
        /// "Quit?" / "Switch user?" / "Stop?" while work is in flight or typed values are
        /// not written: what would be lost, and the buttons (Cancel first in focus).
        case leave(Leaving, DialogState)
        /// The exchange log, whole, scrolled and saved (Alt-L, Settings ▸ Exchange log).
        case log(LogWindow)
        /// The audit log (System ▸ Audit log, administrators): filtered, scrolled, saved as CSV.
        case audit(AuditWindow)
    }

    /// Ways out of the session that can lose work.
    public enum Leaving: Sendable, Hashable {
        /// F10, `q`, System ▸ Exit.
        case quit
        /// Ctrl-C.
        case interrupt
        /// System ▸ Switch user.
        case switchUser
    }

    public var width: Int
    public var height: Int
    public var language: UILanguage
    let catalogue: [UILanguage: UIStrings]

    public var phase: Phase = .login
    public var login: LoginScreen
    public var session: SessionInfo?

    public var menu = MenuState()
    public var focus: Focus = .tree
    public var tree = TreeState(expanded: ParameterTree.allExpanded, selected: ParameterPage.info.rawValue)
    public var page: ParameterPage = .info
    /// Every other page of the work area.
    public var pages = Pages()
    /// The page whose request is in flight.
    public var busyPage: ParameterPage?
    /// The PC's time at the last tick (the runtime ticks every second).
    public var now = Date(timeIntervalSince1970: 0)
    public var modal: Modal?

    public var connection: LinkSpec
    /// The LLS password for this session only (never drawn, never logged).
    public var llsPassword: String?
    /// The LLS password of the profile loaded in the settings window, used if it is applied.
    var profilePassword: String?
    /// The profile last loaded in the settings window, with its settings.
    var loadedProfile: (name: String, spec: LinkSpec)?
    /// The saved profile the connection is, when it is one unchanged: named in the
    /// connection panel's title (issue 18 item 7).
    public var profileName: String?
    /// The new LLS password of a change in flight: the session takes it when the device does.
    var newLLSPassword: String?
    public var link: LinkState = .disconnected
    /// The serial number of the concentrator connected, from the last page that read it.
    public var deviceSerial: String?
    /// True while the request in flight writes a CSV file (its failure goes to the log).
    var exportInFlight = false
    /// The unit energy is shown and exported in, on every data page (issue 18 item 11):
    /// the user's own, from the login on; `u` on Profiles or Meter data changes it.
    public var energyUnit: EnergyUnit = .wh
    /// A read in flight (F5 … until its result or Esc).
    public var reading: ReadProgressInfo?
    /// A short line on the work area's bottom: the last outcome.
    public var status: String?

    /// The exchange log (SPEC "zone 5"): command lines and, when `rawTrace`, frame lines.
    public var log: [LogLine] = []
    public var rawTrace = false
    public var quitting = false

    public struct LogLine: Sendable, Equatable {
        public var text: String
        public var isTrace: Bool
    }

    /// - Parameter strings: the interface strings in both languages.
    public init(width: Int, height: Int, language: UILanguage, strings: [UILanguage: UIStrings],
                connection: LinkSpec = .demo, firstRun: Bool = false) {
        self.width = width
        self.height = height
        self.language = language
        catalogue = strings
        self.connection = connection
        login = LoginScreen(firstRun: firstRun)
    }

    /// The strings of the interface language.
    public var strings: UIStrings {
        catalogue[language] ?? UIStrings(language: language, table: [:])
    }

    /// Whether the screen changes with the time alone (the Clock page shows both clocks
    /// running): only then does the loop wake each second (issue 19: idle CPU).
    public var wantsTicks: Bool { phase == .main && page == .clock && modal == nil }

    /// True while typing goes into a text field (then `q` is a letter, not quit).
    public var hasTextFocus: Bool {
        if phase == .login { return true }
        if modal == nil, menu.open == nil, focus == .work, let p = pages.page(page), p.hasTextFocus { return true }
        switch modal {
        case .settings(let s): return s.hasTextFocus
        case .users(let s): return s.hasTextFocus
        case .roles(let s): return s.hasTextFocus
        case .changePassword(let s): return s.hasTextFocus
        case .log(let w): return w.hasTextFocus
        case .audit(let w): return w.hasTextFocus
        case .help, .message, .leave, nil: return false
        }
    }

    /// What the current page may know.
    public var pageContext: PageContext {
        PageContext(strings: strings, permissions: session?.permissions ?? [], lls: connection.security == .lls,
                    busy: busyPage == page && reading != nil, now: now,
                    area: Frame().inner(MainLayout(width: width, height: height).work).splitBottom(1).rest,
                    deviceSerial: deviceSerial, energyUnit: energyUnit)
    }

    var isFailed: Bool { if case .failed = link { true } else { false } }

    public var isConnected: Bool { if case .connected = link { true } else { false } }

    static let logLimit = 500

    mutating func append(_ text: String, trace: Bool = false) {
        log.append(LogLine(text: text, isTrace: trace))
        if log.count > Self.logLimit { log.removeFirst(log.count - Self.logLimit) }
    }
}
