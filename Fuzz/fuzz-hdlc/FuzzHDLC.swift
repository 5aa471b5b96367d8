import DLMS

/// libFuzzer entry: the HDLC stream decoder on arbitrary bytes, split at an arbitrary
/// point; every frame it yields must re-encode and decode to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHDLC(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var decoder = HDLCStreamDecoder()
    let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
    decoder.append(bytes[..<cut])
    var events = 0
    while decoder.next() != nil { events += 1 }
    decoder.append(bytes[cut...])
    while let event = decoder.next() {
        events += 1
        if case .frame(let frame, _) = event {
            let again = try? HDLCFrame(decoding: frame.encoded())
            precondition(again == frame, "HDLC frame does not survive a round trip")
        }
        precondition(events <= bytes.count + 1, "stream decoder yields more events than bytes")
    }
    return 0
}
