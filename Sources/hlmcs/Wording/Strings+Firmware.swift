import Concentrator
import Foundation

/// The words of `hlmcs firmware` (SPEC F-62), in English and Russian.
extension Strings {
    /// Blocks and bytes on the device, and the time left estimated from this run's pace.
    func firmwareProgress(_ p: ImageTransferProgress, since started: Date) -> String {
        let sent = p.blocksDone - p.alreadyThere
        let elapsed = Date().timeIntervalSince(started)
        var left = ""
        if sent > 0, p.blocksDone < p.blocksTotal {
            let seconds = Int((elapsed / Double(sent) * Double(p.blocksTotal - p.blocksDone)).rounded(.up))
            left = t(", ~\(seconds) s left", ", осталось ~\(seconds) с")
        }
        return t("blocks \(p.blocksDone)/\(p.blocksTotal), \(p.bytesDone)/\(p.bytesTotal) bytes",
                 "блоки \(p.blocksDone)/\(p.blocksTotal), байты \(p.bytesDone)/\(p.bytesTotal)") + left
    }

    /// A cut line: how many blocks the device has (when known), and how to resume.
    func firmwareCut(_ p: ImageTransferProgress?, error: String) -> String {
        let had = p.map { t("The device has \($0.blocksDone) of \($0.blocksTotal) blocks. ", "На устройстве \($0.blocksDone) из \($0.blocksTotal) блоков. ") } ?? ""
        return t("The firmware transfer stopped: \(error) \(had)The device keeps its blocks: run the same command again to resume.",
                 "Передача прошивки прервана: \(error) \(had)Устройство хранит принятые блоки: запустите ту же команду снова, чтобы продолжить.")
    }

    var firmwareBadIdentifier: String {
        t("The image identifier must be 1 to 255 bytes (--id).", "Идентификатор образа — от 1 до 255 байт (--id).")
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
