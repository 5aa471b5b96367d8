#if canImport(Glibc)
import Glibc
#endif
import DLMS

/// Decode throughput on this build (issue 9: ≥ 100 MB/s for HDLC + A-XDR): a 1000-row
/// daily-profile buffer as the concentrator sends it — one GET response in 512-byte I-frames —
/// decoded the way the client does: frames found in the byte stream (read in 256-byte
/// pieces), their information fields joined, the APDU and its data decoded.
enum DecodeFigures {
    /// `rows` rows of the daily profile as es951-sim and the device send them: the clock
    /// as a 12-byte octet-string, then A+, A−, R+, R− as double-long-unsigned.
    static func profileBuffer(rows: Int) -> DLMSData {
        .array((0..<rows).map { i in
            let time = COSEMDateTime(date: COSEMDate(year: UInt16(2026), month: UInt8(1 + i / 28 % 12), dayOfMonth: UInt8(1 + i % 28)),
                                     time: COSEMTime(hour: 0, minute: 0, second: 0, hundredths: 0), deviation: -180)
            return .structure([.dateTimeOctetString(time)] + (0..<4).map { .doubleLongUnsigned(UInt32(1_000_000 + i * 37 + $0 * 1013)) })
        })
    }

    static func run(_ report: Report) {
        report.section("Decode throughput (release build, one core)")
        let data = profileBuffer(rows: 1000)
        let encoded = data.encoded
        let apdu = [0xC4, 0x01, 0xC1, 0x00] + encoded
        let segments = HDLCSegmentation.segments(of: apdu, llc: LLC.response, maxInfo: 512)
        var stream: [UInt8] = []
        for (n, info) in segments.enumerated() {
            let frame = HDLCFrame(destination: .client(16), source: .server(upper: 1, lower: nil),
                                  control: .information(sendSequence: UInt8(n % 8), receiveSequence: 0, poll: n == segments.count - 1),
                                  segmented: n < segments.count - 1, information: info)
            stream += frame.encoded()
        }
        // Check once that the pipeline gives back the value, then time it.
        guard case .getResponse(.normal(_, .data(let decoded)))? = try? decodeStream(stream), decoded == data else {
            report.failed("decode throughput", "the decoded profile differs from the encoded one")
            return
        }
        let axdr = throughput(bytes: encoded.count) { _ = try? DLMSData(decoding: encoded) }
        report.figure("A-XDR decode, 1000-row profile (\(encoded.count) B)", axdr, "MB/s", goal: .atLeast(100), places: 1)
        let hdlc = throughput(bytes: stream.count) { _ = framesOnly(stream) }
        report.figure("HDLC frame decode, \(segments.count) frames (\(stream.count) B)", hdlc, "MB/s", goal: .atLeast(100), places: 1)
        let both = throughput(bytes: stream.count) { _ = try? decodeStream(stream) }
        report.figure("HDLC + A-XDR decode, frames to profile rows", both, "MB/s", goal: .atLeast(100), places: 1)
    }

    /// The client's receive path without the session: frames, joined information, APDU.
    static func decodeStream(_ stream: [UInt8]) throws -> APDU? {
        var decoder = HDLCStreamDecoder()
        var information: [UInt8] = []
        information.reserveCapacity(stream.count)
        var index = 0
        while index < stream.count {
            let end = min(stream.count, index + 256)
            decoder.append(stream[index..<end])
            index = end
            while let event = decoder.next() {
                guard case .frame(let frame, _) = event else { return nil }
                information += frame.information
            }
        }
        return try APDU(decoding: Array(information.dropFirst(3)))
    }

    static func framesOnly(_ stream: [UInt8]) -> Int {
        var decoder = HDLCStreamDecoder()
        var count = 0, index = 0
        while index < stream.count {
            let end = min(stream.count, index + 256)
            decoder.append(stream[index..<end])
            index = end
            while let event = decoder.next() { if case .frame = event { count += 1 } }
        }
        return count
    }

    /// MB/s (10^6 bytes) per second of this thread's CPU time (other processes on the
    /// machine do not count against it), over as many runs as fit in about a second,
    /// after a warm-up.
    static func throughput(bytes: Int, _ body: () -> Void) -> Double {
        for _ in 0..<20 { body() }
        let start = threadCPUSeconds()
        var runs = 0
        while threadCPUSeconds() - start < 1 {
            for _ in 0..<10 { body() }
            runs += 10
        }
        return Double(bytes * runs) / (threadCPUSeconds() - start) / 1e6
    }

    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
