/// What any export writes (profiles, events, meter lists): one header line of column
/// names (with units, e.g. `A+, kWh`), then rows, oldest first, each as many cells as the
/// header has names.
public struct CSVTable: Hashable, Sendable {
    public var header: [String]
    public var rows: [[CSVCell]]

    public init(header: [String], rows: [[CSVCell]] = []) {
        self.header = header
        self.rows = rows
    }
}
