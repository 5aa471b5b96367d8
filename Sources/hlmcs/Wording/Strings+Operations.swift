import ES951
import Concentrator
import DLMS
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
