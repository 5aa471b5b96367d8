import ES951
import Concentrator
import DLMS
import Failures
import Operations

/// The failures of the use cases (``OperationFailure``) in words, for the commands and the TUI.
extension Strings {
    func failure(for failure: OperationFailure) -> CommandFailure {
        switch failure {
        case .needsLLS:
            CommandFailure(status: .deviceRefused, message: self["errors.operation.needsLLS"])
        case .auditUnavailable(let error):
            CommandFailure(status: .usage, message: auditUnavailable(error))
        case .unreadableFile(let path):
            CommandFailure(status: .usage, message: cannotReadFile(path))
        case .unwritableFile(let path, let error):
            CommandFailure(status: .usage, message: cannotWriteFile(path, fileReason(FileReason(error))))
        case .settingsFile(let path, let problem):
            CommandFailure(status: .usage, message: settingsProblem(path, problem))
        case .settingsInvalidTogether(let path, let problem):
            CommandFailure(status: .usage, message: settingsInvalidTogether(path, problem))
        case .wrongCurrentPassword:
            CommandFailure(status: .usage, message: self["errors.operation.wrongCurrentPassword"])
        case .methodNotOffered:
            CommandFailure(status: .loginOrPermission, message: self["errors.operation.methodNotOffered"])
        case .administratorOnly:
            CommandFailure(status: .loginOrPermission, message: self["errors.operation.administratorOnly"])
        }
    }

    /// The TUI's way out of a write under NLS.
    var writeNeedsLLSInTheUI: String { self["errors.operation.writeNeedsLLSInTheUI"] }

    /// Why a `.set` import stopped at a key.
    func stopText(_ stop: SettingsTransfer.Stop, link: LinkSpec?) -> String {
        switch stop {
        case .refused(let reason): reason.description
        case .notTaken(let readBack): self["errors.operation.stop.readsBack", readBackText(readBack)]
        case .failed(let error): deviceFailure(for: error, link: link)?.message ?? failure(for: error).message
        }
    }

    /// What a device holds after a write it did not take.
    func readBackText(_ readBack: GetDataResult) -> String {
        switch readBack {
        case .data(let data): ValueText.text(data)
        case .error(let reason): Strings.dataAccessResultName(reason)
        }
    }
}

extension ExitStatus {
    /// The kind of failure a command's exit status stands for.
    var failureKind: Failure.Kind {
        switch self {
        case .deviceRefused: .refused
        case .link: .link
        case .loginOrPermission: .permission
        case .usage, .success: .input
        }
    }
}

extension CommandFailure {
    /// The same failure for the terminal UI: its kind and its words.
    var failure: Failure { Failure(status.failureKind, message) }
}

extension Strings {
    /// Any error as a ``Failure``: the device layers' (the link named), the accounts',
    /// the use cases', or — never a dump — a worded fallback.
    func failure(of error: any Error, link: LinkSpec? = nil) -> Failure {
        (deviceFailure(for: error, link: link) ?? failure(for: error)).failure
    }
}
