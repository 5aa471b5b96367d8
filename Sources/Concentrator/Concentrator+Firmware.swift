import DLMS
import DLMSTransport
import ES951

/// How far a firmware transfer is (F-62): blocks and bytes on the device, of the image.
public struct ImageTransferProgress: Equatable, Sendable {
    public var blocksDone: Int
    public var blocksTotal: Int
    public var bytesDone: Int
    public var bytesTotal: Int
    /// Blocks the device already had when this run began (a resumed transfer).
    public var alreadyThere: Int

    public init(blocksDone: Int, blocksTotal: Int, bytesDone: Int, bytesTotal: Int, alreadyThere: Int) {
        self.blocksDone = blocksDone; self.blocksTotal = blocksTotal
        self.bytesDone = bytesDone; self.bytesTotal = bytesTotal; self.alreadyThere = alreadyThere
    }
}

/// What a firmware transfer did.
public struct ImageTransferOutcome: Equatable, Sendable {
    public var blocksTotal: Int
    /// Blocks sent in this run (the others were on the device already).
    public var blocksSent: Int
    public var alreadyThere: Int
    public var verified: Bool
    public var activated: Bool
}

extension Concentrator {
    /// The image identifier of a file: its name without the last extension
    /// (`ES951-2.7.1.bin` → `ES951-2.7.1`, SPEC F-62).
    public static func imageIdentifier(fileName: String) -> String {
        let name = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// Where the device's image transfer stands (attributes 2, 3, 4 and 6 in one GET).
    public func readImageTransferState() async throws(ConcentratorError) -> ImageTransferState {
        let attributes = try descriptors([("image-transfer", 2), ("image-transfer", 3), ("image-transfer", 4), ("image-transfer", 6)])
        let read = try await values(attributes)
        return try modelCall { () throws(ModelError) in try ImageTransferState(values: read) }
    }

    /// Transfers a firmware image (DLMS image transfer, class 18, ES951-MAP.md), resuming
    /// where the device left off. It reads the device's block size and state, initiates
    /// with the identifier and size — the map's contract: the same identifier and size
    /// keep the blocks already transferred, another one starts over (the map has no
    /// attribute naming the identifier in transfer, so initiating is how a client asks) —,
    /// reads the transferred-blocks bit-string again and sends only the blocks missing,
    /// verifies (method 3, then the status polled while verification runs) and
    /// activates when asked (method 4). Stop (cancelling the task) ends it between
    /// blocks; running it again resumes.
    /// - Throws: `.refused` when the device refuses a step (verification failed: the
    ///   image is incomplete or damaged), `.link` on a cut line, `.cancelled`.
    public func transferImage(_ image: [UInt8], identifier: [UInt8], activate: Bool,
                              progress: @escaping @Sendable (ImageTransferProgress) -> Void = { _ in })
        async throws(ConcentratorError) -> ImageTransferOutcome {
        guard let object = active.object(named: "image-transfer") else { throw .unexpectedValue("not in the map: image-transfer") }
        guard !image.isEmpty, !identifier.isEmpty, let size = UInt32(exactly: image.count) else {
            throw .unexpectedValue("an empty image or identifier")
        }
        func method(_ n: Int8) -> CosemMethodDescriptor { CosemMethodDescriptor(classID: object.classID, instance: object.obis, method: n) }

        return try await logged("firmware \(String(decoding: identifier, as: UTF8.self)) \(image.count) bytes") { () async throws(ConcentratorError) -> ImageTransferOutcome in
            let before = try await readImageTransferState()
            let blockSize = before.blockSize
            let total = (image.count + blockSize - 1) / blockSize

            try await invoke(method(1), .structure([.octetString(identifier), .doubleLongUnsigned(size)]))
            let after = try await readImageTransferState()
            guard after.blockSize == blockSize else { throw .unexpectedValue("image-transfer.image-block-size changed to \(after.blockSize)") }
            var have = after.has(blocks: total)
            // The first not transferred block agrees with the bit-string on a sound device;
            // when it does not, the blocks from it on are sent again.
            if after.firstNotTransferred < total {
                for index in after.firstNotTransferred..<total { have[index] = false }
            }
            let alreadyThere = have.filter { $0 }.count
            func report() {
                let done = have.filter { $0 }.count
                let bytes = have.enumerated().filter(\.element).map { min(blockSize, image.count - $0.offset * blockSize) }.reduce(0, +)
                progress(ImageTransferProgress(blocksDone: done, blocksTotal: total, bytesDone: bytes, bytesTotal: image.count,
                                               alreadyThere: alreadyThere))
            }
            report()
            var sent = 0
            for index in 0..<total where !have[index] {
                try checkCancellation()
                let start = index * blockSize
                let block = Array(image[start..<min(image.count, start + blockSize)])
                try await invoke(method(2), .structure([.doubleLongUnsigned(UInt32(index)), .octetString(block)]))
                have[index] = true
                sent += 1
                noteRows(have.filter { $0 }.count, total: total)
                report()
            }
            try checkCancellation()
            try await invoke(method(3), .integer(0), allowingTemporaryFailure: true)
            guard try await settledStatus(while: .verificationInitiated) == .verificationSuccessful else { throw .refused(.otherReason) }
            var activated = false
            if activate {
                try await invoke(method(4), .integer(0), allowingTemporaryFailure: true)
                activated = try await settledStatus(while: .activationInitiated) == .activationSuccessful
            }
            return ImageTransferOutcome(blocksTotal: total, blocksSent: sent, alreadyThere: alreadyThere,
                                        verified: true, activated: activated)
        }
    }

    /// Calls a method; a result other than success is a refusal (`temporary-failure`
    /// allowed for verify and activate, which a device may run in the background).
    private func invoke(_ m: CosemMethodDescriptor, _ parameter: DLMSData,
                        allowingTemporaryFailure: Bool = false) async throws(ConcentratorError) {
        try checkCancellation()
        let response: ActionResponseWithOptionalData
        do throws(DLMSConnectionError) { response = try await connection.action(m, parameter) } catch { throw ConcentratorError(error) }
        if response.result == .success { return }
        if allowingTemporaryFailure, response.result == .temporaryFailure { return }
        throw .refused(DataAccessResult(rawValue: response.result.rawValue))
    }

    /// The image transfer status once it has left `running` (polled every half second,
    /// at most two minutes).
    private func settledStatus(while running: ImageTransferState.Status) async throws(ConcentratorError) -> ImageTransferState.Status {
        for _ in 0..<240 {
            let status = try await readImageTransferState().status
            guard status == running else { return status }
            do { try await Task.sleep(for: .milliseconds(500)) } catch { throw .cancelled }
        }
        throw .unexpectedValue("image-transfer.image-transfer-status stays \(running)")
    }
}
