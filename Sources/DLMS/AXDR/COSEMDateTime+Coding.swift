/// Raw byte forms of COSEM date, time and date-time (Blue Book, IEC 62056-6-2 §4.1.6.1;
/// PROTOCOL.md §4): date 5 bytes, time 4 bytes, date-time 12 bytes, without an A-XDR tag.
/// Date-times usually travel as an octet-string of 12 (`09 0C …`), sometimes as tag 0x19.
extension COSEMDate {
    /// The size of the raw form.
    public static let byteCount = 5

    /// Writes year (2, big-endian), month, day of month, day of week.
    public func encode(into writer: inout ByteWriter) {
        writer.write(year)
        writer.write(month)
        writer.write(dayOfMonth)
        writer.write(dayOfWeek)
    }

    /// The 5 raw bytes.
    public var bytes: [UInt8] {
        var writer = ByteWriter(capacity: Self.byteCount)
        encode(into: &writer)
        return writer.bytes
    }

    /// Reads 5 raw bytes; the cursor is left unchanged when they are not all there.
    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> COSEMDate {
        guard reader.remaining >= byteCount else {
            throw .truncated(needed: byteCount, available: reader.remaining)
        }
        let year = try reader.readUInt16()
        let month = try reader.readByte()
        let day = try reader.readByte()
        let weekday = try reader.readByte()
        return COSEMDate(year: year, month: month, dayOfMonth: day, dayOfWeek: weekday)
    }

    /// Exactly 5 raw bytes (`.truncated` if fewer, `.trailingBytes` if more).
    public init(bytes: [UInt8]) throws(DLMSDecodingError) {
        var reader = ByteReader(bytes)
        self = try Self.decode(from: &reader)
        guard reader.isAtEnd else { throw .trailingBytes(reader.remaining) }
    }
}

extension COSEMTime {
    /// The size of the raw form.
    public static let byteCount = 4

    /// Writes hour, minute, second, hundredths.
    public func encode(into writer: inout ByteWriter) {
        writer.write(hour)
        writer.write(minute)
        writer.write(second)
        writer.write(hundredths)
    }

    /// The 4 raw bytes.
    public var bytes: [UInt8] {
        var writer = ByteWriter(capacity: Self.byteCount)
        encode(into: &writer)
        return writer.bytes
    }

    /// Reads 4 raw bytes; the cursor is left unchanged when they are not all there.
    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> COSEMTime {
        guard reader.remaining >= byteCount else {
            throw .truncated(needed: byteCount, available: reader.remaining)
        }
        let hour = try reader.readByte()
        let minute = try reader.readByte()
        let second = try reader.readByte()
        let hundredths = try reader.readByte()
        return COSEMTime(hour: hour, minute: minute, second: second, hundredths: hundredths)
    }

    /// Exactly 4 raw bytes (`.truncated` if fewer, `.trailingBytes` if more).
    public init(bytes: [UInt8]) throws(DLMSDecodingError) {
        var reader = ByteReader(bytes)
        self = try Self.decode(from: &reader)
        guard reader.isAtEnd else { throw .trailingBytes(reader.remaining) }
    }
}

extension COSEMDateTime {
    /// The size of the raw form.
    public static let byteCount = 12
    /// The deviation value meaning "not specified".
    static let unspecifiedDeviation: UInt16 = 0x8000

    /// Writes date (5), time (4), deviation (int16, 0x8000 when nil), clock status (1).
    public func encode(into writer: inout ByteWriter) {
        date.encode(into: &writer)
        time.encode(into: &writer)
        if let deviation {
            writer.write(UInt16(bitPattern: deviation))
        } else {
            writer.write(Self.unspecifiedDeviation)
        }
        writer.write(status.rawValue)
    }

    /// The 12 raw bytes.
    public var bytes: [UInt8] {
        var writer = ByteWriter(capacity: Self.byteCount)
        encode(into: &writer)
        return writer.bytes
    }

    /// Reads 12 raw bytes; the cursor is left unchanged when they are not all there.
    public static func decode(from reader: inout ByteReader) throws(DLMSDecodingError) -> COSEMDateTime {
        guard reader.remaining >= byteCount else {
            throw .truncated(needed: byteCount, available: reader.remaining)
        }
        let date = try COSEMDate.decode(from: &reader)
        let time = try COSEMTime.decode(from: &reader)
        let rawDeviation = try reader.readUInt16()
        let status = try reader.readByte()
        let deviation: Int16? = rawDeviation == unspecifiedDeviation ? nil : Int16(bitPattern: rawDeviation)
        return COSEMDateTime(date: date, time: time, deviation: deviation, status: ClockStatus(rawValue: status))
    }

    /// Exactly 12 raw bytes (`.truncated` if fewer, `.trailingBytes` if more).
    public init(bytes: [UInt8]) throws(DLMSDecodingError) {
        var reader = ByteReader(bytes)
        self = try Self.decode(from: &reader)
        guard reader.isAtEnd else { throw .trailingBytes(reader.remaining) }
    }
}

extension DLMSData {
    /// A date-time as it usually travels: an octet-string of 12 (PROTOCOL.md §4).
    public static func dateTimeOctetString(_ value: COSEMDateTime) -> DLMSData {
        .octetString(value.bytes)
    }

    /// The date-time carried by this value: tag 0x19, or an octet-string of exactly 12 bytes.
    public var dateTimeValue: COSEMDateTime? {
        switch self {
        case .dateTime(let value): return value
        case .octetString(let bytes) where bytes.count == COSEMDateTime.byteCount:
            return try? COSEMDateTime(bytes: bytes)
        default: return nil
        }
    }
}
