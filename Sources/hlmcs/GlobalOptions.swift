import ArgumentParser

/// Options every subcommand accepts (SPEC.md F-72).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default $XDG_DATA_HOME/hlmcs/hlmcs.sqlite; env HLMCS_DB).")
    var db: String?

    @Flag(name: .long, help: "JSON lines instead of text.")
    var json = false

    @Option(name: .long, help: "Interface language: ru or en (default: from LANG).")
    var lang: Language?

    @Flag(name: .long, help: "Say more on standard error.")
    var verbose = false
}

enum Language: String, ExpressibleByArgument, CaseIterable {
    case ru, en

    /// `--lang`, else the locale variables (LC_ALL, LC_MESSAGES, LANG): `ru…` is Russian.
    static func resolve(_ option: Language?, environment: [String: String]) -> Language {
        if let option { return option }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("ru") ? .ru : .en
            }
        }
        return .en
    }
}
