/// Why a password's text cannot be used at all, whatever its length (issue 14). Kept
/// apart from ``AccountsError`` so that adding it changed no `switch` over that type.
/// Never carries the password, nor where in it the fault is.
public enum PasswordTextError: Error, Sendable, Hashable {
    /// The bytes are not UTF-8: a terminal or file in another encoding, or binary data.
    /// Decoded leniently, every bad byte would become U+FFFD, and two different byte
    /// strings would log in as one password.
    case notUTF8
    /// U+FFFD REPLACEMENT CHARACTER: what a lenient decoder leaves for bytes it could not
    /// read, so a sign that the text was damaged on the way, never part of a password.
    case replacementCharacter
    /// A control character (NUL, tab, escape, DEL, C1…): not typed on purpose, often a
    /// stray key or escape sequence, and one a script cannot always pass on (NUL).
    case controlCharacter
}
