// TEMPORARY: a minimal stand-in for the settings screen being written on the branch
// `settings`; deleted when that branch is merged.

public struct PortChoice: Hashable, Sendable { public var path: String; public var description: String
    public init(path: String, description: String) { self.path = path; self.description = description } }

public struct ConnectionSettingsScreen: Sendable {
    public enum Outcome: Equatable, Sendable {
        case cancel, apply(ConnectionSettings, llsPassword: String?)
        case saveProfile(name: String, ConnectionSettings, llsPassword: String?, keepPassword: Bool)
        case loadProfile(name: String), deleteProfile(name: String)
    }
    var settings: ConnectionSettings
    public init(settings: ConnectionSettings, ports: [PortChoice], profiles: [String], sessionHasPassword: Bool) { self.settings = settings }
    public mutating func handle(_ key: Key) -> Outcome? { key == .escape ? .cancel : key == .enter ? .apply(settings, llsPassword: nil) : nil }
    public mutating func load(_ settings: ConnectionSettings, profileName: String, hasPassword: Bool) { self.settings = settings }
    public mutating func profilesChanged(_ names: [String]) {}
    public mutating func show(error: String?) {}
    public var hasTextFocus: Bool { false }
    public func cursorPosition(in area: Rect, context: DrawContext) -> (x: Int, y: Int)? { nil }
    public func keyBar(_ strings: UIStrings) -> [KeyBar.Item] { [] }
    public func render(in area: Rect, into buffer: inout ScreenBuffer, context: DrawContext) { Frame(title: "Settings").render(in: area, into: &buffer) }
}
