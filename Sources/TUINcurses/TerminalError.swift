/// Why `Terminal.start` could not take over the terminal. Structured, no prose;
/// `description` gives the message the program prints before exiting.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or standard output is not a terminal (a pipe, a file, a cron job).
    case noTerminal
    /// `TERM` is not set, or is empty.
    case termNotSet
    /// The terminfo database has no entry for `TERM`.
    case unknownTerminal(String)
    /// Another `Terminal` is already running in this process (ncurses has one screen).
    case alreadyStarted

    public var description: String {
        switch self {
        case .noTerminal: "standard input and output must be a terminal"
        case .termNotSet: "TERM is not set; set it to your terminal type (e.g. TERM=xterm-256color)"
        case .unknownTerminal(let term): "unknown terminal type '\(term)' (no terminfo entry); try TERM=xterm-256color"
        case .alreadyStarted: "the terminal is already in use by this program"
        }
    }
}
