import DLMSTransport

/// The simulated line's own error (SPEC: under 1 %): 960 bytes at 9600 bit/s, 10 bits a
/// byte, through ``PacedChannel`` should take exactly 1.00 s from the write to the last byte.
enum PacingFigure {
    static func run(_ report: Report) async {
        report.section("Simulated line")
        let (line, far) = MemoryChannel.pair()
        let paced = PacedChannel(line, baud: 9600, turnaround: .zero)
        let bytes = [UInt8](repeating: 0x55, count: 960)
        let start = ContinuousClock.now
        async let writing: Void = paced.write(bytes)
        var received = 0
        do {
            while received < bytes.count {
                received += try await far.read(atMost: 4096, timeout: .seconds(5)).count
            }
            try await writing
        } catch {
            report.failed("pacing error", "\(error)")
            return
        }
        let elapsed = seconds(ContinuousClock.now - start)
        report.figure("pacing error, 960 B at 9600 baud", abs(elapsed - 1.0) * 100, "%", goal: .atMost(1), places: 2)
    }
}
