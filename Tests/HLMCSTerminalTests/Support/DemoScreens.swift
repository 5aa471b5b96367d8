import Testing
import TmuxHarness

/// Steps the end-to-end tests of hlmcs share: waiting for a screen, the first login of a
/// new database, and choosing LLS with the demo's password in the settings (F3).

/// Waits for `needle` on screen, recording the screen when it does not come.
@discardableResult
func expectScreen(_ session: TmuxSession, _ needle: String, _ what: String, seconds: Double = 20,
                  sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let seen = try session.wait(for: needle, seconds: seconds)
    #expect(seen.ok, "\(what): no \"\(needle)\" on screen:\n\(seen.screen)", sourceLocation: sourceLocation)
    return seen.screen
}

/// The words the steps look for, by interface language.
struct DemoWords {
    let administrator, setPassword, mainWindow, nls, lls, llsApplied: String

    static let en = DemoWords(administrator: "Administrator", setPassword: "Set a password", mainWindow: "Exchange log",
                              nls: "NLS (no password)", lls: "LLS (password)", llsApplied: "Security LLS")
    static let ru = DemoWords(administrator: "Администратор", setPassword: "Задайте пароль", mainWindow: "Журнал обмена",
                              nls: "NLS (без пароля)", lls: "LLS (по паролю)", llsApplied: "Защита    LLS")
}

/// On the login screen of a new database: the administrator, its new password twice, and
/// the main window.
func firstLogin(_ session: TmuxSession, _ words: DemoWords, password: String,
                sourceLocation: SourceLocation = #_sourceLocation) throws {
    try session.send(words.administrator, literal: true)
    try session.send("Enter")
    try expectScreen(session, words.setPassword, "first-run password", sourceLocation: sourceLocation)
    try session.send(password, literal: true)
    try session.send("Tab")
    try session.send(password, literal: true)
    try session.send("Enter")
    try expectScreen(session, words.mainWindow, "main window", sourceLocation: sourceLocation)
}

/// F3: Security → LLS, the demo's password, Enter; the connection panel then says LLS.
func chooseLLS(_ session: TmuxSession, _ words: DemoWords, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try session.send("F3")
    try expectScreen(session, words.nls, "settings", sourceLocation: sourceLocation)
    try session.send("Down")
    try session.send("Right")
    try expectScreen(session, words.lls, "LLS chosen", sourceLocation: sourceLocation)
    try session.send("Down")
    try session.send("admin@emis", literal: true)
    try session.send("Enter")
    let applied = try session.wait(seconds: 20) { $0.contains(words.llsApplied) && !$0.contains(words.lls) }
    #expect(applied.ok, "LLS not applied:\n\(applied.screen)", sourceLocation: sourceLocation)
}

/// Types, in the session's shell, `hlmcs --demo` on a new database in the session's folder
/// (`before` ahead of it, `options` after), then `echo HLMCS-STATUS=$?`, and waits for
/// the login screen.
func startDemoFromTheShell(_ session: TmuxSession, before: String = "", options: String = "",
                           sourceLocation: SourceLocation = #_sourceLocation) throws {
    let db = session.folder.appendingPathComponent("hlmcs.sqlite").path
    let hlmcs = try TmuxSession.executable(named: "hlmcs").path
    try session.type("\(before)\(hlmcs) --demo --lang en --db \(db) \(options); echo HLMCS-STATUS=$?")
    try expectScreen(session, "HLMCS — ES-951", "login screen", sourceLocation: sourceLocation)
}
