import Foundation

/// One of the three built-in roles (SPEC.md F-14). Which permissions each holds is data
/// (``PermissionMatrix``); the roles themselves are fixed.
public enum Role: String, CaseIterable, Sendable, Hashable, Codable {
    case read = "Read"
    case configurator = "Configurator"
    case administrator = "Administrator"

    /// The role's name in the English interface and in the database (`Read`, …).
    public var name: String { rawValue }

    /// The manual's Russian name, shown in the Russian interface.
    public var russianLabel: String {
        switch self {
        case .read: "Чтение"
        case .configurator: "Конфигуратор"
        case .administrator: "Администратор"
        }
    }

    /// Parses what `--role` and `hlmcs roles` take: the English name or the Russian
    /// label, case-insensitively (`read`, `ADMINISTRATOR`, `конфигуратор`).
    public init?(parsing text: String) {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let role = Role.allCases.first(where: {
            $0.rawValue.lowercased() == wanted || $0.russianLabel.lowercased() == wanted
        }) else { return nil }
        self = role
    }
}

