import DLMS
import ES951

/// The words of `hlmcs objects`, in English and Russian.
extension Strings {
    func objectsMatch(_ count: Int) -> String { self["cli.objects.match", String(count)] }

    func objectsMissing(_ count: Int) -> String { self["cli.objects.missing", String(count)] }

    func objectsExtra(_ count: Int) -> String { self["cli.objects.extra", String(count)] }

    func objectsMismatched(_ count: Int) -> String { self["cli.objects.mismatched", String(count)] }

    func objectsMismatch(_ m: ObjectListComparison.Mismatch) -> String {
        self["cli.objects.mismatch", String(m.mapClass), String(m.mapVersion), String(m.deviceClass), String(m.deviceVersion)]
    }

    func objectsDiffer(_ count: Int, of compared: Int) -> String { self["cli.objects.differ", String(count), String(compared)] }
}
