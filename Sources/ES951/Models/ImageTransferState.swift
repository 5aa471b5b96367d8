import DLMS

/// Where the device's firmware image transfer stands (image transfer, class 18,
/// 0.0.44.0.0.255, ES951-MAP.md): attributes 2 (block size), 3 (transferred-blocks
/// bit-string), 4 (first not transferred block) and 6 (status).
public struct ImageTransferState: Equatable, Sendable {
    /// Attribute 6, `image_transfer_status`.
    public enum Status: UInt8, Equatable, Sendable {
        case notInitiated = 0, initiated, verificationInitiated, verificationSuccessful,
             verificationFailed, activationInitiated, activationSuccessful, activationFailed
    }

    public var blockSize: Int
    /// One flag per block the device knows of, first block first.
    public var transferred: [Bool]
    public var firstNotTransferred: Int
    public var status: Status

    public init(blockSize: Int, transferred: [Bool], firstNotTransferred: Int, status: Status) {
        self.blockSize = blockSize; self.transferred = transferred
        self.firstNotTransferred = firstNotTransferred; self.status = status
    }

    /// The state from the four values as read (attributes 2, 3, 4, 6 in that order).
    /// - Throws: `ModelError.unexpectedValue` for a value of another type, a block size
    ///   of 0 or an unknown status.
    public init(values: [DLMSData]) throws(ModelError) {
        guard values.count == 4 else {
            throw .unexpectedValue(field: "image-transfer", value: .structure(values))
        }
        let size = try values[0].unsignedValue("image-transfer.image-block-size")
        guard size > 0, size <= 65_535 else { throw .unexpectedValue(field: "image-transfer.image-block-size", value: values[0]) }
        guard case .bitString(let bits) = values[1] else {
            throw .unexpectedValue(field: "image-transfer.image-transferred-blocks-status", value: values[1])
        }
        let first = try values[2].unsignedValue("image-transfer.image-first-not-transferred-block-number")
        let raw = try values[3].unsignedValue("image-transfer.image-transfer-status")
        guard let status = UInt8(exactly: raw).flatMap(Status.init(rawValue:)) else {
            throw .unexpectedValue(field: "image-transfer.image-transfer-status", value: values[3])
        }
        self.init(blockSize: Int(size), transferred: Self.flags(bits), firstNotTransferred: Int(min(first, UInt64(UInt32.max))),
                  status: status)
    }

    /// The bit-string as flags: the first block is the most significant bit of the first byte.
    public static func flags(_ bits: BitString) -> [Bool] {
        (0..<bits.count).map { i in i / 8 < bits.bytes.count && bits.bytes[i / 8] & (0x80 >> UInt8(i % 8)) != 0 }
    }

    /// Which of `count` blocks the device has: a block beyond the bit-string is missing.
    public func has(blocks count: Int) -> [Bool] {
        (0..<count).map { $0 < transferred.count && transferred[$0] }
    }
}
