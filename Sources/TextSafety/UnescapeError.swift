extension OutsideText {
    /// Why ``OutsideText/fromLine(_:)`` refused a line: where, what kind of mistake, and the
    /// text found there — structured, for the program to word in the user's language.
    public struct UnescapeError: Error, Hashable, Sendable {
        public enum Reason: Hashable, Sendable {
            /// A backslash is the last character: `abc\`.
            case danglingBackslash
            /// A backslash before anything but `\`, `n`, `r`, `t`, `x` or `u`: `\q`.
            case unknownEscape
            /// `\x` without two hexadecimal digits, or `\u` without `{`, 1 to 6 hexadecimal
            /// digits and `}`.
            case malformedHex
            /// Well-formed digits that name no character here: `\x80`…`\xff` (those are
            /// written `\u{0080}`…) or `\u{…}` of a surrogate or above U+10FFFF.
            case notAScalar
            /// An unsafe scalar (``OutsideText/isUnsafe(_:)-(Unicode.Scalar)``) written as itself,
            /// where its escape belongs: a tab, an ESC, a U+202E.
            case rawControl
        }

        /// Where the mistake starts: the 0-based index, in Unicode scalars, of the
        /// backslash (or of the raw scalar) in the line given to `fromLine`.
        public var offset: Int
        public var reason: Reason
        /// The text found at `offset` (the escape as written, or the raw scalar), already
        /// in ``OutsideText/forTerminal(_:limit:)`` form and short: safe to print as is.
        public var found: String

        public init(offset: Int, reason: Reason, found: String) {
            self.offset = offset
            self.reason = reason
            self.found = found
        }

        /// The most characters ``found`` holds.
        public static let foundLimit = 16
    }
}
