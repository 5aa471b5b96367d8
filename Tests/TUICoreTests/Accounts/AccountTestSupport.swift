import Accounts
@testable import TUICore

/// Typing and drawing for the account screen tests.
enum AccountTest {
    static let ru = Snapshot.strings(.ru)
    static let en = Snapshot.strings(.en)

    static func context(_ language: UILanguage) -> DrawContext {
        DrawContext(strings: language == .ru ? ru : en)
    }

    /// The keys that type `text`.
    static func keys(_ text: String) -> [Key] { text.map { Key.character($0) } }

    /// A modal screen as the main window shows it: the screen minus the menu line and the
    /// key line, the screen's key bar on the last line.
    static func screen(width: Int = 80, height: Int = 24, _ language: UILanguage = .en,
                       render: (Rect, inout ScreenBuffer, DrawContext) -> Void,
                       keyBar: (UIStrings) -> [KeyBar.Item]) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        let c = context(language)
        render(Rect(x: 0, y: 1, width: width, height: height - 2), &buffer, c)
        KeyBar(items: keyBar(c.strings)).render(in: Rect(x: 0, y: height - 1, width: width, height: 1), into: &buffer)
        return buffer
    }

    /// The login screen as the app shows it: everything but the key line.
    static func login(_ screen: LoginScreen, width: Int = 80, height: Int = 24, _ language: UILanguage = .en) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        let c = context(language)
        screen.render(in: Rect(x: 0, y: 0, width: width, height: height - 1), into: &buffer, context: c)
        KeyBar(items: screen.keyBar(c.strings)).render(in: Rect(x: 0, y: height - 1, width: width, height: 1), into: &buffer)
        return buffer
    }

    static func users(_ screen: UsersScreen, width: Int = 80, height: Int = 24, _ language: UILanguage = .en) -> ScreenBuffer {
        Self.screen(width: width, height: height, language, render: { screen.render(in: $0, into: &$1, context: $2) },
                    keyBar: screen.keyBar)
    }

    static func roles(_ screen: RolesScreen, width: Int = 80, height: Int = 24, _ language: UILanguage = .en) -> ScreenBuffer {
        Self.screen(width: width, height: height, language, render: { screen.render(in: $0, into: &$1, context: $2) },
                    keyBar: screen.keyBar)
    }

    static func password(_ screen: ChangePasswordScreen, width: Int = 80, height: Int = 24,
                         _ language: UILanguage = .en) -> ScreenBuffer {
        Self.screen(width: width, height: height, language, render: { screen.render(in: $0, into: &$1, context: $2) },
                    keyBar: screen.keyBar)
    }

    /// All the text on screen, one string.
    static func text(_ buffer: ScreenBuffer) -> String { buffer.lines.joined(separator: "\n") }

    /// Three users: the administrator (the logged-in one in most tests), a configurator,
    /// and a reader without a password yet.
    static let sampleUsers = [
        UserRow(name: "Администратор", role: .administrator, hasPassword: true),
        UserRow(name: "ivanov", role: .configurator, hasPassword: true),
        UserRow(name: "Петрова", role: .read, hasPassword: false),
    ]
}

extension LoginScreen {
    mutating func press(_ key: Key) { _ = handle(key) }

    @discardableResult
    mutating func type(_ text: String) -> [Outcome] { AccountTest.keys(text).compactMap { handle($0) } }
}

extension ChangePasswordScreen {
    mutating func press(_ key: Key) { _ = handle(key) }

    @discardableResult
    mutating func type(_ text: String) -> [Outcome] { AccountTest.keys(text).compactMap { handle($0) } }
}

extension UsersScreen {
    mutating func press(_ key: Key) { _ = handle(key) }

    @discardableResult
    mutating func type(_ text: String) -> [Outcome] { AccountTest.keys(text).compactMap { handle($0) } }
}

extension RolesScreen {
    mutating func press(_ key: Key) { _ = handle(key) }
}
