import Accounts
import AccountStore
import Foundation
import Testing
import TUICore
@testable import hlmcs

/// Issue 18 item 11: System ▸ Audit log carried out for real — the log of an AccountStore
/// read through the runner (newest first), a reader refused, the rows written to CSV once.
@Suite("TUI audit log", .timeLimit(.minutes(1)))
struct TUIAuditTests: RunnerTest {
    let inbox: Inbox
    let store: AccountStore
    let runner: EffectRunner
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hlmcs-audit-\(UUID().uuidString.prefix(8))")

    init() throws {
        (inbox, store, runner) = try Self.parts(meters: 1)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func loaded() async -> [AuditEntry]? {
        runner.perform(.loadAudit)
        let seen = await wait(for: "the audit log") { if case .auditLoaded = $0 { true } else { false } }
        guard case .auditLoaded(let entries)? = seen.last(where: { if case .auditLoaded = $0 { true } else { false } }) else { return nil }
        return entries
    }

    @Test func theStoresEntriesArriveNewestFirstAndAreListedSo() async throws {
        await logIn()
        runner.perform(.addUser(name: "ivanov", role: .read, password: "reader-pass-1"))
        _ = await wait(for: "user added") { if case .accountChanged = $0 { true } else { false } }
        let entries = try #require(await loaded())
        let stored = try store._allAuditEntries()
        #expect(stored.count >= 3)
        #expect(entries == Array(stored.reversed()))
        #expect(entries.first?.action == "users-add" && entries.last?.action == "users-init", "\(entries.map(\.action))")
        #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.time >= $1.time })

        // On screen too: the newest row above the oldest.
        var state = AppState(width: 80, height: 24, language: .en,
                             strings: [.en: try UIStrings.bundled(.en), .ru: try UIStrings.bundled(.ru)])
        _ = state.update(.loggedIn(SessionInfo(user: "Администратор", role: .administrator,
                                               permissions: PermissionMatrix.defaults[.administrator])))
        _ = state.update(.auditLoaded(entries))
        let text = state.render(DrawContext(strings: state.strings)).lines.joined(separator: "\n")
        let newest = try #require(text.range(of: "users-add"))
        let oldest = try #require(text.range(of: "users-init"))
        #expect(newest.lowerBound < oldest.lowerBound, "\(text)")
        await runner.shutdown()
    }

    @Test func aReaderIsRefusedWithWordsAndTheDenialIsAudited() async throws {
        await logIn()
        runner.perform(.addUser(name: "ivanov", role: .read, password: "reader-pass-1"))
        _ = await wait(for: "user added") { if case .accountChanged = $0 { true } else { false } }
        runner.perform(.logout)
        runner.perform(.login(user: "ivanov", password: "reader-pass-1"))
        _ = await wait(for: "login") { if case .loggedIn = $0 { true } else { false } }
        runner.perform(.loadAudit)
        let seen = await wait(for: "the refusal") { if case .auditFailed = $0 { true } else { false } }
        guard case .auditFailed(let failure)? = seen.last else { Issue.record("\(seen.suffix(2))"); return }
        #expect(failure.kind == .permission && !failure.text.isEmpty, "\(failure)")
        #expect(!seen.contains { if case .auditLoaded = $0 { true } else { false } })
        let denial = try #require(try store._allAuditEntries().last)
        #expect(denial.user == "ivanov" && denial.action == "audit" && denial.outcome == .denied, "\(denial)")
        await runner.shutdown()
    }

    @Test func theRowsAreWrittenToANewFileOnlyEscapedAndAudited() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        await logIn()
        let path = folder.appendingPathComponent("audit.csv").path
        let rows = [["2026-11-25 10:31:45", "ivanov", "set", "name=\u{1b}[2J", "denied"],
                    ["2026-11-25 10:30:00", "ivanov", "login", "", "ok"]]
        runner.perform(.exportAudit(path: path, header: ["Time", "User", "Action", "Target", "Outcome"], rows: rows, CSVChoice()))
        let seen = await wait(for: "the file") { if case .auditExported = $0 { true } else { if case .auditExportFailed = $0 { true } else { false } } }
        guard case .auditExported(let words)? = seen.last else { Issue.record("\(seen.suffix(2))"); return }
        #expect(words == "Audit log written to \(path) (2 rows).")
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Array(written.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with BOM, as every CSV of the program")
        let text = String(decoding: written.dropFirst(3), as: UTF8.self)
        #expect(text == "Time,User,Action,Target,Outcome\r\n2026-11-25 10:31:45,ivanov,set,name=\\x1b[2J,denied\r\n"
                + "2026-11-25 10:30:00,ivanov,login,,ok\r\n", "\(text.debugDescription)")
        let export = try #require(try store._allAuditEntries().last)
        #expect(export.action == "csv-export" && export.target == path && export.outcome == .success, "\(export)")

        // One row is one row.
        let single = folder.appendingPathComponent("one.csv").path
        runner.perform(.exportAudit(path: single, header: ["Time"], rows: [["x"]], CSVChoice()))
        let one = await wait(for: "the second file") { if case .auditExported(let t) = $0 { t.contains("one.csv") } else { false } }
        #expect(one.contains { if case .auditExported(let t) = $0 { t == "Audit log written to \(single) (1 row)." } else { false } })

        // Never over an existing file, even when the box would replace it.
        runner.perform(.exportAudit(path: path, header: ["Time"], rows: [["x"]], CSVChoice(overwrite: true)))
        let again = await wait(for: "the refusal") { if case .auditExportFailed = $0 { true } else { false } }
        guard case .auditExportFailed(let refusal)? = again.last else { Issue.record("\(again.suffix(2))"); return }
        #expect(refusal == "\(path) exists: choose another name; nothing was written.")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == written)
        await runner.shutdown()
    }
}
