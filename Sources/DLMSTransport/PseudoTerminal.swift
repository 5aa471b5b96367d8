import Glibc

/// A pseudo-terminal pair for the simulator's `--pty PATH`: the program that opens
/// ``path`` (or the symlink) sees a serial port; we talk through ``channel``, the master side.
///
/// The slave side is kept open here too (raw mode), so the master never sees a hang-up
/// between clients: one client can close the port and the next one open it.
///
/// ```swift
/// let pty = try PseudoTerminal.open(link: "/tmp/es951")   // /tmp/es951 → /dev/pts/7
/// let client = try SerialChannel.open(path: "/tmp/es951", settings: .hdlc9600)
/// ```
public final class PseudoTerminal: @unchecked Sendable {
    /// The slave device, e.g. `/dev/pts/7`.
    public let path: String
    /// The symlink made at `open(link:)`, removed when this object goes away.
    public let link: String?
    /// The master side: what a device would read and write.
    public let channel: SerialChannel
    private let slave: Int32

    private init(path: String, link: String?, channel: SerialChannel, slave: Int32) {
        self.path = path; self.link = link; self.channel = channel; self.slave = slave
    }

    deinit {
        Glibc.close(slave)
        if let link { unlink(link) }
    }

    /// Makes a pty pair in raw mode; with `link`, a symlink to the slave there (an
    /// existing symlink at that place is replaced; any other file is not).
    /// - Throws: `.io` when no pty can be made, `.busy(link)` when `link` is a real file.
    public static func open(link: String?) throws(TransportError) -> PseudoTerminal {
        var master: Int32 = -1, slave: Int32 = -1
        var name = [CChar](repeating: 0, count: 128)
        guard openpty(&master, &slave, &name, nil, nil) == 0 else { throw .io(errno: errno, operation: "openpty") }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // Raw on both sides: no echo, no line editing, no CR/LF translation.
        var t = termios()
        if tcgetattr(slave, &t) == 0 { cfmakeraw(&t); _ = tcsetattr(slave, TCSANOW, &t) }
        if let link {
            var st = stat()
            if lstat(link, &st) == 0 {
                guard st.st_mode & S_IFMT == S_IFLNK else {
                    Glibc.close(master); Glibc.close(slave); throw .busy(link)
                }
                unlink(link)
            }
            guard symlink(path, link) == 0 else {
                let e = errno; Glibc.close(master); Glibc.close(slave)
                throw openError(e, path: link, operation: "symlink")
            }
        }
        let channel = SerialChannel(adopting: master, path: path, settings: nil)
        return PseudoTerminal(path: path, link: link, channel: channel, slave: slave)
    }
}
