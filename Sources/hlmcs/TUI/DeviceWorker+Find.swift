import Concentrator
import DLMS
import ES951
import Failures
import Foundation
import TUICore

/// F6 in the connection window: the search `hlmcs detect` makes (``Detection``), its
/// progress on the status line and the progress bar, Esc stopping it between two probes.
extension DeviceWorker {
    func find(_ spec: LinkSpec) async {
        let s = words()
        let post = self.post
        do {
            let found = try await Detection.find(spec, serial: nil, maps: [map] + alsoMaps, limit: .seconds(60)) { p in
                post(.findTrying(tried: p.tried, total: p.total, candidate: (p.candidate.baud.map { "\($0) bit/s, " } ?? "") + p.candidate.source))
            }
            if Task.isCancelled { post(.readStopped); return }
            guard let found else {
                post(.findFailed(Failure(.link, s["cli.detect.nothing", "60"])))
                return
            }
            // What answered, with the user's security and client kept.
            var settings = found.spec
            settings.security = spec.security
            settings.clientSAP = spec.clientSAP
            let address = found.answeredFrom
            let summary = (found.candidate.baud.map { "\($0) bit/s, " } ?? "") + found.candidate.source
                + " → \(address.upper)/\(address.lower.map(String.init) ?? "—")"
            post(.found(settings, summary: summary))
        } catch {
            post(.findFailed(s.failure(of: error, link: spec)))
        }
    }
}
