import DLMS
import ES951

/// One field of a CSV line (SPEC.md F-42), typed so the writer can apply the format's
/// decimal separator and the date-time layout; text goes through the spreadsheet rule
/// (`OutsideText.forSpreadsheet`) and is quoted when it must be.
public enum CSVCell: Hashable, Sendable {
    /// Text, perhaps from the device: a leading `=`, `+`, `-`, `@`, TAB or CR gets a `'`
    /// in front unless the text is a plain number (`-12.5`), control characters are
    /// written as visible escapes (`\x1b`), and the field is quoted when it holds the
    /// separator or a quote.
    case text(String)
    /// A value with its scaler applied, exact (no binary floating point), no digit
    /// grouping, with the format's decimal separator: raw 1234 scaler −2 → `12,34`.
    case number(ScaledValue)
    /// A whole number: `-12`, `4059`.
    case integer(Int64)
    /// `YYYY-MM-DD HH:MM` from the date-time's own fields (the device's local time; no
    /// conversion). A date-time with an unspecified date or time field is an empty field.
    case dateTime(COSEMDateTime)
    /// An empty field.
    case empty
}
