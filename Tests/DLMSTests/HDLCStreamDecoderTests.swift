import Testing
@testable import DLMS

@Suite struct HDLCStreamDecoderTests {
    /// Feeds `stream` in chunks of the given sizes (cycled) and drains after every chunk.
    static func events(_ stream: [UInt8], chunks: [Int] = [Int.max],
                       decoder: HDLCStreamDecoder = HDLCStreamDecoder()) -> ([HDLCStreamEvent], HDLCStreamDecoder) {
        var d = decoder
        var out: [HDLCStreamEvent] = []
        var i = 0, k = 0
        while i < stream.count {
            let n = min(chunks[k % chunks.count], stream.count - i)
            d.append(stream[i..<i + n])
            i += n; k += 1
            var guardCount = 0
            while let e = d.next() {
                out.append(e)
                guardCount += 1
                if guardCount > stream.count + 1 { Issue.record("decoder does not consume"); break }
            }
        }
        return (out, d)
    }

    static func frameEvent(_ bytes: [UInt8]) -> HDLCStreamEvent {
        .frame(try! HDLCFrame(decoding: bytes), raw: bytes)
    }

    static let vectors = HDLCVectors.all.map(\.bytes)

    @Test(arguments: HDLCVectors.all)
    func eachVectorWhole(_ v: FrameVector) {
        let (events, d) = Self.events(v.bytes)
        #expect(events == [Self.frameEvent(v.bytes)])
        #expect(d.discardedBytes == 0)
    }

    @Test(arguments: HDLCVectors.all)
    func eachVectorOneByteAtATime(_ v: FrameVector) {
        let (events, d) = Self.events(v.bytes, chunks: [1])
        #expect(events == [Self.frameEvent(v.bytes)])
        #expect(d.discardedBytes == 0)
        #expect(d.bufferedByteCount == 1)   // the closing flag, kept as a possible opening flag
    }

    @Test func allVectorsBackToBackWithSeparateFlags() {
        let stream = Self.vectors.flatMap { $0 }
        let expected = Self.vectors.map(Self.frameEvent)
        for chunks in [[Int.max], [1], [2, 3, 5, 7, 11, 13], [64]] {
            let (events, d) = Self.events(stream, chunks: chunks)
            #expect(events == expected, "chunks \(chunks)")
            #expect(d.discardedBytes == 0)
        }
    }

    /// `…7E A0…`: the closing flag of one frame opens the next.
    @Test func sharedFlags() {
        var stream = Self.vectors[0]
        for v in Self.vectors.dropFirst() { stream += v.dropFirst() }
        let expected = Self.vectors.map(Self.frameEvent)
        for chunks in [[Int.max], [1], [3, 17]] {
            let (events, d) = Self.events(stream, chunks: chunks)
            #expect(events == expected, "chunks \(chunks)")
            #expect(d.discardedBytes == 0)
        }
    }

    /// Garbage before, between and after frames, stray flags, fill flags and an echoed
    /// copy of a frame: the same frames come out in order (the echo is a frame too).
    @Test func garbageStrayFlagsAndEcho() {
        var gen = TestBytes(seed: 0x5EED)
        var stream: [UInt8] = []
        var expected: [HDLCStreamEvent] = []
        var garbage = 0
        for (i, v) in Self.vectors.enumerated() {
            switch i % 5 {
            case 0:   // random-looking bytes
                let g = gen.garbage(1 + Int(gen.next() % 40)); stream += g; garbage += g.count
            case 1:   // a stray flag inside garbage
                let g = gen.garbage(3) + [0x7E] + gen.garbage(4); stream += g; garbage += g.count
            case 2:   // fill flags (not garbage)
                stream += [0x7E, 0x7E, 0x7E]
            case 3:   // a flag followed by a format byte that is not type 3
                let g: [UInt8] = [0x11, 0x7E, 0xB0, 0x12]; stream += g; garbage += g.count
            default:  // nothing: frames back to back
                break
            }
            stream += v
            expected.append(Self.frameEvent(v))
            if i % 7 == 3 {   // echoed copy
                stream += v
                expected.append(Self.frameEvent(v))
            }
        }
        let tail = gen.garbage(9)
        stream += tail; garbage += tail.count
        for chunks in [[Int.max], [1], [5, 1, 9, 2, 31]] {
            let (events, d) = Self.events(stream, chunks: chunks)
            #expect(events == expected, "chunks \(chunks)")
            #expect(d.discardedBytes == garbage)
        }
    }

    @Test func flagBytesInsideFrames() {
        let f = HDLCFrame(destination: .server(upper: 1, lower: nil), source: .client(16),
                          control: .information(sendSequence: 0, receiveSequence: 0, poll: true),
                          information: [UInt8](repeating: 0x7E, count: 40) + [0xA0, 0x07, 0x7E])
        let bytes = f.encoded()
        let middle = HDLCVectors.named("§6 #8 segmented middle frame").bytes   // length byte 0x7E
        let stream = bytes + middle + bytes
        for chunks in [[Int.max], [1]] {
            let (events, _) = Self.events(stream, chunks: chunks)
            #expect(events == [.frame(f, raw: bytes), Self.frameEvent(middle), .frame(f, raw: bytes)])
        }
    }

    // MARK: - Damaged frames

    static let a = HDLCVectors.named("§6 #10 GET clock").bytes
    static let b = HDLCVectors.named("§6 #10 clock response").bytes
    static let c = HDLCVectors.named("session1 RR N(R)=3").bytes

    @Test func corruptedFCSIsReported() {
        var bad = Self.b
        bad[15] ^= 0x20
        let expectedError: HDLCError
        do { _ = try HDLCFrame(decoding: bad); Issue.record("not corrupted"); return } catch { expectedError = error }
        guard case .frameCheckFailed = expectedError else { Issue.record("\(expectedError)"); return }
        for chunks in [[Int.max], [1]] {
            let (events, d) = Self.events(Self.a + bad + Self.c, chunks: chunks)
            #expect(events == [Self.frameEvent(Self.a), .invalid(expectedError, raw: bad), Self.frameEvent(Self.c)])
            #expect(d.discardedBytes == 0)
        }
    }

    @Test func corruptedHCSIsGarbage() {
        var bad = Self.b
        bad[7] ^= 0x01   // HCS
        for chunks in [[Int.max], [1]] {
            let (events, d) = Self.events(Self.a + bad + Self.c, chunks: chunks)
            #expect(events == [Self.frameEvent(Self.a), Self.frameEvent(Self.c)])
            #expect(d.discardedBytes == bad.count - 1)   // its closing flag is a fill flag before c
        }
    }

    /// A frame without information has no HCS: a damaged one cannot be told from garbage.
    @Test func corruptedFrameWithoutInformationIsGarbage() {
        var bad = Self.c
        bad[5] ^= 0x20   // control
        let (events, _) = Self.events(Self.a + bad + Self.a)
        #expect(events == [Self.frameEvent(Self.a), Self.frameEvent(Self.a)])
    }

    /// A frame cut short: its header checks, so it is reported once the bytes it announces
    /// have arrived without a closing flag, and the frames inside that span still come out.
    @Test func truncatedFrame() {
        let cut = Array(Self.b.prefix(20))
        let long = HDLCVectors.named("§6 #8 segmented middle frame").bytes
        for chunks in [[Int.max], [1]] {
            let (events, d) = Self.events(Self.a + cut + Self.c + long, chunks: chunks)
            let rawEnd = Self.a.count + Self.b.count
            let raw = Array((Self.a + cut + Self.c + long)[Self.a.count..<rawEnd])
            #expect(events == [Self.frameEvent(Self.a), .invalid(.missingFlag, raw: raw),
                               Self.frameEvent(Self.c), Self.frameEvent(long)])
            #expect(d.discardedBytes == cut.count - 1)
        }
    }

    @Test func unknownControlIsReported() {
        var f = Hex.bytes("7E A0 07 03 41 93 5A 64 7E")!
        f[5] = 0x3F
        let bad = HDLCVectors.resealed(f, headerLength: nil)
        let (events, _) = Self.events(Self.a + bad + Self.c)
        #expect(events == [Self.frameEvent(Self.a), .invalid(.unknownControl(0x3F), raw: bad), Self.frameEvent(Self.c)])
    }

    @Test func badAddressIsGarbage() {
        let bad = HDLCVectors.resealed([0x7E, 0xA0, 0x09, 0x00, 0x02, 0x03, 0x41, 0x93, 0, 0, 0x7E], headerLength: nil)
        let (events, d) = Self.events(Self.a + bad + Self.c)
        #expect(events == [Self.frameEvent(Self.a), Self.frameEvent(Self.c)])
        #expect(d.discardedBytes == bad.count - 1)
    }

    /// A false start announcing a long frame is judged by its header as soon as 14 bytes
    /// are there: the real frame right behind it is not held back.
    @Test func falseStartDoesNotHoldBackFrames() {
        let falseStart: [UInt8] = [0x7E, 0xA7, 0xF0, 0x03, 0x21, 0x10, 0x12, 0x34]   // wrong HCS
        let (events, d) = Self.events(falseStart + Self.a)
        #expect(events == [Self.frameEvent(Self.a)])
        #expect(d.discardedBytes == falseStart.count)
    }

    @Test func frameLongerThanTheLimitIsGarbage() {
        let long = HDLCVectors.named("§6 #8 segmented middle frame").bytes
        let (events, d) = Self.events(long + Self.c, decoder: HDLCStreamDecoder(maxFrameLength: 64))
        #expect(events == [Self.frameEvent(Self.c)])
        #expect(d.discardedBytes > 0)
    }

    // MARK: - Termination and memory

    @Test func needsMoreDataWithoutConsumingForever() {
        var d = HDLCStreamDecoder()
        #expect(d.next() == nil)
        d.append([UInt8](repeating: 0x7E, count: 1000))
        #expect(d.next() == nil)
        #expect(d.bufferedByteCount == 1)
        d.append([0xA0])
        #expect(d.next() == nil)
        d.append(Self.a.dropFirst(2))
        #expect(d.next() == Self.frameEvent(Self.a))
        #expect(d.next() == nil)
    }

    @Test func hostileStreamsTerminate() {
        var gen = TestBytes(seed: 99)
        // Bytes biased toward flags and type-3 format bytes.
        var stream: [UInt8] = []
        for _ in 0..<200_000 {
            let r = gen.next()
            stream.append(r < 40 ? 0x7E : r < 80 ? 0xA0 | (r & 0x0F) : gen.next())
        }
        var d = HDLCStreamDecoder()
        var count = 0
        var i = 0
        while i < stream.count {
            let n = 1 + Int(gen.next())
            d.append(stream[i..<min(stream.count, i + n)])
            i += n
            while d.next() != nil { count += 1; if count > stream.count { Issue.record("loops"); return } }
        }
        #expect(d.bufferedByteCount <= 2100)
    }

    @Test func consumedBytesAreReleased() {
        var d = HDLCStreamDecoder()
        var frames = 0
        for _ in 0..<5000 {
            d.append(Self.a)
            while case .frame? = d.next() { frames += 1 }
            #expect(d.bufferedByteCount <= Self.a.count)
        }
        #expect(frames == 5000)
    }
}
