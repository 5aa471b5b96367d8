/// ISO-like text for COSEM dates and times (Blue Book, IEC 62056-6-2 §4.1.6.1):
/// `2024-10-15 12:30:00 (deviation -180, status 00)`; a field that is not specified
/// prints as `*`, the special month and day values as `dst-begin`, `dst-end`, `last`,
/// `2nd-last`.
extension COSEMDate: CustomStringConvertible {
    public var description: String {
        var text = year == 0xFFFF ? "*" : Self.padded(Int(year), 4)
        let monthText: String = switch month {
        case 0xFD: "dst-end"
        case 0xFE: "dst-begin"
        case 0xFF: "*"
        default: Self.padded(Int(month), 2)
        }
        let dayText: String = switch dayOfMonth {
        case 0xFD: "2nd-last"
        case 0xFE: "last"
        case 0xFF: "*"
        default: Self.padded(Int(dayOfMonth), 2)
        }
        text += "-" + monthText + "-" + dayText
        // The day of week matters when the date is a pattern (e.g. "every Monday").
        let isPlainDate = year != 0xFFFF && (1...12).contains(month) && (1...31).contains(dayOfMonth)
        if dayOfWeek != 0xFF && !isPlainDate {
            text += " weekday " + String(dayOfWeek)
        }
        return text
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension COSEMTime: CustomStringConvertible {
    /// `12:30:00`, `12:30:00.50` when hundredths are specified and not zero, `*` for
    /// unspecified fields.
    public var description: String {
        func field(_ value: UInt8) -> String { value == 0xFF ? "*" : COSEMDate.padded(Int(value), 2) }
        var text = field(hour) + ":" + field(minute) + ":" + field(second)
        if hundredths != 0xFF && hundredths != 0 {
            text += "." + field(hundredths)
        }
        return text
    }
}

extension COSEMDateTime: CustomStringConvertible {
    public var description: String {
        let deviationText = deviation.map { String($0) } ?? "*"
        return date.description + " " + time.description
            + " (deviation " + deviationText + ", status " + Hex.string([status.rawValue]) + ")"
    }

    /// Every field holds a value its type allows (specified or one of the special values):
    /// used to decide whether an octet-string of 12 is shown as a date-time.
    var looksPlausible: Bool {
        ((1...12).contains(date.month) || date.month >= 0xFD)
            && ((1...31).contains(date.dayOfMonth) || date.dayOfMonth >= 0xFD)
            && ((1...7).contains(date.dayOfWeek) || date.dayOfWeek == 0xFF)
            && (time.hour <= 23 || time.hour == 0xFF)
            && (time.minute <= 59 || time.minute == 0xFF)
            && (time.second <= 59 || time.second == 0xFF)
            && (time.hundredths <= 99 || time.hundredths == 0xFF)
            && (deviation.map { (-840...840).contains($0) } ?? true)
    }
}
