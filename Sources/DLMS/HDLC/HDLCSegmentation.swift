/// Splitting one APDU into the information fields of successive I-frames
/// (IEC 62056-46 §6.4.4.4.3.5 segmentation; PROTOCOL.md §1 "Segmentation and windowing").
///
/// Pure helpers for the link layer: it sends each field in an I-frame, with the S bit set
/// on every frame but the last.
public enum HDLCSegmentation {
    /// The information fields carrying `apdu`: the LLC header (``LLC/command`` or
    /// ``LLC/response``) is prepended to the first field only, and every field, LLC
    /// included, holds at most `maxInfo` bytes. Always at least one field (an empty APDU
    /// gives `[llc]`).
    ///
    /// - Precondition: `maxInfo > llc.count` (the first field must hold an APDU byte).
    public static func segments(of apdu: [UInt8], llc: [UInt8], maxInfo: Int) -> [[UInt8]] {
        precondition(maxInfo > llc.count, "maxInfo must leave room after the LLC header")
        let firstCount = min(apdu.count, maxInfo - llc.count)
        var result: [[UInt8]] = []
        result.reserveCapacity(1 + (apdu.count - firstCount + maxInfo - 1) / maxInfo)
        result.append(llc + apdu[0..<firstCount])
        var index = firstCount
        while index < apdu.count {
            let next = min(apdu.count, index + maxInfo)
            result.append(Array(apdu[index..<next]))
            index = next
        }
        return result
    }
}
