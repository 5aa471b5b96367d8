import DLMS

/// The client side of an optical head's mode E opening (IEC 62056-21 §6.4.5.4 and
/// Annex E; PROTOCOL.md §2), over a ``SerialChannel``:
///
/// 1. ``OpticalStep/signOn``: the line goes to 300 baud 7E1; send `/?!\r\n`.
/// 2. ``OpticalStep/identification``: read `/XXXZ\2<ident>\r\n`, dropping the head's
///    echo of the request and noise before `/` (``IdentificationReader``); it must
///    offer HDLC (`\2`) at a baud character `0`…`9`.
/// 3. ``OpticalStep/acknowledge``: send the option select `06 '2' Z '2' CR LF` at the
///    announced rate Z, wait until it has left, then the device's reaction time
///    (20 ms when the manufacturer's third letter is lowercase, else 200 ms).
/// 4. ``OpticalStep/switchSpeed``: drop what came back meanwhile (the head's echo of
///    the acknowledgement), switch to the rate Z, 8N1. HDLC starts from here.
///
/// ```swift
/// let port = try SerialChannel.open(path: "/dev/ttyUSB0", settings: .modeE300)
/// let id = try await OpticalHead.signOn(port, timeout: .seconds(5))   // /EMS5\2ES951
/// let link = DLMSConnection(channel: port, configuration: configuration)
/// ```
public struct OpticalHead {
    /// The reaction time of a device whose identification asks for the long one
    /// (IEC 62056-21 §6.3.14: tr ≥ 200 ms) and the short one (lowercase third letter: 20 ms).
    public static let reactionTime: Duration = .milliseconds(200)
    public static let shortReactionTime: Duration = .milliseconds(20)

    /// Signs on and leaves the line at the device's HDLC speed.
    /// - Parameters:
    ///   - channel: the port (a pty too: it takes the speeds and ignores the parity).
    ///   - timeout: the wait for the identification (the one step that waits for the
    ///     device); writes are bounded by the channel itself.
    ///   - trace: gets one line per IEC 62056-21 message sent and received.
    /// - Returns: the device's identification.
    /// - Throws: ``OpticalSignOnError`` naming the step: `.identification` with
    ///   `.transport(.timedOut)` for a silent device, `.malformedIdentification` for
    ///   garbage, `.noHDLC` for a device without `\2`.
    public static func signOn(_ channel: SerialChannel, timeout: Duration,
                              trace: FrameTrace? = nil) async throws(OpticalSignOnError) -> Identification {
        try await signOn(channel, timeout: timeout, trace: trace, reactionTime: nil)
    }

    /// `reactionTime` replaces the one the identification asks for (tests on a loaded
    /// machine, where a scripted device needs longer to echo).
    static func signOn(_ channel: SerialChannel, timeout: Duration, trace: FrameTrace?,
                       reactionTime: Duration?) async throws(OpticalSignOnError) -> Identification {
        // 1. Sign-on at 300 7E1.
        let request = IEC62056Message.signOnRequest()
        do {
            // Already there when just opened so: a Linux pty refuses (EINVAL) to be set
            // to 7E1 again once it has forced its CS8 (drivers/tty/pty.c).
            if channel.settings != .modeE300 { try channel.reconfigure(.modeE300) }
            channel.discardInput()
            trace?.record(.sent, request, masking: nil)
            try await channel.write(request)
        } catch {
            throw OpticalSignOnError(step: .signOn, reason: .transport(error))
        }

        // 2. Identification, echo and noise skipped.
        let identification = try await readIdentification(channel, request: request, timeout: timeout, trace: trace)
        guard identification.supportsHDLC else {
            throw OpticalSignOnError(step: .identification, reason: .noHDLC(identification))
        }
        guard let baud = identification.baudRate, SerialSettings.supportedBauds.contains(baud) else {
            throw OpticalSignOnError(step: .identification,
                                     reason: .unsupportedBaud(character: identification.baudCharacter))
        }

        // 3. Acknowledgement / option select at the announced rate; then the reaction time.
        let acknowledgement = IEC62056Message.acknowledgement(baudCharacter: identification.baudCharacter)
        do {
            trace?.record(.sent, acknowledgement, masking: nil)
            try await channel.write(acknowledgement)
            channel.drainOutput()
        } catch {
            throw OpticalSignOnError(step: .acknowledge, reason: .transport(error))
        }
        await sleepUninterrupted(until: ContinuousClock.now.advanced(
            by: reactionTime ?? (identification.reactionTimeShort ? shortReactionTime : Self.reactionTime)))

        // 4. The new speed, 8N1, without the echo of the acknowledgement.
        do {
            channel.discardInput()
            try channel.reconfigure(SerialSettings(baud: baud, dataBits: 8, parity: .none, stopBits: 1))
        } catch {
            throw OpticalSignOnError(step: .switchSpeed, reason: .transport(error))
        }
        return identification
    }

    /// Reads until an identification is complete or `timeout` has passed since the call.
    static func readIdentification(_ channel: SerialChannel, request: [UInt8], timeout: Duration,
                                   trace: FrameTrace?) async throws(OpticalSignOnError) -> Identification {
        var reader = IdentificationReader(request: request)
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let now = ContinuousClock.now
            guard now < deadline else {
                throw OpticalSignOnError(step: .identification, reason: .transport(.timedOut(after: timeout)))
            }
            let bytes: [UInt8]
            do {
                bytes = try await channel.read(atMost: IdentificationReader.maximumLength, timeout: deadline - now)
            } catch .timedOut {
                throw OpticalSignOnError(step: .identification, reason: .transport(.timedOut(after: timeout)))
            } catch {
                throw OpticalSignOnError(step: .identification, reason: .transport(error))
            }
            do throws(DLMSDecodingError) {
                if let identification = try reader.append(bytes) {
                    trace?.record(.received, identification.encoded(), masking: nil)
                    return identification
                }
            } catch {
                throw OpticalSignOnError(step: .identification, reason: .malformedIdentification(error))
            }
        }
    }
}
