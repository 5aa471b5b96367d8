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
            left = self["cli.firmware.progress.timeLeft", String(seconds)]
        }
        return self["cli.firmware.progress.blocks", String(p.blocksDone), String(p.blocksTotal),
                    String(p.bytesDone), String(p.bytesTotal)] + left
    }

    /// A cut line: how many blocks the device has (when known), and how to resume.
    func firmwareCut(_ p: ImageTransferProgress?, error: String) -> String {
        let had = p.map { self["cli.firmware.cut.deviceHas", String($0.blocksDone), String($0.blocksTotal)] } ?? ""
        return self["cli.firmware.cut.message", error, had]
    }

    var firmwareBadIdentifier: String { self["cli.firmware.badIdentifier"] }

    func firmwareDone(_ o: ImageTransferOutcome, identifier: String, version: String?) -> String {
        var text = self["cli.firmware.done.verified", identifier, String(o.blocksTotal), String(o.blocksSent), String(o.alreadyThere)]
        if o.activated {
            text += " " + self["cli.firmware.done.activated", version ?? "?"]
        } else {
            text += " " + self["cli.firmware.done.notActivated"]
        }
        return text
    }
}
