import ArgumentParser
import Export

/// The `--csv FILE [--sep] [--decimal]` options of the list commands (SPEC.md F-42).
struct CSVArguments: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Write the rows to this CSV file (UTF-8 with BOM, for Excel).", valueName: "file"))
    var csv: String?
    @Option(name: .long, help: "CSV separator: ';' or ',' (default ';' in Russian, ',' in English).")
    var sep: String?
    @Option(name: .long, help: "CSV decimal separator: ',' or '.' (default ',' in Russian, '.' in English).")
    var decimal: String?

    /// The format: the language's default, `--sep`/`--decimal` over it.
    func format(_ context: CommandContext) throws -> CSVFormat {
        var format: CSVFormat = context.language == .ru ? .russian : .english
        if let sep {
            guard sep == ";" || sep == "," || sep == "\\t" || sep == "\t" else {
                throw CommandFailure(status: .usage, message: context.strings.badSeparator(sep))
            }
            format.separator = sep == "\\t" ? "\t" : Character(sep)
        }
        if let decimal {
            guard decimal == "," || decimal == "." else { throw CommandFailure(status: .usage, message: context.strings.badDecimal(decimal)) }
            format.decimalSeparator = Character(decimal)
        }
        return format
    }
}
