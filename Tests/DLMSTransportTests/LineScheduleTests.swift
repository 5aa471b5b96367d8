import Testing
@testable import DLMSTransport

/// The pacing schedule, checked exactly (no clock): SPEC.md "es951-sim details".
@Suite struct LineScheduleTests {
    /// Byte k of a burst at 9600 bit/s: k × 10/9600 s = k × 1/960 s, exactly.
    static func at9600(_ k: Int) -> Duration { .seconds(k) / 960 }

    @Test func everyByteOfABurstHasItsExactDeadline() {
        var line = LineSchedule(baud: 9600, turnaround: .milliseconds(20))
        let d = line.schedule(960, at: .zero)
        #expect(d.count == 960)
        for k in 1...960 { #expect(d[k - 1] == Self.at9600(k), "byte \(k)") }
        #expect(d.last == .seconds(1), "960 bytes at 9600 take exactly 1 s")
        #expect(line.lineFreeAt == .seconds(1))
    }

    @Test func byteTimeIsTenBits() {
        #expect(LineSchedule(baud: 300, turnaround: .zero).byteTime == .milliseconds(100) / 3)
        #expect(LineSchedule(baud: 115200, turnaround: .zero).byteTime == .seconds(10) / 115200)
    }

    @Test func framesOfAWindowGoBackToBack() {
        var line = LineSchedule(baud: 9600, turnaround: .milliseconds(20))
        let base = Duration.milliseconds(5)
        let a = line.schedule(10, at: base)
        // The next frame is written while the first is still on the line…
        let b = line.schedule(10, at: base + .milliseconds(3))
        // …and one a little after the line went idle (less than a byte time): still the burst.
        let c = line.schedule(5, at: line.lineFreeAt! + Self.at9600(1) / 2)
        let all = a + b + c
        for k in 1...25 { #expect(all[k - 1] == base + Self.at9600(k), "byte \(k)") }
    }

    @Test func anIdleLineStartsANewBurstAtTheWrite() {
        var line = LineSchedule(baud: 9600, turnaround: .milliseconds(20))
        _ = line.schedule(4, at: .zero)
        let later = Duration.milliseconds(50)
        #expect(line.schedule(2, at: later) == [later + Self.at9600(1), later + Self.at9600(2)])
    }

    @Test func turnaroundOncePerChangeOfDirection() {
        var line = LineSchedule(baud: 9600, turnaround: .milliseconds(20))
        line.received(at: .milliseconds(100))
        line.received(at: .milliseconds(104))        // the request's last byte
        let reply = line.schedule(3, at: .milliseconds(105))
        let start = Duration.milliseconds(124)       // 104 + 20
        #expect(reply == [start + Self.at9600(1), start + Self.at9600(2), start + Self.at9600(3)])
        // More frames of the same reply: no second turnaround.
        let more = line.schedule(2, at: .milliseconds(125))
        #expect(more == [start + Self.at9600(4), start + Self.at9600(5)])
        // The next request, then the next reply: one turnaround again.
        line.received(at: .milliseconds(300))
        #expect(line.schedule(1, at: .milliseconds(301)) == [.milliseconds(320) + Self.at9600(1)])
    }

    @Test func aLateWriteAfterAReadDoesNotWaitAgain() {
        var line = LineSchedule(baud: 1200, turnaround: .milliseconds(20))
        line.received(at: .milliseconds(10))
        // Written 40 ms after the request: the turnaround has passed; the line starts now.
        #expect(line.schedule(1, at: .milliseconds(50)) == [.milliseconds(50) + .seconds(10) / 1200])
    }

    @Test func noTurnaroundBeforeAnythingWasRead() {
        var line = LineSchedule(baud: 9600, turnaround: .seconds(1))
        #expect(line.schedule(1, at: .milliseconds(7)) == [.milliseconds(7) + Self.at9600(1)])
    }
}

@Suite struct LineScheduleIncomingTests {
    static func at9600(_ k: Int) -> Duration { .seconds(10) * k / 9600 }

    @Test func incomingBytesTakeTheirLineTime() {
        var line = LineSchedule(baud: 9600, turnaround: .milliseconds(20))
        // A 25-byte request that reached us all at once at 100 ms ends 25 byte times later.
        #expect(line.arrival(of: 25, at: .milliseconds(100)) == .milliseconds(100) + Self.at9600(25))
        // A piece that came while those are still arriving follows them back to back.
        #expect(line.arrival(of: 5, at: .milliseconds(101)) == .milliseconds(100) + Self.at9600(30))
        // After a silence, a new burst starts when its bytes reach us.
        #expect(line.arrival(of: 1, at: .milliseconds(500)) == .milliseconds(500) + Self.at9600(1))
    }

    @Test func turnaroundCountsFromTheLastIncomingByteOnTheLine() {
        var line = LineSchedule(baud: 9600, turnaround: .milliseconds(20))
        let due = line.arrival(of: 96, at: .zero)            // 100 ms of line time
        #expect(due == .milliseconds(100))
        line.received(at: due)
        #expect(line.schedule(1, at: .milliseconds(1)) == [.milliseconds(120) + Self.at9600(1)])
    }
}
