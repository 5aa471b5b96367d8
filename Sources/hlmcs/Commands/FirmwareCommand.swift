import Accounts
import ArgumentParser
import Concentrator
import DLMSTransport
import ES951
import Foundation
import Operations

/// `hlmcs firmware LINK IMAGE [--id ID] [--activate]` (SPEC F-62): transfers a firmware
/// image (DLMS image transfer), resuming what the device already has, verifies it,
/// activates it when asked and then reconnects to show the version the device reports.
/// Progress (blocks, bytes, time left) goes to standard error on a terminal or with
/// `--verbose`. A cut line ends with exit 3 and says how far it got: the same command
/// resumes. Audited, success or failure.
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
        let target = "firmware \(identifier)"
        try await DeviceRun.run(global, link: link, actions: [.firmware], target: target, validate: { context in
            guard !identifier.isEmpty, identifier.utf8.count <= 255 else {
                throw CommandFailure(status: .usage, message: context.strings.firmwareBadIdentifier)
            }
            bytes = try FirmwareUpdate.loadImage(image)
        }) { run in
            let s = run.strings
            let last = Locked<ImageTransferProgress?>(nil)
            let terminal = isatty(STDERR_FILENO) == 1
            let show = terminal || run.context.options.verbose
            let started = Date()
            let result: FirmwareUpdate.Result
            do {
                result = try await run.op.updateFirmware(bytes, identifier: identifier, activate: activate, progress: { p in
                    let previous = last.withLock { value in defer { value = p }; return value }
                    guard show else { return }
                    let finished = p.blocksDone == p.blocksTotal
                    if terminal {
                        Output.progress(s.firmwareProgress(p, since: started), final: finished)
                    } else if previous == nil || finished || Self.step(p) != Self.step(previous!) {
                        // A log, not a terminal: a line every 5 %.
                        Output.message(s.firmwareProgress(p, since: started))
                    }
                }, reopen: { [link = run.link, password = run.password, map = run.map] in
                    try await Self.reopen(link, password: password, map: map)
                })
            } catch {
                if terminal, last.value != nil { Output.prompt("\n") }
                if let e = error as? ConcentratorError, case .link = e {
                    let why = s.deviceFailure(for: error, link: run.link)?.message ?? "\(error)"
                    throw CommandFailure(status: .link, message: s.firmwareCut(last.value, error: why))
                }
                throw error
            }
            await result.reopened?.close()
            let outcome = result.outcome
            let version = outcome.activated ? result.version : nil
            run.context.emit(text: s.firmwareDone(outcome, identifier: identifier, version: version),
                             json: ["identifier": identifier, "bytes": bytes.count, "blocks": outcome.blocksTotal,
                                    "sent": outcome.blocksSent, "already-there": outcome.alreadyThere,
                                    "verified": outcome.verified, "activated": outcome.activated,
                                    "version": version ?? NSNull()])
        }
    }

    /// Which 5 % of the transfer a progress report is in.
    static func step(_ p: ImageTransferProgress) -> Int { p.blocksTotal == 0 ? 0 : p.blocksDone * 20 / p.blocksTotal }

    /// A new association after the activation, on the same link with the same password.
    /// Not traced: reopening `--trace FILE` would empty the trace of the transfer.
    static func reopen(_ link: LinkSpec, password: String?, map: DeviceMap) async throws -> Concentrator {
        var options = link
        options.tracePath = nil
        let connection = try await Link.open(options, password: password.map { Array($0.utf8) })
        return Concentrator(connection: connection, map: map)
    }
}
