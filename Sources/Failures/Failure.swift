/// Why something the user asked for did not happen, as the program tells failures apart
/// whatever layer they came from — the commands' exit status and the terminal UI's
/// reaction both follow the kind — with its words in the interface language (from the
/// catalogue, never a Swift or Foundation dump).
///
/// ```swift
/// let f = Failure(.link, "No answer from 10.0.0.5:4059 within 5 s.")
/// f.kind == .link      // the UI marks the connection failed; a command exits 3
/// ```
public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        /// The device refused: an association rejected, a write refused or not kept.
        case refused
        /// Bad input or a local problem: a value, a file, the database, the map.
        case input
        /// The link or the protocol failed: no answer, the line cut, a value that cannot be right.
        case link
        /// This program's login or permission: a wrong password, a right the role has not.
        case permission
    }

    public var kind: Kind
    /// Worded in the interface language.
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    public var description: String { text }
}
