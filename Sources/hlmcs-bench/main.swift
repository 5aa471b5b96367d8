// hlmcs-bench: every speed and size figure of issue 9, one line each with its goal.
//
//   swift run -c release hlmcs-bench [--only link,gurux,tui,decode,pacing] [--repeats N]
//   scripts/bench    (installs the Gurux venv first, then runs this)
//
// Sections: link efficiency against `es951-sim --baud 9600 --turnaround 20` (hlmcs's own
// trace vs the wire bound counted from it), the same meter list read by the Gurux client
// (whole processes), the terminal UI (start, key to redraw, first page of 1000 meters,
// memory), decode throughput, and the simulated line's pacing error. It runs the hlmcs
// and es951-sim built beside it; exit 1 when a goal is missed or a figure not taken.
#if canImport(Glibc)
import Glibc
#endif
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
if arguments.contains("--help") || arguments.contains("-h") {
    print("usage: hlmcs-bench [--only link,gurux,tui,decode,pacing] [--repeats N]")
    exit(0)
}
let sections = Set((option("--only") ?? "link,gurux,tui,decode,pacing").split(separator: ",").map(String.init))
let repeats = max(1, Int(option("--repeats") ?? "1") ?? 1)

let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hlmcs-bench-\(getpid())").path
try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: scratch) }
let tools = Tools(binaries: executable.deletingLastPathComponent().path, root: root, scratch: scratch)
for program in [tools.hlmcs, tools.simulator] where !FileManager.default.isExecutableFile(atPath: program) {
    print("hlmcs-bench: no \(program): build with swift build -c release")
    exit(2)
}
print("hlmcs-bench: \(tools.binaries)")
let report = Report()
if sections.contains("link") || sections.contains("gurux") {
    do { try tools.prepareDatabase() } catch { print("hlmcs-bench: \(error)"); exit(2) }
}
if sections.contains("link") { LinkFigures.run(tools, report) }
if sections.contains("gurux") { GuruxFigures.run(tools, report, repeats: repeats) }
if sections.contains("tui") { TUIFigures.run(tools, report) }
if sections.contains("decode") { DecodeFigures.run(report) }
if sections.contains("pacing") { await PacingFigure.run(report) }

print("")
if report.missed.isEmpty && report.failures.isEmpty {
    print("hlmcs-bench: every goal met")
} else {
    if !report.missed.isEmpty { print("hlmcs-bench: goals missed: " + report.missed.joined(separator: "; ")) }
    if !report.failures.isEmpty { print("hlmcs-bench: not measured: " + report.failures.joined(separator: "; ")) }
    exit(1)
}
