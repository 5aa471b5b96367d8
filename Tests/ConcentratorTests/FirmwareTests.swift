import DLMS
import DLMSTransport
import ES951
import Foundation
import Testing
@testable import Concentrator

/// Firmware update (F-62) against the in-process simulator: transfer, verify, activate,
/// and resume after a stop with only the missing blocks sent.
@Suite("Firmware transfer", .timeLimit(.minutes(1)))
struct FirmwareTests {
    static func image(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) } }

    /// Block-transfer requests the simulator served (method 2 of the image transfer).
    static func blockRequests(_ rig: SimulatorRig) -> Int {
        rig.requests.all.filter { $0.contains("ACTION") && $0.contains("18/0.0.44.0.0.255/2") }.count
    }

    @Test func theIdentifierIsTheFileNameWithoutItsLastExtension() {
        #expect(Concentrator.imageIdentifier(fileName: "ES951-2.7.1.bin") == "ES951-2.7.1")
        #expect(Concentrator.imageIdentifier(fileName: "/tmp/fw/ES951-2.7.1.tar.gz") == "ES951-2.7.1.tar")
        #expect(Concentrator.imageIdentifier(fileName: "image") == "image")
        #expect(Concentrator.imageIdentifier(fileName: ".hidden") == ".hidden")
    }

    @Test func aWholeImageIsSentVerifiedAndActivated() async throws {
        let rig = try await SimulatorRig.opened()
        let image = Self.image(5000)   // 27 blocks of 192 bytes (the last one 8)
        let seen = Collected<ImageTransferProgress>()
        let outcome = try await rig.concentrator.transferImage(image, identifier: Array("ES951-2.8.0".utf8), activate: true) {
            seen.append($0)
        }
        #expect(outcome == ImageTransferOutcome(blocksTotal: 27, blocksSent: 27, alreadyThere: 0, verified: true, activated: true))
        #expect(Self.blockRequests(rig) == 27)
        #expect(seen.all.last == ImageTransferProgress(blocksDone: 27, blocksTotal: 27, bytesDone: 5000, bytesTotal: 5000, alreadyThere: 0))
        #expect(try await rig.concentrator.readInfo([.firmwareVersion]).firmwareVersion == "ES951-2.8.0")
        await rig.finish()
    }

    @Test func aStoppedTransferResumesWithOnlyTheMissingBlocks() async throws {
        let rig = try await SimulatorRig.opened()
        let image = Self.image(192 * 40)
        let identifier = Array("ES951-2.9.0".utf8)
        // Stop after 15 blocks reached the device.
        let task = Task {
            try await rig.concentrator.transferImage(image, identifier: identifier, activate: false) { p in
                if p.blocksDone >= 15 { withUnsafeCurrentTask { $0?.cancel() } }
            }
        }
        await #expect(throws: ConcentratorError.cancelled) { _ = try await task.value }
        let first = Self.blockRequests(rig)
        #expect((15...16).contains(first), "\(first) blocks before the stop")
        let outcome = try await rig.concentrator.transferImage(image, identifier: identifier, activate: true)
        #expect(outcome.alreadyThere == first)
        #expect(outcome.blocksSent == 40 - first)
        #expect(Self.blockRequests(rig) == 40, "every block sent exactly once")
        #expect(outcome.activated)
        #expect(try await rig.concentrator.readInfo([.firmwareVersion]).firmwareVersion == "ES951-2.9.0")
        await rig.finish()
    }

    @Test func anotherImageStartsOver() async throws {
        let rig = try await SimulatorRig.opened()
        let task = Task {
            try await rig.concentrator.transferImage(Self.image(192 * 10), identifier: Array("A".utf8), activate: false) { p in
                if p.blocksDone >= 4 { withUnsafeCurrentTask { $0?.cancel() } }
            }
        }
        _ = try? await task.value
        let outcome = try await rig.concentrator.transferImage(Self.image(192 * 12), identifier: Array("B".utf8), activate: false)
        #expect(outcome.alreadyThere == 0)
        #expect(outcome.blocksSent == 12)
        #expect(outcome.verified && !outcome.activated)
        await rig.finish()
    }

    @Test func anotherSizeWithTheSameIdentifierStartsOver() async throws {
        let rig = try await SimulatorRig.opened()
        let identifier = Array("ES951-3.0".utf8)
        let task = Task {
            try await rig.concentrator.transferImage(Self.image(192 * 10), identifier: identifier, activate: false) { p in
                if p.blocksDone >= 5 { withUnsafeCurrentTask { $0?.cancel() } }
            }
        }
        _ = try? await task.value
        let before = Self.blockRequests(rig)
        #expect(before >= 5)
        let outcome = try await rig.concentrator.transferImage(Self.image(192 * 10 + 1), identifier: identifier, activate: false)
        #expect(outcome.alreadyThere == 0)
        #expect(outcome.blocksSent == 11)
        #expect(Self.blockRequests(rig) == before + 11)
        await rig.finish()
    }

    @Test func aVerifiedImageSentAgainIsNotSentTwice() async throws {
        let rig = try await SimulatorRig.opened()
        let image = Self.image(1000)
        let identifier = Array("ES951-2.7.1".utf8)
        _ = try await rig.concentrator.transferImage(image, identifier: identifier, activate: false)
        #expect(try await rig.concentrator.readImageTransferState().status == .verificationSuccessful)
        let again = try await rig.concentrator.transferImage(image, identifier: identifier, activate: true)
        #expect(again == ImageTransferOutcome(blocksTotal: 6, blocksSent: 0, alreadyThere: 6, verified: true, activated: true))
        #expect(Self.blockRequests(rig) == 6)
        #expect(try await rig.concentrator.readImageTransferState().status == .activationSuccessful)
        await rig.finish()
    }

    @Test func theStateReadsTheBitStringFirstBlockFirst() throws {
        let state = try ImageTransferState(values: [.doubleLongUnsigned(192), .bitString(BitString(count: 10, bytes: [0b1010_0000, 0b0100_0000])),
                                                    .doubleLongUnsigned(1), .enumerated(1)])
        #expect(state.transferred == [true, false, true, false, false, false, false, false, false, true])
        #expect(state.has(blocks: 12) == state.transferred + [false, false])
        #expect(state.status == .initiated && state.blockSize == 192 && state.firstNotTransferred == 1)
        #expect(throws: ModelError.self) {
            try ImageTransferState(values: [.doubleLongUnsigned(0), .bitString(BitString(count: 0, bytes: [])), .doubleLongUnsigned(0), .enumerated(0)])
        }
        #expect(throws: ModelError.self) {
            try ImageTransferState(values: [.doubleLongUnsigned(192), .bitString(BitString(count: 0, bytes: [])), .doubleLongUnsigned(0), .enumerated(9)])
        }
    }

    @Test func withoutLLSTheDeviceRefuses() async throws {
        let rig = try await SimulatorRig.opened(client: 16, password: nil)
        await #expect(throws: ConcentratorError.refused(.readWriteDenied)) {
            _ = try await rig.concentrator.transferImage(Self.image(300), identifier: Array("X".utf8), activate: false)
        }
        await rig.finish()
    }
}
