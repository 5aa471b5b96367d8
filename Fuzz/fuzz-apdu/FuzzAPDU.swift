import DLMS

/// libFuzzer entry: the APDU decoder (ACSE and xDLMS) on arbitrary bytes; whatever it
/// accepts must re-encode to bytes that decode to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAPDU(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let apdu = try? APDU(decoding: bytes) else { return 0 }
    let again = try? APDU(decoding: apdu.encoded())
    precondition(again == apdu, "APDU does not survive a round trip")
    return 0
}
