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

    /// Transfers a firmware image (DLMS image transfer, class 18, ES951-MAP.md), resuming
    /// where the device left off: it initiates with the identifier and size (the same ones
    /// keep the device's blocks), reads which blocks the device has, sends only the others
    /// in the device's block size, verifies, and activates when asked. Stop (cancelling
    /// the task) ends it between blocks; running it again resumes.
    /// - Throws: `.refused` when the device refuses a step (verification failed: the
    ///   image is incomplete or damaged), `.link` on a cut line, `.cancelled`.
    public func transferImage(_ image: [UInt8], identifier: [UInt8], activate: Bool,
                              progress: @escaping @Sendable (ImageTransferProgress) -> Void = { _ in })
        async throws(ConcentratorError) -> ImageTransferOutcome {
        guard let object = map.object(named: "image-transfer") else { throw .unexpectedValue("not in the map: image-transfer") }
        guard !image.isEmpty, !identifier.isEmpty, let size = UInt32(exactly: image.count) else {
            throw .unexpectedValue("an empty image or identifier")
        }
        func method(_ n: Int8) -> CosemMethodDescriptor { CosemMethodDescriptor(classID: object.classID, instance: object.obis, method: n) }
        let blockSizeAttribute = try descriptor("image-transfer", 2)
        let transferredAttribute = try descriptor("image-transfer", 3)
        let statusAttribute = try descriptor("image-transfer", 6)

        return try await logged("firmware \(String(decoding: identifier, as: UTF8.self)) \(image.count) bytes") { () async throws(ConcentratorError) -> ImageTransferOutcome in
            let blockSizeData = try await values([blockSizeAttribute])[0]
            let blockSize = Int(try modelCall { () throws(ModelError) in try blockSizeData.unsignedValue("image-transfer.block-size") })
            guard blockSize > 0 else { throw .unexpectedValue("image-transfer.block-size 0") }
            let total = (image.count + blockSize - 1) / blockSize

            try await invoke(method(1), .structure([.octetString(identifier), .doubleLongUnsigned(size)]))
            var have = try await transferredBlocks(transferredAttribute, count: total)
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
            try await invoke(method(3), .integer(0))
            let status = try await statusValue(statusAttribute)
            guard status == 3 else { throw .refused(.otherReason) }
            var activated = false
            if activate {
                try await invoke(method(4), .integer(0))
                activated = try await statusValue(statusAttribute) == 6
            }
            return ImageTransferOutcome(blocksTotal: total, blocksSent: sent, alreadyThere: alreadyThere,
                                        verified: true, activated: activated)
        }
    }

    /// Calls a method; a result other than success is a refusal.
    private func invoke(_ m: CosemMethodDescriptor, _ parameter: DLMSData) async throws(ConcentratorError) {
        let response: ActionResponseWithOptionalData
        do throws(DLMSConnectionError) { response = try await connection.action(m, parameter) } catch { throw ConcentratorError(error) }
        guard response.result == .success else { throw .refused(DataAccessResult(rawValue: response.result.rawValue)) }
    }

    /// The device's transferred-blocks bit-string as one flag per block (first block = the
    /// first bit, most significant first).
    private func transferredBlocks(_ d: CosemAttributeDescriptor, count: Int) async throws(ConcentratorError) -> [Bool] {
        let data = try await values([d])[0]
        guard case .bitString(let bits) = data else { throw .unexpectedValue("image-transfer.transferred-blocks: \(data)") }
        return (0..<count).map { i in i < bits.count && i / 8 < bits.bytes.count && bits.bytes[i / 8] & (0x80 >> UInt8(i % 8)) != 0 }
    }

    private func statusValue(_ d: CosemAttributeDescriptor) async throws(ConcentratorError) -> Int {
        let data = try await values([d])[0]
        return Int(try modelCall { () throws(ModelError) in try data.unsignedValue("image-transfer.status") })
    }
}
