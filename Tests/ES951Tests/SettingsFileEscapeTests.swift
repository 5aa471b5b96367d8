import Testing
@testable import ES951

/// Issue 14 in the `.set` file: a device string is written escaped on one line and read
/// back exactly, and a refusal never echoes raw control characters or a huge line.
@Suite struct SettingsFileEscapeTests {
    static let head = "hlmcs-settings 1\nmodel = ES-951\n"

    func refusal(_ text: String, model: String? = "ES-951") -> SettingsFile.Problem? {
        do { _ = try SettingsFile.parse(Array(text.utf8), deviceModel: model); return nil } catch { return error }
    }

    static func file(model: String = "ES-951", firmware: String?) -> SettingsFile {
        var file = SettingsFileTests.full
        file.model = model
        file.firmware = firmware
        return file
    }

    @Test func aNewLineInADeviceStringCannotAddASetting() throws {
        var wanted = Self.file(model: "ES-951\n ip.dns1 = 6.6.6.6", firmware: "2.7.0\nip.dns1 = 6.6.6.6\r\nend")
        wanted.settings.dns1 = nil
        let text = wanted.text()
        #expect(text.contains(#"model = ES-951\n ip.dns1 = 6.6.6.6"# + "\n"))
        #expect(text.contains(#"firmware = 2.7.0\nip.dns1 = 6.6.6.6\r\nend"# + "\n"))
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("ip.dns1") || $0.hasPrefix(" ip.dns1") })
        let read = try SettingsFile.parse(Array(text.utf8), deviceModel: wanted.model)
        #expect(read == wanted)
        #expect(read.settings.dns1 == nil)
    }

    @Test func theHeaderSaysHowValuesAreEscaped() {
        #expect(SettingsFileTests.full.text().contains(
            #"# Each value is one line: \\ stands for \, and \n \r \t \xHH \u{HHHH} for control characters."# + "\n"))
    }

    @Test func exportThenImportGivesTheSameBytes() throws {
        var random = SplitMix(seed: 951)
        let tricky = ["", " ", "  lead", "trail\t", "\u{a0}nbsp\u{3000}", #"C:\dir\x"#, "\\", "a\\", "\\u{41}",
                      "\u{1b}[2J\u{7}\u{9b}\u{202e}\u{2028}", "# not a comment", "= x =", "end", "ES-951\r\n",
                      "Счётчик 表 \u{1F600}"]
        let strings = tricky + (0..<500).map { _ in random.string() }
        for model in strings {
            let firmware = strings[random.below(strings.count)]
            let wanted = Self.file(model: model, firmware: firmware)
            let bytes = Array(wanted.text(exportedAt: "2026-12-07T12:00:00+03:00").utf8)
            let read = try SettingsFile.parse(bytes, deviceModel: model)
            #expect(read == wanted, "\(model.debugDescription) \(firmware.debugDescription)")
            #expect(Array(read.text(exportedAt: "2026-12-07T12:00:00+03:00").utf8) == bytes)
            // Header, model, firmware, 13 settings and the end: one line each, whatever the strings.
            #expect(bytes.filter { $0 == 0x0A }.count == 5 + 2 + 13 + 1)
        }
    }

    @Test func aMalformedEscapeIsRefusedNamingTheLine() {
        #expect(refusal(Self.head + "firmware = 2.7\\q\nend\n")
            == .init(line: 3, .malformedEscape(key: "firmware", .init(offset: 3, reason: .unknownEscape, found: #"\q"#))))
        #expect(refusal(Self.head + "gprs.apn = internet\\\nend\n")
            == .init(line: 3, .malformedEscape(key: "gprs.apn", .init(offset: 8, reason: .danglingBackslash, found: #"\"#))))
        #expect(refusal("hlmcs-settings 1\nmodel = ES-951\\x1\nend\n")
            == .init(line: 2, .malformedEscape(key: "model", .init(offset: 6, reason: .malformedHex, found: #"\x1"#))))
    }

    @Test func rawControlCharactersAreRefusedAndShownEscaped() {
        // A raw ESC in a value (an OSC 52 clipboard write): refused, the ESC shown as \x1b.
        #expect(refusal(Self.head + "gprs.apn = inter\u{1b}]52;c;AAAA\u{7}net\nend\n")
            == .init(line: 3, .malformedEscape(key: "gprs.apn", .init(offset: 5, reason: .rawControl, found: #"\x1b"#))))
        // In a key: quoted in the terminal form.
        #expect(refusal(Self.head + "gprs.\u{1b}[2Jcolour\u{9b}1m = red\nend\n")
            == .init(line: 3, .unknownKey(#"gprs.\x1b[2jcolour\x9b1m"#)))
        // An escaped ESC in another model's name is quoted as such, never raw.
        #expect(refusal("hlmcs-settings 1\nmodel = ES-950\\x1b[2J\nend\n")
            == .init(line: 2, .otherModel(file: #"ES-950\x1b[2J"#, device: "ES-951")))
        #expect(refusal("hlmcs-settings 2\u{1b}[?1049l\nmodel = ES-951\nend\n")
            == .init(line: 1, .unsupportedVersion(#"2\x1b[?1049l"#)))
        guard case .invalidValue(_, let value, _)? = refusal(Self.head + "ip.address = 1.2.3.4\\x1b[2J\nend\n")?.kind else {
            Issue.record("not refused as an invalid value")
            return
        }
        #expect(value == #"1.2.3.4\x1b[2J"#)
    }

    @Test func aTenMegabyteLineGivesAShortRefusal() {
        let huge = String(repeating: "a", count: 10 * 1024 * 1024)
        let large = String(repeating: "a", count: 1024 * 1024)    // the same paths, quicker
        let files = [Self.head + "gprs.apn = " + huge, Self.head + huge + " = 1", Self.head + "ip.address = \u{1b}" + huge,
                     "hlmcs-settings 1\nmodel = " + large, Self.head + "firmware = \\q" + large, "hlmcs-settings " + large]
        let problems = files.map { refusal($0 + "\nend\n") }
        for problem in problems {
            let described = String(describing: problem)
            #expect(problem != nil && described.count < 400, "\(described.prefix(200))")
            #expect(!described.unicodeScalars.contains { $0.value < 0x20 })
        }
        #expect(problems[1] == .init(line: 3, .unknownKey(String(repeating: "a", count: 68) + "…(+10485692)")))
        guard case .invalidValue(_, let value, _)? = problems[0]?.kind else {
            Issue.record("not refused as an invalid value")
            return
        }
        #expect(value == String(repeating: "a", count: 68) + "…(+10485692)")
        #expect(value.count == SettingsFile.Problem.quoteLimit)
    }
}

/// Reproducible strings of every kind for the round trip: controls, blanks, backslashes.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    static let alphabet: [Unicode.Scalar] = (0x00...0xA0).map { Unicode.Scalar(UInt8($0)) }
        + [0x2028, 0x2029, 0x202A, 0x202E, 0x2066, 0x2069, 0x3000, 0x2000, 0x1F600, 0x10FFFF, 0x0436].map { Unicode.Scalar($0)! }
        + Array(#"\\\\xu{}=#"#.unicodeScalars)
    mutating func string() -> String {
        var view = String.UnicodeScalarView()
        for _ in 0..<below(24) { view.append(Self.alphabet[below(Self.alphabet.count)]) }
        return String(view)
    }
}
