import DLMS

/// libFuzzer entry: the A-XDR decoder on arbitrary bytes; whatever it accepts must
/// re-encode to bytes that decode to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAXDR(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? DLMSData(decoding: bytes) else { return 0 }
    let again = try? DLMSData(decoding: value.encoded)
    precondition(again == value, "A-XDR value does not survive a round trip")
    _ = value.description
    return 0
}
