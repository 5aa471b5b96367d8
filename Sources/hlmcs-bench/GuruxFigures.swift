import Foundation

/// The 200-meter list read by hlmcs and by the Gurux client (gurux-dlms 1.0.203 through
/// the project's `Tests/Interop/gurux_read.py`, at the library's defaults) on the same
/// simulated 9600-baud line, each timed as a whole process.
enum GuruxFigures {
    static func run(_ tools: Tools, _ report: Report, repeats: Int) {
        report.section("hlmcs vs the Gurux client: 200-meter list, whole processes, same line")
        guard FileManager.default.isExecutableFile(atPath: tools.guruxPython) else {
            report.failed("hlmcs / Gurux time", "no Gurux venv at \(tools.guruxPython): run scripts/test-tools.sh (scripts/bench does)")
            return
        }
        let simulator: SimulatorProcess
        do {
            simulator = try SimulatorProcess.start(tools, ["--baud", "9600", "--turnaround", "20", "--meters", "200"])
        } catch {
            report.failed("hlmcs / Gurux time", "\(error)")
            return
        }
        defer { simulator.stop() }
        var ours: [Double] = [], theirs: [Double] = []
        do {
            for _ in 0..<repeats {
                let (status, time, child) = try Child.run([tools.hlmcs, "get"] + LinkFigures.meterList + ["--tcp", simulator.address],
                                                          environment: tools.environment, in: tools.scratch)
                guard status == 0 else { throw BenchFailure("hlmcs get: exit \(status): \(child.stderr)") }
                ours.append(time)
                let reads = LinkFigures.meterList.flatMap { ["--read", $0] }
                let (gStatus, gTime, gChild) = try Child.run([tools.guruxPython, tools.guruxScript, "--tcp", simulator.address] + reads,
                                                             in: tools.scratch)
                guard gStatus == 0, gChild.stdout.contains("\"op\": \"done\"") else {
                    throw BenchFailure("gurux_read.py: exit \(gStatus): \(gChild.stdout.suffix(300)) \(gChild.stderr.suffix(300))")
                }
                theirs.append(gTime)
            }
        } catch {
            report.failed("hlmcs / Gurux time", "\(error)")
            return
        }
        let our = percentile(ours, 0.5), their = percentile(theirs, 0.5)
        report.figure("200-meter list: hlmcs process, median of \(repeats)", our, "s")
        report.figure("200-meter list: Gurux client process, median of \(repeats)", their, "s")
        report.figure("200-meter list: hlmcs time / Gurux time", our / their, "", goal: .atMost(0.85))
    }
}
