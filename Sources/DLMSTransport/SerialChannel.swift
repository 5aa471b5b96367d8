import Glibc
import Synchronization

/// A serial line (RS-485 adapter, optical head, USB CDC) or a pseudo-terminal, through
/// termios in raw mode. Opened non-blocking, without becoming the controlling terminal,
/// and exclusively (TIOCEXCL plus an advisory `flock`, so a second program — or a second
/// open in this one — gets `.busy`).
///
/// ```swift
/// let port = try SerialChannel.open(path: "/dev/ttyUSB0", settings: .modeE300)
/// // … sign-on, then the ACK announcing 9600:
/// try port.reconfigure(.hdlc9600)
/// ```
public final class SerialChannel: ByteChannel {
    private let io: DescriptorIO
    public let path: String
    private let current: Mutex<SerialSettings?>

    /// The settings in force (nil for a pty master adopted as it is).
    public var settings: SerialSettings? { current.withLock { $0 } }

    private init(io: DescriptorIO, path: String, settings: SerialSettings?) {
        self.io = io; self.path = path; self.current = Mutex(settings)
    }

    /// Opens and configures a serial device.
    /// - Throws: `.notFound(path)` (ENOENT), `.permissionDenied(path)` (EACCES: on Linux,
    ///   not in the `dialout` group), `.busy(path)` (in use), `.unsupported` for settings
    ///   termios cannot take, `.io` otherwise.
    public static func open(path: String, settings: SerialSettings) throws(TransportError) -> SerialChannel {
        let fd = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw openError(errno, path: path, operation: "open") }
        if ioctl(fd, UInt(TIOCEXCL)) != 0 {
            let e = errno
            if e != ENOTTY { Glibc.close(fd); throw openError(e, path: path, operation: "ioctl(TIOCEXCL)") }
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let e = errno
            Glibc.close(fd)
            throw openError(e == EWOULDBLOCK ? EBUSY : e, path: path, operation: "flock")
        }
        do { try apply(settings, to: fd) } catch { Glibc.close(fd); throw error }
        _ = tcflush(fd, TCIOFLUSH)
        return SerialChannel(io: DescriptorIO(fd: fd, isSocket: false), path: path, settings: settings)
    }

    /// Wraps a descriptor opened elsewhere (a pty master), owned from now on.
    init(adopting fd: Int32, path: String, settings: SerialSettings?) {
        io = DescriptorIO(fd: fd, isSocket: false)
        self.path = path
        current = Mutex(settings)
    }

    /// Changes speed and framing on the open line: the mode E switch from 300 7E1 to the
    /// announced 9600 8N1 (IEC 62056-21 §6.4.5.4), after what was written has left.
    public func reconfigure(_ settings: SerialSettings) throws(TransportError) {
        _ = tcdrain(io.fd)
        try Self.apply(settings, to: io.fd)
        current.withLock { $0 = settings }
    }

    /// The descriptor, for tests whose scripted device must run on a thread of its own
    /// with blocking I/O (a busy cooperative pool must not make it late).
    package var _descriptor: Int32 { io.fd }

    /// Waits until what was written has left the port (tcdrain(3)).
    public func drainOutput() { _ = tcdrain(io.fd) }

    /// Drops what was received and not yet read (tcflush(3) `TCIFLUSH`): an optical
    /// head's echo, noise from before a speed change.
    public func discardInput() { _ = tcflush(io.fd, TCIFLUSH) }

    public func write(_ bytes: [UInt8]) async throws(TransportError) { try await io.write(bytes) }

    public func read(atMost: Int, timeout: Duration) async throws(TransportError) -> [UInt8] {
        try await io.read(atMost: atMost, timeout: timeout)
    }

    /// Closes the channel and gives the port up at once: the descriptor itself is closed
    /// when no read polls it any more, but its exclusive claim (TIOCEXCL, the flock) is
    /// released now, so the next open of the port — the association after a `detect` —
    /// is not refused as "in use".
    public func close() async {
        guard !io.isClosed else { return }
        io.close()
        _ = flock(io.fd, LOCK_UN)
        _ = ioctl(io.fd, UInt(TIOCNXCL))
    }

    // MARK: - termios

    static func speed(_ baud: Int) -> speed_t? {
        switch baud {
        case 300: speed_t(B300)
        case 600: speed_t(B600)
        case 1200: speed_t(B1200)
        case 2400: speed_t(B2400)
        case 4800: speed_t(B4800)
        case 9600: speed_t(B9600)
        case 19200: speed_t(B19200)
        case 38400: speed_t(B38400)
        case 57600: speed_t(B57600)
        case 115200: speed_t(B115200)
        default: nil
        }
    }

    /// Raw mode with the given framing; no flow control; reads return what is there.
    static func apply(_ s: SerialSettings, to fd: Int32) throws(TransportError) {
        guard let speed = speed(s.baud) else { throw .unsupported("baud \(s.baud)") }
        guard s.dataBits == 7 || s.dataBits == 8 else { throw .unsupported("data bits \(s.dataBits)") }
        guard s.stopBits == 1 || s.stopBits == 2 else { throw .unsupported("stop bits \(s.stopBits)") }
        var t = termios()
        guard tcgetattr(fd, &t) == 0 else { throw .io(errno: errno, operation: "tcgetattr") }
        cfmakeraw(&t)
        t.c_cflag |= tcflag_t(CLOCAL | CREAD)
        t.c_cflag &= ~tcflag_t(CSIZE | PARENB | PARODD | CSTOPB)
        t.c_cflag &= ~tcflag_t(CRTSCTS)
        t.c_cflag |= tcflag_t(s.dataBits == 7 ? CS7 : CS8)
        switch s.parity {
        case .none: break
        case .even: t.c_cflag |= tcflag_t(PARENB)
        case .odd: t.c_cflag |= tcflag_t(PARENB | PARODD)
        }
        if s.stopBits == 2 { t.c_cflag |= tcflag_t(CSTOPB) }
        t.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY)
        withUnsafeMutableBytes(of: &t.c_cc) { cc in
            // VMIN 1: with O_NONBLOCK an empty line reads EAGAIN; VMIN 0 and VTIME 0
            // would make Linux return 0 bytes, which reads as end of file (`.closed`).
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        cfsetispeed(&t, speed)
        cfsetospeed(&t, speed)
        guard tcsetattr(fd, TCSANOW, &t) == 0 else { throw .io(errno: errno, operation: "tcsetattr") }
    }

    /// What termios reports now, read back from the device (for tests).
    package func _settingsInForce() throws(TransportError) -> SerialSettings {
        var t = termios()
        guard tcgetattr(io.fd, &t) == 0 else { throw .io(errno: errno, operation: "tcgetattr") }
        let speed = cfgetospeed(&t)
        let baud = SerialSettings.supportedBauds.first { Self.speed($0) == speed } ?? 0
        let bits = t.c_cflag & tcflag_t(CSIZE) == tcflag_t(CS7) ? 7 : 8
        let parity: SerialSettings.Parity = t.c_cflag & tcflag_t(PARENB) == 0 ? .none
            : (t.c_cflag & tcflag_t(PARODD) != 0 ? .odd : .even)
        return SerialSettings(baud: baud, dataBits: bits, parity: parity,
                              stopBits: t.c_cflag & tcflag_t(CSTOPB) != 0 ? 2 : 1)
    }
}
