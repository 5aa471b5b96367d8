import Accounts
import Export

extension AuditedUser {
    /// Writes `table` to `path` (UTF-8 with BOM, through a temporary file) after asking
    /// for `csv-export`; audited success or failure. Returns the rows written.
    public func exportCSV(_ table: CSVTable, format: CSVFormat, to path: String) throws -> Int {
        try authorize(.csvExport, target: path)
        do {
            try CSVWriter.write(table, format: format, to: path)
        } catch {
            audit(.csvExport, target: path, .failure)
            throw error
        }
        audit(.csvExport, target: path, .success)
        return table.rows.count
    }
}

extension AuditedUser {
    /// Opens `path` (a temporary file beside it: a folder that cannot take it fails before
    /// any read), then runs `produce` (a device read) and writes its table; when the read
    /// fails nothing is left. Asks for `csv-export`; audited success or failure. Returns
    /// the rows written.
    public func exportCSV(format: CSVFormat, to path: String,
                          producing produce: () async throws -> CSVTable) async throws -> Int {
        try authorize(.csvExport, target: path)
        var rows = 0
        do {
            try await CSVWriter.write(to: path, format: format) {
                let table = try await produce()
                rows = table.rows.count
                return table
            }
        } catch {
            audit(.csvExport, target: path, .failure)
            throw error
        }
        audit(.csvExport, target: path, .success)
        return rows
    }
}

extension Operator {
    /// ``AuditedUser/exportCSV(format:to:producing:)`` as this operator's user.
    public func exportCSV(format: CSVFormat, to path: String,
                          producing produce: () async throws -> CSVTable) async throws -> Int {
        try await user.exportCSV(format: format, to: path, producing: produce)
    }

    /// ``AuditedUser/exportCSV(_:format:to:)`` as this operator's user.
    public func exportCSV(_ table: CSVTable, format: CSVFormat, to path: String) throws -> Int {
        try user.exportCSV(table, format: format, to: path)
    }
}
