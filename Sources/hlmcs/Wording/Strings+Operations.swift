import ES951
import Concentrator
import DLMS
import Operations

/// The failures of the use cases (``OperationFailure``) in words, for the commands and the TUI.
extension Strings {
    func failure(for failure: OperationFailure) -> CommandFailure {
        switch failure {
        case .needsLLS:
            CommandFailure(status: .deviceRefused, message: t(
                "Writing needs an LLS association: add --lls (the password from HLMCS_LLS_PASSWORD or a prompt); nothing was sent.",
                "Для записи нужна ассоциация LLS: добавьте --lls (пароль из HLMCS_LLS_PASSWORD или по запросу); ничего не отправлено."))
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
            CommandFailure(status: .usage, message: t("The current password is not the one this connection was opened with.",
                                                      "Текущий пароль не тот, с которым открыто подключение."))
        }
    }

    /// The TUI's way out of a write under NLS.
    var writeNeedsLLSInTheUI: String {
        t("Writing needs an LLS association: choose LLS in the settings (F3) and connect again.",
          "Для записи нужна ассоциация LLS: выберите LLS в настройках (F3) и подключитесь снова.")
    }

    /// Why a `.set` import stopped at a key.
    func stopText(_ stop: SettingsTransfer.Stop, link: LinkSpec?) -> String {
        switch stop {
        case .refused(let reason): reason.description
        case .notTaken(let readBack): t("reads back \(readBackText(readBack))", "читается как \(readBackText(readBack))")
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
