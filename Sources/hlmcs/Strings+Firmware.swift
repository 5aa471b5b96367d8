import Concentrator
import Foundation

/// The words of `hlmcs firmware` (SPEC F-62), in English and Russian.
extension Strings {
    func firmwareProgress(_ p: ImageTransferProgress, since started: Date) -> String {
        let sent = p.blocksDone - p.alreadyThere
        let elapsed = Date().timeIntervalSince(started)
        var left = ""
        if sent > 0, p.blocksDone < p.blocksTotal {
            let seconds = Int((elapsed / Double(sent) * Double(p.blocksTotal - p.blocksDone)).rounded(.up))
            left = t(", ~\(seconds) s left", ", осталось ~\(seconds) с")
        }
        return t("blocks \(p.blocksDone)/\(p.blocksTotal), \(p.bytesDone)/\(p.bytesTotal) bytes", "блоки \(p.blocksDone)/\(p.blocksTotal), байты \(p.bytesDone)/\(p.bytesTotal)") + left
    }

    func firmwareCut(_ p: ImageTransferProgress, error: String) -> String {
        t("The transfer stopped at block \(p.blocksDone) of \(p.blocksTotal): \(error) The device keeps its blocks: run the same command again to resume.",
          "Передача прервана на блоке \(p.blocksDone) из \(p.blocksTotal): \(error) Устройство хранит принятые блоки: запустите ту же команду снова, чтобы продолжить.")
    }

    func firmwareDone(_ o: ImageTransferOutcome, identifier: String, version: String?) -> String {
        var text = t("Image \(identifier): \(o.blocksTotal) blocks, \(o.blocksSent) sent now, \(o.alreadyThere) already on the device; verified.",
                     "Образ \(identifier): блоков \(o.blocksTotal), передано сейчас \(o.blocksSent), уже было на устройстве \(o.alreadyThere); проверен.")
        if o.activated {
            text += " " + t("Activated; the concentrator reports version \(version ?? "?").",
                            "Активирован; концентратор сообщает версию \(version ?? "?").")
        } else {
            text += " " + t("Not activated (add --activate).", "Не активирован (добавьте --activate).")
        }
        return text
    }
}
