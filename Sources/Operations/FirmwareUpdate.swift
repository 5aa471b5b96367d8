import Accounts
import Concentrator
import Foundation

/// The firmware update (SPEC F-62): `hlmcs firmware` and the Service page's Firmware.
public enum FirmwareUpdate {
    /// What an update did, and the version the device reports afterwards (nil when it
    /// could not be read).
    public struct Result: Sendable {
        public var outcome: ImageTransferOutcome
        public var version: String?
        /// After an activation: the new association the version was read on (the old one
        /// is closed; the caller owns this one). Nil when none answered.
        public var reopened: Concentrator?
    }

    /// How many times a new association is tried after an activation, a second apart.
    public static let reconnectTries = 3

    /// The image file's bytes; a missing, unreadable or empty file is a typed failure.
    public static func loadImage(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else {
            throw OperationFailure.unreadableFile(path: path)
        }
        return [UInt8](data)
    }

    /// The audit target: `firmware ID`.
    public static func target(identifier: String) -> String { "firmware \(identifier)" }
}

extension Operator {
    /// Sends the image (the device keeps the blocks it has: a second attempt sends only
    /// the missing ones), verifies it and activates it when asked (asks for `firmware`,
    /// audited). Then reads the firmware version: on this association when the image was
    /// not activated; after an activation (the device restarts into the new image) on a
    /// new one from `reopen`, tried ``FirmwareUpdate/reconnectTries`` times a second apart.
    public func updateFirmware(_ image: [UInt8], identifier: String, activate: Bool,
                               progress: @escaping @Sendable (ImageTransferProgress) -> Void,
                               reopen: @Sendable () async throws -> Concentrator) async throws -> FirmwareUpdate.Result {
        let outcome = try await write(.firmware, target: FirmwareUpdate.target(identifier: identifier),
                                      succeeded: { _ in true }) { c in
            try await c.transferImage(image, identifier: Array(identifier.utf8), activate: activate, progress: progress)
        }
        guard outcome.activated else {
            let version = try? await concentrator.readInfo([.firmwareVersion]).firmwareVersion
            return FirmwareUpdate.Result(outcome: outcome, version: version, reopened: nil)
        }
        await concentrator.close()
        for attempt in 0..<FirmwareUpdate.reconnectTries {
            if attempt > 0 { try? await Task.sleep(for: .seconds(1)) }
            guard !Task.isCancelled, let again = try? await reopen() else { continue }
            do {
                _ = try await again.open()
                let version = try await again.readInfo([.firmwareVersion]).firmwareVersion
                return FirmwareUpdate.Result(outcome: outcome, version: version, reopened: again)
            } catch {
                await again.close()
            }
        }
        return FirmwareUpdate.Result(outcome: outcome, version: nil, reopened: nil)
    }
}
