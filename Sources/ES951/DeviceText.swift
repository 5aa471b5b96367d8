/// Text a device sends in a visible-, utf8- or octet-string, as people read it.
///
/// Devices built to Russian conventions (СПОДЭС/СПОДУС) put Cyrillic text such as the
/// device type or a meter model into octet-strings in Windows-1251, not UTF-8. A string
/// that is valid UTF-8 is taken as UTF-8 (ASCII is both); any other is decoded as
/// Windows-1251, which gives every byte a character, so nothing is shown as `�`.
///
/// ```swift
/// DeviceText.decode([0xD3, 0xD1, 0xCF, 0xC4])   // "УСПД"
/// DeviceText.decode(Array("ES-951".utf8))       // "ES-951"
/// ```
/// Control characters are kept: what prints the text escapes them (`OutsideText`).
public enum DeviceText {
    public static func decode(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return windows1251(bytes)
    }

    /// Windows-1251: ASCII below 0x80, А…я at 0xC0…0xFF, the table below between.
    public static func windows1251(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let code: UInt32
            switch byte {
            case 0..<0x80: code = UInt32(byte)
            case 0xC0...0xFF: code = 0x0410 + UInt32(byte - 0xC0)
            default: code = UInt32(upperHalf[Int(byte - 0x80)])
            }
            scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Bytes 0x80…0xBF of Windows-1251 (0x98 is unassigned: U+FFFD).
    private static let upperHalf: [UInt16] = [
        0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
        0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
        0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
        0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
    ]
}
