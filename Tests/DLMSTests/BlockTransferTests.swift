import Testing
@testable import DLMS

@Suite struct BlockTransferTests {
    @Test func splitsIntoBlocks() {
        let value = Array(0..<10) as [UInt8]
        #expect(BlockTransfer.blocks(of: value, maxBlockSize: 4) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]])
        #expect(BlockTransfer.blocks(of: value, maxBlockSize: 10) == [value])
        #expect(BlockTransfer.blocks(of: value, maxBlockSize: 100) == [value])
        #expect(BlockTransfer.blocks(of: [], maxBlockSize: 4) == [[]])
        #expect(BlockTransfer.blocks(of: [1, 2], maxBlockSize: 0) == [[1], [2]])
        let sa = BlockTransfer.dataBlocksSA(of: value, maxBlockSize: 4)
        #expect(sa.map(\.blockNumber) == [1, 2, 3])
        #expect(sa.map(\.lastBlock) == [false, false, true])
        #expect(sa.flatMap(\.raw) == value)
    }

    @Test func reassemblesSplitValue() throws {
        let value = DLMSData.array((0..<50).map { .structure([.doubleLongUnsigned(UInt32($0)), .visibleString(Array("row".utf8))]) })
        let encoded = value.encoded
        for size in [1, 7, 64, encoded.count] {
            var assembler = GetBlockAssembler()
            let blocks = BlockTransfer.dataBlocksG(of: encoded, maxBlockSize: size)
            for (i, block) in blocks.enumerated() {
                #expect(try assembler.append(block) == (i == blocks.count - 1))
                #expect(assembler.nextRequestBlockNumber == UInt32(i + 1))
            }
            #expect(assembler.rawData == encoded)
            #expect(try assembler.value() == value)
        }
    }

    @Test func vector6FirstBlock() throws {
        // §6 #6: GET-Response-With-Datablock, block 1, not last, raw 01 50.
        guard case .getResponse(.withDataBlock(_, let block)) = try APDU(decoding: hex("C4 02 C1 00 00 00 00 01 00 02 01 50")) else {
            Issue.record("not a datablock"); return
        }
        var assembler = GetBlockAssembler()
        #expect(try assembler.append(block) == false)
        #expect(throws: XDLMSError.transferIncomplete) { try assembler.value() }
        #expect(throws: XDLMSError.unexpectedBlockNumber(expected: 2, received: 1)) { try assembler.append(block) }
    }

    @Test func rejectsGapsRepeatsAndErrors() throws {
        var a = GetBlockAssembler()
        #expect(throws: XDLMSError.unexpectedBlockNumber(expected: 1, received: 0)) {
            try a.append(DataBlockG(lastBlock: false, blockNumber: 0, result: .raw([1])))
        }
        #expect(throws: XDLMSError.unexpectedBlockNumber(expected: 1, received: 2)) {
            try a.append(DataBlockG(lastBlock: false, blockNumber: 2, result: .raw([1])))
        }
        #expect(throws: XDLMSError.blockError(.longGetAborted)) {
            try a.append(DataBlockG(lastBlock: true, blockNumber: 1, result: .error(.longGetAborted)))
        }
        var done = GetBlockAssembler()
        #expect(try done.append(DataBlockG(lastBlock: true, blockNumber: 1, result: .raw([0x11, 0x05]))))
        #expect(try done.value() == .unsigned(5))
        #expect(throws: XDLMSError.transferAlreadyComplete) {
            try done.append(DataBlockG(lastBlock: true, blockNumber: 2, result: .raw([])))
        }
        var bad = GetBlockAssembler()
        _ = try? bad.append(DataBlockG(lastBlock: true, blockNumber: 1, result: .raw([0x11])))
        #expect(throws: XDLMSError.self) { try bad.value() }
        var small = GetBlockAssembler(maximumSize: 3)
        #expect(throws: XDLMSError.transferTooLarge(limit: 3)) {
            try small.append(DataBlockG(lastBlock: false, blockNumber: 1, result: .raw([1, 2, 3, 4])))
        }
    }
}
