import DLMS
import DLMSTransport
import ES951

extension Concentrator {
    /// The object list of the association in use (15/0.0.40.0.0.255/2, ES951-MAP.md
    /// "object list"), every element as an ``ObjectListEntry``; a long list comes in blocks.
    public func readObjectList() async throws(ConcentratorError) -> [ObjectListEntry] {
        try await logged("read object list") { () async throws(ConcentratorError) -> [ObjectListEntry] in
            let list = try await values([Self.objectListAttribute])[0]
            let entries = try modelCall { () throws(ModelError) in try ObjectListEntry.entries(from: list) }
            noteRows(entries.count, total: entries.count)
            return entries
        }
    }

    /// 15/0.0.40.0.0.255/2: the standard place, whatever map is in use (an edited map
    /// may lack it, and the list is what tells).
    static let objectListAttribute = CosemAttributeDescriptor(classID: 15, instance: OBISCode(0, 0, 40, 0, 0, 255), attribute: 2)

    /// The association's object list compared with the device map this concentrator uses.
    public func compareObjectList() async throws(ConcentratorError) -> ObjectListComparison {
        let entries = try await readObjectList()
        return ObjectListComparison(device: entries, map: map)
    }
}
