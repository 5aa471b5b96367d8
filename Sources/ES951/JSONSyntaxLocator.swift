/// Finds where a JSON text (RFC 8259) first goes wrong, to give a person a line and a
/// column when Foundation's parser only says "not valid JSON" (as it does on Linux).
/// Used only after a decode has failed; iterative over containers, no recursion.
struct JSONSyntaxLocator {
    private let b: [UInt8]
    private var i = 0

    /// 1-based line and column of the first syntax error, and what was expected there;
    /// nil if the text is valid JSON.
    static func locate(_ bytes: [UInt8]) -> (line: Int, column: Int, expected: String)? {
        var locator = JSONSyntaxLocator(b: bytes)
        guard let (offset, expected) = locator.firstError() else { return nil }
        var line = 1, column = 1, k = 0
        while k < offset && k < bytes.count {
            if bytes[k] == UInt8(ascii: "\n") {
                line += 1; column = 1
            } else if bytes[k] & 0xC0 != 0x80 {   // count characters, not UTF-8 continuation bytes
                column += 1
            }
            k += 1
        }
        return (line, column, expected)
    }

    private init(b: [UInt8]) { self.b = b }

    private enum Container { case object, array }

    private mutating func skipSpace() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    private mutating func firstError() -> (Int, String)? {
        var stack: [Container] = []
        skipSpace()
        // Expecting a value.
        valueLoop: while true {
            skipSpace()
            guard i < b.count else { return (i, "a value") }
            switch b[i] {
            case UInt8(ascii: "{"):
                i += 1; skipSpace()
                if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; break }
                stack.append(.object)
                if let e = key() { return e }
                continue valueLoop
            case UInt8(ascii: "["):
                i += 1; skipSpace()
                if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; break }
                stack.append(.array)
                continue valueLoop
            case UInt8(ascii: "\""):
                if let e = string() { return e }
            case UInt8(ascii: "t"): if let e = literal("true") { return e }
            case UInt8(ascii: "f"): if let e = literal("false") { return e }
            case UInt8(ascii: "n"): if let e = literal("null") { return e }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if let e = number() { return e }
            default:
                return (i, "a value")
            }
            // After a value: a comma, a closing bracket, or the end.
            while true {
                skipSpace()
                guard let top = stack.last else {
                    return i == b.count ? nil : (i, "the end of the text")
                }
                guard i < b.count else { return (i, top == .object ? "',' or '}'" : "',' or ']'") }
                if b[i] == UInt8(ascii: ",") {
                    i += 1
                    if top == .object { skipSpace(); if let e = key() { return e } }
                    continue valueLoop
                }
                if top == .object && b[i] == UInt8(ascii: "}") || top == .array && b[i] == UInt8(ascii: "]") {
                    i += 1
                    stack.removeLast()
                    continue
                }
                return (i, top == .object ? "',' or '}'" : "',' or ']'")
            }
        }
    }

    /// `"name" :` of an object member.
    private mutating func key() -> (Int, String)? {
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return (i, "a member name in quotes") }
        if let e = string() { return e }
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: ":") else { return (i, "':'") }
        i += 1
        return nil
    }

    private mutating func string() -> (Int, String)? {
        i += 1
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; return nil }
            if c < 0x20 { return (i, "a closing quote") }
            if c == UInt8(ascii: "\\") {
                guard i + 1 < b.count else { return (i + 1, "an escape") }
                let e = b[i + 1]
                if e == UInt8(ascii: "u") {
                    guard i + 5 < b.count, b[(i + 2)...(i + 5)].allSatisfy({ isHex($0) }) else { return (i, "\\u and 4 hex digits") }
                    i += 6
                } else if Array("\"\\/bfnrt".utf8).contains(e) {
                    i += 2
                } else {
                    return (i, "a valid escape")
                }
                continue
            }
            i += 1
        }
        return (i, "a closing quote")
    }

    private mutating func literal(_ word: String) -> (Int, String)? {
        let w = Array(word.utf8)
        guard i + w.count <= b.count, Array(b[i..<(i + w.count)]) == w else { return (i, "a value") }
        i += w.count
        return nil
    }

    private mutating func number() -> (Int, String)? {
        func digits() -> Int { var n = 0; while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1; n += 1 }; return n }
        if b[i] == UInt8(ascii: "-") { i += 1 }
        let start = i
        let n = digits()
        guard n > 0 else { return (i, "a digit") }
        if n > 1 && b[start] == UInt8(ascii: "0") { return (start, "no leading zero") }
        if i < b.count, b[i] == UInt8(ascii: ".") { i += 1; guard digits() > 0 else { return (i, "a digit") } }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return (i, "a digit") }
        }
        return nil
    }

    private func isHex(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }
}
