import Accounts
import ES951

extension AppState {
    /// Applies `msg` and returns what the runtime must do. Pure: no I/O here.
    public mutating func update(_ msg: Msg) -> [Effect] {
        switch msg {
        case .key(let key):
            return handle(key)
        case .resized(let w, let h):
            width = w
            height = h
            return []
        case .started(let firstRun):
            login = LoginScreen(firstRun: firstRun)
            return []
        case .loggedIn, .loginFailed, .administratorPasswordNeeded, .permissionsChanged, .usersLoaded, .matrixLoaded,
             .accountChanged, .accountFailed, .passwordChanged:
            return accountMessage(msg)
        case .auditLoaded, .auditFailed, .auditExported, .auditExportFailed:
            return auditMessage(msg)
        case .settingsReady, .profileLoaded, .profilesChanged:
            return settingsMessage(msg)
        case .connecting, .connected, .deviceMap, .findTrying, .found, .findFailed, .connectFailed, .disconnected, .serverAddressChanged, .connectionRestored:
            return linkMessage(msg)
        case .progress, .readStopped, .page:
            return resultMessage(msg)
        case .tick(let date):
            now = date
            return []
        case .log(let text):
            append(text)
            return []
        case .trace(let text):
            append(text, trace: true)
            return []
        case .logSaved(let text), .logSaveFailed(let text):
            if case .log(var window) = modal {
                if case .logSaveFailed = msg { window.saved(text, failed: true) } else { window.saved(text, failed: false) }
                modal = .log(window)
            }
            append(text)
            return []
        }
    }

    /// After an LLS password change the device took, the session connects with the new
    /// password (it was the old one's until then).
    mutating func followLLSPassword(_ result: PageResult) {
        switch result {
        case .written(let writes):
            if let new = newLLSPassword, writes.contains(where: { $0.field == "llsPassword" && $0.outcome == .accepted }) {
                llsPassword = new
            }
            newLLSPassword = nil
        case .failed, .stopped: newLLSPassword = nil
        default: break
        }
    }

    /// A new user starts on a fresh information page, every item checked.
    mutating func resetInformation() {
        pages.info = InfoPage()
        status = nil
    }

    func roleLabel(_ role: Role) -> String { strings["role." + role.name] }
}
