/// Collects the identification message from bytes that arrive in pieces.
///
/// An optical head may echo what the client sent; the reader drops an echo of
/// `request` at the start of the stream, skips any noise before `/`, and returns the
/// ``Identification`` once CR LF arrives. Bytes after the CR LF stay in ``remainder``.
///
/// ```swift
/// var reader = IdentificationReader(request: IEC62056Message.signOnRequest())
/// if let id = try reader.append(bytesFromPort) { … }
/// ```
public struct IdentificationReader: Sendable {
    /// Longest message accepted before giving up: `/XXXZ`, a few `\W`, 16 characters, CR LF,
    /// with generous room for noise.
    public static let maximumLength = 128

    private let echo: [UInt8]
    private var echoChecked: Bool
    private var buffer: [UInt8] = []
    /// Bytes received after the identification's CR LF.
    public private(set) var remainder: [UInt8] = []

    /// - Parameter request: the request just sent, dropped if it comes back as an echo;
    ///   empty to expect no echo.
    public init(request: [UInt8] = []) {
        echo = request.map { $0 & 0x7F }
        echoChecked = request.isEmpty
    }

    /// Adds received bytes.
    /// - Returns: the identification once its CR LF has arrived, else nil (need more).
    /// - Throws: ``DLMSDecodingError/lengthOutOfRange(_:)`` when more than
    ///   ``maximumLength`` bytes arrive without a complete message, or the errors of
    ///   ``Identification/init(parsing:)``.
    public mutating func append(_ bytes: [UInt8]) throws(DLMSDecodingError) -> Identification? {
        for b in bytes { buffer.append(b & 0x7F) }
        if !echoChecked {
            let n = min(buffer.count, echo.count)
            if buffer[..<n].elementsEqual(echo[..<n]) {
                // A (so far) exact echo: wait for the rest, or drop it once complete.
                guard buffer.count >= echo.count else { return nil }
                buffer.removeFirst(echo.count)
            }
            echoChecked = true
        }
        // Noise before the start character.
        if let start = buffer.firstIndex(of: UInt8(ascii: "/")) {
            if start > 0 { buffer.removeFirst(start) }
        } else {
            buffer.removeAll(keepingCapacity: true)
            return nil
        }
        guard let cr = buffer.indices.dropLast().first(where: { buffer[$0] == IEC62056Message.cr && buffer[$0 + 1] == IEC62056Message.lf }) else {
            guard buffer.count <= Self.maximumLength else { throw .lengthOutOfRange(buffer.count) }
            return nil
        }
        let message = Array(buffer[...(cr + 1)])
        remainder = Array(buffer[(cr + 2)...])
        buffer.removeAll()
        return try Identification(parsing: message)
    }
}
