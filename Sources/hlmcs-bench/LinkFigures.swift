import Foundation

/// Link efficiency (issue 9): hlmcs against `es951-sim --baud 9600 --turnaround 20`,
/// each read timed from the first to the last line of hlmcs's own `--trace` and divided
/// by the wire bound counted from the same trace.
enum LinkFigures {
    static let baud = 9600
    static let turnaround = 0.020
    static let meterList = ["7/0.0.94.7.128.255/3", "7/0.0.94.7.128.255/2"]

    static func run(_ tools: Tools, _ report: Report) {
        report.section("Link efficiency: es951-sim --baud \(baud) --turnaround 20 (200 meters), hlmcs --trace")
        let simulator: SimulatorProcess
        do {
            simulator = try SimulatorProcess.start(tools, ["--baud", "\(baud)", "--turnaround", "20", "--meters", "200"])
        } catch {
            report.failed("link efficiency", "\(error)")
            return
        }
        defer { simulator.stop() }
        let link = ["--tcp", simulator.address]
        measure("daily profile, point 1", ["profile", "daily", "--point", "1"] + link, tools, report)
        measure("200-meter list (0.0.94.7.128.255 attr 3, 2)", ["get"] + meterList + link, tools, report)
        if let trace = measure("information screen", ["info"] + link, tools, report) {
            if let trips = trace.roundTripsInsideAssociation {
                report.figure("information screen: round trips after association", Double(trips), "", goal: .atMost(1), places: 0)
            } else {
                report.failed("information screen: round trips after association", "no AARE/RLRQ in the trace")
            }
        }
    }

    /// Runs one hlmcs command with `--trace`; prints the ratio and the figures behind it.
    @discardableResult
    static func measure(_ name: String, _ arguments: [String], _ tools: Tools, _ report: Report) -> TraceFigures? {
        let tracePath = tools.scratch + "/trace-\(UInt32.random(in: 0...UInt32.max)).txt"
        do {
            let (status, _, child) = try Child.run([tools.hlmcs] + arguments + ["--trace", tracePath],
                                                   environment: tools.environment, in: tools.scratch)
            guard status == 0 else { throw BenchFailure("hlmcs \(arguments.first ?? ""): exit \(status): \(child.stderr)") }
            let trace = TraceFigures(text: try String(contentsOfFile: tracePath, encoding: .utf8))
            let bound = trace.wireBound(baud: baud, turnaround: turnaround)
            report.figure("\(name): trace time / wire bound", trace.elapsed / bound, "", goal: .atMost(1.10))
            report.note("\(String(format: "%.3f", trace.elapsed)) s first→last trace line; bound \(String(format: "%.3f", bound)) s = \(trace.bytes) B × 10 / \(baud) + \(trace.roundTrips) round trips × 20 ms; \(trace.frames) frames")
            return trace
        } catch {
            report.failed(name, "\(error)")
            return nil
        }
    }
}
