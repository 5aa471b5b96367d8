import Foundation
import Testing
@testable import DLMSTransport

@Suite struct FrameTraceTests {
    @Test func lineFormatIsExact() {
        // SNRM from client 16 to 1/1001 (4-byte form) — the frame is just bytes here.
        let frame: [UInt8] = [0x7E, 0xA0, 0x0A, 0x00, 0x02, 0x0F, 0xD3, 0x21, 0x93, 0x5E, 0x1B, 0x7E]
        #expect(FrameTrace.line(at: .microseconds(12_345), .sent, frame, masking: nil)
                == "0.012345 > 7e a0 0a 00 02 0f d3 21 93 5e 1b 7e")
        #expect(FrameTrace.line(at: .seconds(83) + .nanoseconds(1_999), .received, [0x06, 0x0D], masking: nil)
                == "83.000001 < 06 0d")
        #expect(FrameTrace.line(at: .zero, .sent, [], masking: nil) == "0.000000 >")
    }

    @Test func secretBytesBecome2aAndCountsStay() {
        let password = Array("admin@emis".utf8)
        // …ac 0c 80 0a "admin@emis" be … as in an AARQ's calling-authentication-value.
        let frame: [UInt8] = [0x7E, 0xAC, 0x0C, 0x80, 0x0A] + password + [0xBE, 0x10, 0x7E]
        let line = FrameTrace.line(at: .zero, .sent, frame, masking: password)
        #expect(line == "0.000000 > 7e ac 0c 80 0a 2a 2a 2a 2a 2a 2a 2a 2a 2a 2a be 10 7e")
        #expect(FrameTrace.masked([1, 2, 1, 2, 3], [1, 2]) == [0x2A, 0x2A, 0x2A, 0x2A, 3])
        #expect(FrameTrace.masked([1, 2, 3], [9]) == [1, 2, 3])
        #expect(FrameTrace.masked([1, 2, 3], []) == [1, 2, 3])
        #expect(FrameTrace.masked([1], [1, 2]) == [1])
    }

    @Test func fileHasOneLinePerRecord() throws {
        let path = NSTemporaryDirectory() + "hlmcs-trace-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let trace = try FrameTrace(path: path)
        trace.record(.sent, [0x7E, 0x41, 0x42, 0x7E], masking: [0x41, 0x42])
        trace.record(.received, [0x7E, 0x01, 0x7E], masking: nil)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let pattern = /^\d+\.\d{6} [<>]( [0-9a-f]{2})*$/
        #expect(lines.allSatisfy { $0.wholeMatch(of: pattern) != nil })
        #expect(lines[0].hasSuffix(" > 7e 2a 2a 7e"))
        #expect(lines[1].hasSuffix(" < 7e 01 7e"))
    }

    @Test func unwritablePathIsATypedError() {
        #expect(throws: TransportError.notFound("/nonexistent-dir/trace.txt")) {
            _ = try FrameTrace(path: "/nonexistent-dir/trace.txt")
        }
    }
}
