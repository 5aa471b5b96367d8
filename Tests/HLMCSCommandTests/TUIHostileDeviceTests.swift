import AccountStore
import DLMS
import Foundation
import Simulator
import Testing
import TUICore
@testable import hlmcs

/// The terminal UI's runtime against a broken or hostile demo concentrator (issue 14):
/// F5 on a value that cannot be right is a worded failure, not a crash; Esc stops an
/// answer that never ends, within seconds, and the page says so.
@Suite("TUI against a hostile device", .timeLimit(.minutes(1)))
struct TUIHostileDeviceTests: RunnerTest {
    let inbox: Inbox
    let store: AccountStore
    let runner: EffectRunner

    init() throws { try self.init(HostileBehaviour()) }

    init(_ hostile: HostileBehaviour, baud: Int? = nil) throws {
        (inbox, store, runner) = try Self.parts(meters: 20, baud: baud, hostile: hostile)
    }

    static func descriptor(_ text: String) -> CosemAttributeDescriptor { CosemAttributeDescriptor(text)! }

    @Test(arguments: [
        ("1/0.0.94.7.141.255/2", [0x02, 0x03] + Array(repeating: [0x15] + Array(repeating: UInt8(0xFF), count: 8), count: 3).flatMap { $0 },
         "meter-counts.configured = 18446744073709551615"),
        ("3/0.0.96.6.0.255/3", [0x02, 0x02, 0x0F, 0x7F, 0x11, 0x06], "battery-use-time.scaler-unit.scaler = 127"),
    ] as [(String, [UInt8], String)])
    func f5OnAnImplausibleValueIsAWordedFailure(attribute: String, answer: [UInt8], expected: String) async throws {
        let t = try TUIHostileDeviceTests(HostileBehaviour(answers: [Self.descriptor(attribute): answer]))
        await t.logIn()
        t.runner.perform([.connect(.demo, llsPassword: nil), .page(.info, .readInfo(InfoPage.Line.allCases.flatMap(\.items)))])
        let seen = await t.wait(for: "the read's end") { if case .page(.info, _) = $0 { true } else { false } }
        let failure = seen.compactMap { if case .page(.info, .failed(let failure)) = $0 { failure } else { nil } }.first
        // A number that cannot be right is a protocol failure, as `hlmcs info` says with status 3.
        #expect(failure?.kind == .link)
        #expect(failure?.text.contains(expected) == true && failure?.text.contains("cannot be right") == true, "\(seen.suffix(3))")
        await t.runner.shutdown()
    }

    @Test(arguments: [HostileBehaviour.Mode.endlessSegments, .endlessBlocks])
    func escStopsAnAnswerWithoutEnd(mode: HostileBehaviour.Mode) async throws {
        // At 9600 baud the answer's byte limit is minutes away: only Esc can stop it soon.
        let t = try TUIHostileDeviceTests(HostileBehaviour(modes: [mode]), baud: 9600)
        await t.logIn()
        t.runner.perform(.connect(.demo, llsPassword: nil))
        _ = await t.wait(for: "connection") { if case .connected = $0 { true } else { false } }
        t.runner.perform(.page(.info, .readInfo([.serialNumber])))
        _ = await t.wait(for: "progress") { if case .progress = $0 { true } else { false } }
        let pressed = ContinuousClock.now
        t.runner.perform(.stopRead)
        let seen = await t.wait(for: "the read's end") { if case .page(.info, _) = $0 { true } else { false } }
        #expect(seen.contains { if case .page(.info, .stopped) = $0 { true } else { false } }, "\(seen.suffix(3))")
        #expect(ContinuousClock.now - pressed < .seconds(4))
        await t.runner.shutdown()
    }
}
