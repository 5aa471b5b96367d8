import DLMSTransport

// Measures the real pacing error of PacedChannel (SPEC.md: under 1%): 960 bytes at
// 9600 bit/s, 10 bits a byte, should take exactly 1.00 s from the write to the last byte.
let (line, far) = MemoryChannel.pair()
let paced = PacedChannel(line, baud: 9600, turnaround: .zero)
let bytes = [UInt8](repeating: 0x55, count: 960)
let clock = ContinuousClock()
let start = clock.now
async let writing: Void = paced.write(bytes)
var received = 0
while received < bytes.count {
    received += try await far.read(atMost: 4096, timeout: .seconds(5)).count
}
let elapsed = clock.now - start
try await writing
let (s, atto) = elapsed.components
let seconds = Double(s) + Double(atto) * 1e-18
let error = (seconds - 1.0) / 1.0 * 100
func fixed(_ x: Double, _ places: Int) -> String {
    var p = 1.0
    for _ in 0..<places { p *= 10 }
    let r = (abs(x) * p).rounded()
    let whole = Int(r / p), frac = Int(r.truncatingRemainder(dividingBy: p))
    let fracText = String(frac)
    return (x < 0 && r > 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: places - fracText.count) + fracText
}
print("pacing 960B@9600: \(fixed(seconds, 3)) s (error \(fixed(error, 2))%)")

// A whole daily-profile read through es951-sim's pacing (SPEC.md: 9600 bit/s, 10 bits a
// byte, 20 ms turnaround once per change of direction): the in-process simulator over a
// PacedChannel on a MemoryChannel pair, the client a DLMSConnection. The wire bound is
// what the line itself needs: all bytes both ways × 10 / 9600 + round trips × 20 ms.
let profileBench = try await ProfileBench.run(baud: 9600, turnaround: .milliseconds(20))
print("daily profile @9600+20ms: \(profileBench.bytes) B, \(profileBench.roundTrips) round trips, \(fixed(profileBench.elapsed, 3)) s vs wire bound \(fixed(profileBench.bound, 3)) s (ratio \(fixed(profileBench.elapsed / profileBench.bound, 3)))")
