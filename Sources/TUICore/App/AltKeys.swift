/// Alt+letter for each F-key (issue 18 item 6), for laptops and terminals that keep the
/// F-keys (a desktop's F1 and F10, a laptop's Fn layer): the letter of the key's word,
/// and the key in the same place on a Russian (ЙЦУКЕН) layout, so Alt works whichever
/// layout is on. Esc then a digit is the other way (``KeyMapper``).
enum AltKeys {
    /// (Latin letter, the Cyrillic letter on the same key, F-key).
    static let table: [(latin: Character, cyrillic: Character, function: Int)] = [
        ("h", "\u{0440}", 1),    // Help            р
        ("c", "\u{0441}", 2),    // Connect         с
        ("s", "\u{044B}", 3),    // Settings        ы
        ("v", "\u{043C}", 4),    // View            м
        ("r", "\u{043A}", 5),    // Read            к
        ("w", "\u{0446}", 6),    // Write           ц
        ("t", "\u{0435}", 7),    // Trace           е
        ("e", "\u{0443}", 8),    // Export (CSV)    у
        ("m", "\u{044C}", 9),    // Menu            ь
        ("q", "\u{0439}", 10),   // Quit            й
    ]

    /// The F-key `key` stands for, or nil when it is no Alt+letter of the table.
    static func function(for key: Key) -> Key? {
        guard case .alt(let c) = key, let lower = c.lowercased().first,
              let row = table.first(where: { $0.latin == lower || $0.cyrillic == lower }) else { return nil }
        return .function(row.function)
    }
}
