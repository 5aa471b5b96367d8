/// SNRM/UA information field (IEC 62056-46 §6.4.4.4.3.2; PROTOCOL.md §1 "SNRM/UA parameter
/// negotiation"): `81 80 LL` (format identifier, HDLC parameter group, group length) then
/// `id len value` entries, values big-endian on 1, 2 or 4 bytes:
/// `05` maximum information field length transmit, `06` … receive, `07` window size
/// transmit, `08` … receive — each from the point of view of the frame's sender.
extension HDLCParameters {
    static let formatIdentifier: UInt8 = 0x81
    static let groupIdentifier: UInt8 = 0x80

    /// The information field of an SNRM or UA carrying these parameters.
    ///
    /// Values are written in the fewest bytes (1 byte below 256, 2 below 65 536, else 4).
    /// With `onlyNonDefault` the entries equal to the defaults (128 bytes, 1 frame) are left
    /// out, and when every value is a default the result is `[]`: a plain SNRM carries no
    /// information field (Gurux clients do the same). Negative values are written as 0.
    public func encodedInformation(onlyNonDefault: Bool) -> [UInt8] {
        let d = HDLCParameters.defaults
        let entries: [(UInt8, Int, Int)] = [
            (0x05, maxInfoTransmit, d.maxInfoTransmit), (0x06, maxInfoReceive, d.maxInfoReceive),
            (0x07, windowTransmit, d.windowTransmit), (0x08, windowReceive, d.windowReceive),
        ]
        var out: [UInt8] = [Self.formatIdentifier, Self.groupIdentifier, 0]
        for (id, value, defaultValue) in entries where !(onlyNonDefault && value == defaultValue) {
            let v = UInt32(clamping: max(0, value))
            out.append(id)
            switch v {
            case ..<0x100:
                out.append(1); out.append(UInt8(v))
            case ..<0x10000:
                out.append(2); out.append(UInt8(v >> 8)); out.append(UInt8(truncatingIfNeeded: v))
            default:
                out.append(4)
                for shift: UInt32 in [24, 16, 8, 0] { out.append(UInt8(truncatingIfNeeded: v >> shift)) }
            }
        }
        if out.count == 3 { return [] }
        out[2] = UInt8(out.count - 3)   // at most 4 entries of 6 bytes
        return out
    }

    /// Parses an SNRM or UA information field.
    ///
    /// An empty field means all defaults, and so does any parameter left out. Values may
    /// be 1, 2 or 4 bytes long (Gurux writes windows on 4); entries with unknown ids are
    /// skipped. Throws ``HDLCError/badParameters`` when the field does not start with
    /// `81 80`, when the group length disagrees with the bytes present, or when an entry
    /// runs past the group or gives a known parameter a length other than 1, 2 or 4.
    public init(information: [UInt8]) throws(HDLCError) {
        self.init()
        if information.isEmpty { return }
        guard information.count >= 3, information[0] == Self.formatIdentifier,
              information[1] == Self.groupIdentifier,
              Int(information[2]) == information.count - 3 else { throw .badParameters }
        var i = 3
        let end = information.count
        while i < end {
            guard end - i >= 2 else { throw .badParameters }
            let id = information[i], len = Int(information[i + 1])
            i += 2
            guard len <= end - i else { throw .badParameters }
            defer { i += len }
            guard (0x05...0x08).contains(id) else { continue }
            guard len == 1 || len == 2 || len == 4 else { throw .badParameters }
            var value = 0
            for k in i..<i + len { value = value << 8 | Int(information[k]) }
            switch id {
            case 0x05: maxInfoTransmit = value
            case 0x06: maxInfoReceive = value
            case 0x07: windowTransmit = value
            default: windowReceive = value
            }
        }
    }

    /// The parameters a server states in its UA, for a client proposal `self` (as parsed
    /// from the SNRM, client's point of view) and the server's own `limits` (server's point
    /// of view: what it can send and receive at most).
    ///
    /// The result is from the **server's** point of view, ready for ``encodedInformation(onlyNonDefault:)``:
    /// - `maxInfoTransmit` (UA `05`) = min(client's receive proposal `06`, server's transmit limit)
    /// - `maxInfoReceive` (UA `06`) = min(client's transmit proposal `05`, server's receive limit)
    /// - `windowTransmit` (UA `07`) = min(client's receive window `08`, server's transmit window)
    /// - `windowReceive` (UA `08`) = min(client's transmit window `07`, server's receive window)
    ///
    /// So the server never sends more than the client can take, nor accepts more than it can
    /// hold. The server then uses the result as it stands: transmit with `maxInfoTransmit`
    /// and `windowTransmit`, accept up to `maxInfoReceive` and `windowReceive`.
    public func negotiated(withServerLimits limits: HDLCParameters) -> HDLCParameters {
        HDLCParameters(maxInfoTransmit: min(maxInfoReceive, limits.maxInfoTransmit),
                       maxInfoReceive: min(maxInfoTransmit, limits.maxInfoReceive),
                       windowTransmit: min(windowReceive, limits.windowTransmit),
                       windowReceive: min(windowTransmit, limits.windowReceive))
    }

    /// The parameters a client uses after receiving `ua` (as parsed from the UA, server's
    /// point of view), from the **client's** point of view — the mapping of Gurux
    /// `parseSnrmUaResponse` (PROTOCOL.md §1):
    /// - `maxInfoTransmit` = UA `06` (the most the server receives)
    /// - `maxInfoReceive` = UA `05` (the most the server sends)
    /// - `windowTransmit` = UA `08` (the server's receive window)
    /// - `windowReceive` = UA `07` (the server's transmit window)
    ///
    /// `self`, the client's proposal, is not consulted: the UA is authoritative. A conforming
    /// server answers with values no larger than the proposal, and a client must accept the
    /// frames the server announces it will send even when a server exceeds the proposal (§6
    /// vector 1: a bare SNRM, so 128, answered with 154 both ways).
    public func clientView(ofUA ua: HDLCParameters) -> HDLCParameters {
        HDLCParameters(maxInfoTransmit: ua.maxInfoReceive, maxInfoReceive: ua.maxInfoTransmit,
                       windowTransmit: ua.windowReceive, windowReceive: ua.windowTransmit)
    }
}
