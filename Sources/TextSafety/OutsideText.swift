/// The one output rule for text that came from outside the program — the concentrator,
/// a file, another user (issue 14, "never trust the device"): such text is shown, never
/// obeyed. Every place that writes it out picks the form for where it goes:
///
/// | where                         | form                                   | reversible |
/// |-------------------------------|----------------------------------------|------------|
/// | a terminal, a log, a message  | ``forTerminal(_:limit:)``              | no         |
/// | inside a JSON string          | ``forJSON(_:)``, ``hardenJSON(_:)``    | yes (JSON) |
/// | one line of a text file       | ``forLine(_:)`` / ``fromLine(_:)``     | yes        |
/// | a CSV cell                    | ``forSpreadsheet(_:)``                 | no         |
///
/// What is unsafe is one set of Unicode scalars, ``isUnsafe(_:)-(Unicode.Scalar)``; every form escapes exactly
/// that set (and what its own syntax needs), so a device string cannot clear the screen,
/// move the cursor, set the terminal's title or clipboard (OSC 52), leave the alternate
/// screen, start a new line of a file, or reorder what the reader sees.
///
/// ```swift
/// OutsideText.forTerminal("\u{1b}[2Jmeter 7")   // `\x1b[2Jmeter 7`
/// OutsideText.forLine("x\nip.dns1 = 6.6.6.6")   // `x\nip.dns1 = 6.6.6.6` (one line)
/// OutsideText.forSpreadsheet("=1+1")            // `'=1+1`
/// ```
///
/// The module has no dependencies (not even Foundation) so that every layer may use it.
public enum OutsideText {}
