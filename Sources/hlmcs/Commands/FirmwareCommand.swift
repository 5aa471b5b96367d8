import Accounts
import ArgumentParser
import Concentrator
import DLMSTransport
import ES951
import Foundation

/// `hlmcs firmware LINK IMAGE [--id ID] [--activate]` (SPEC F-62): transfers a firmware
/// image (DLMS image transfer), resuming what the device already has, verifies it,
/// activates it when asked and then reconnects to show the version the device reports.
/// A cut line ends with exit 3 and says how far it got: the same command resumes.
struct FirmwareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "firmware", abstract: "Firmware update with resume (F-62).")
    @OptionGroup var link: LinkArguments
    @Argument(help: ArgumentHelp("The firmware image.", valueName: "image")) var image: String
    @Option(name: .long, help: "Image identifier (default: the file name without its last extension).") var id: String?
    @Flag(name: .long, help: "Activate the image after a successful verification.") var activate = false
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var bytes: [UInt8] = []
        let identifier = id ?? Concentrator.imageIdentifier(fileName: image)
        try await DeviceRun.run(global, link: link, actions: [.firmware], target: "firmware \(identifier)", validate: { context in
            guard let data = FileManager.default.contents(atPath: image), !data.isEmpty else {
                throw CommandFailure(status: .usage, message: context.strings.cannotReadFile(image))
            }
            bytes = [UInt8](data)
        }) { run in
            let s = run.strings
            let last = Locked<ImageTransferProgress?>(nil)
            let show = run.context.options.verbose || isatty(STDERR_FILENO) == 1
            let started = Date()
            let outcome: ImageTransferOutcome
            do {
                outcome = try await run.concentrator.transferImage(bytes, identifier: Array(identifier.utf8), activate: activate) { p in
                    last.withLock { $0 = p }
                    if show { FileHandle.standardError.write(Data((s.firmwareProgress(p, since: started) + (p.blocksDone == p.blocksTotal ? "\n" : "\r")).utf8)) }
                }
            } catch {
                run.audit(.firmware, target: "firmware \(identifier)", .failure)
                if let p = last.value, let e = error as? ConcentratorError, case .link = e {
                    throw CommandFailure(status: .link, message: s.firmwareCut(p, error: s.deviceFailure(for: error, link: run.link)?.message ?? "\(error)"))
                }
                throw error
            }
            run.audit(.firmware, target: "firmware \(identifier)", .success)
            var version: String?
            if outcome.activated {
                version = try? await Self.versionAfterReconnecting(run)
            }
            run.context.emit(text: s.firmwareDone(outcome, identifier: identifier, version: version),
                             json: ["identifier": identifier, "blocks": outcome.blocksTotal, "sent": outcome.blocksSent,
                                    "already-there": outcome.alreadyThere, "verified": outcome.verified,
                                    "activated": outcome.activated, "version": version ?? NSNull()])
        }
    }

    /// A new association after the activation, reading the firmware version.
    static func versionAfterReconnecting(_ run: DeviceRun) async throws -> String? {
        await run.concentrator.close()
        let password = try DeviceRun.llsPassword(run.context, run.link)
        var options = run.link
        options.tracePath = nil   // the transfer's trace stays as it was written
        let connection = try await Link.open(options, password: password.map { Array($0.utf8) })
        let again = Concentrator(connection: connection, map: run.map)
        defer { Task { await again.close() } }
        _ = try await again.open()
        let version = try await again.readInfo([.firmwareVersion]).firmwareVersion
        await again.close()
        return version
    }
}
