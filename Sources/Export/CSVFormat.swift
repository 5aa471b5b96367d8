/// The separator and decimal separator of a CSV file (SPEC.md F-42): `;` and a decimal
/// comma in the Russian interface, `,` and a point in English — what Excel expects in
/// each locale — and either can be chosen (`--sep`, `--decimal`).
public struct CSVFormat: Hashable, Sendable {
    /// Between fields: `;` or `,` (any character other than a quote or a line end).
    public var separator: Character
    /// Inside numbers: `,` or `.`.
    public var decimalSeparator: Character

    public init(separator: Character, decimalSeparator: Character) {
        self.separator = separator
        self.decimalSeparator = decimalSeparator
    }

    /// `;` and `,` — the Russian interface's default.
    public static let russian = CSVFormat(separator: ";", decimalSeparator: ",")
    /// `,` and `.` — the English interface's default.
    public static let english = CSVFormat(separator: ",", decimalSeparator: ".")
}
