// swift-tools-version:6.1
import PackageDescription
import Foundation

// Layers (DESIGN.md): dependencies point one way, toward the pure modules.
// `DLMS` is the pure protocol core: it imports Foundation only — no file descriptors,
// no clock, no sockets. `Accounts` is pure as well (values and rules: no storage, no
// clock); `AccountStore` is its SQLite storage. Later targets (DLMSTransport, ES951,
// Simulator, …) join as they become real.
let package = Package(
    name: "hlmcs",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "DLMS", targets: ["DLMS"]),
        .library(name: "ES951", targets: ["ES951"]),
        .library(name: "Accounts", targets: ["Accounts"]),
        .library(name: "AccountStore", targets: ["AccountStore"]),
        .library(name: "DLMSTransport", targets: ["DLMSTransport"]),
        .library(name: "Simulator", targets: ["Simulator"]),
        .library(name: "Export", targets: ["Export"]),
        .library(name: "Concentrator", targets: ["Concentrator"]),
        .library(name: "TUICore", targets: ["TUICore"]),
        .library(name: "Operations", targets: ["Operations"]),
        .executable(name: "hlmcs", targets: ["hlmcs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "DLMS"),
        // The one output rule for text from outside (issue 14): terminal, JSON, line and
        // spreadsheet forms of device strings, file contents and user input. No dependencies.
        .target(name: "TextSafety"),
        // Why something did not happen, by kind, with its words: what the use cases'
        // failures become for the commands (exit status) and the terminal UI. Pure.
        .target(name: "Failures"),
        .testTarget(name: "TextSafetyTests", dependencies: ["TextSafety"]),
        .target(name: "Accounts", dependencies: [
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CryptoExtras", package: "swift-crypto"),
        ]),
        .target(name: "AccountStore", dependencies: [
            "Accounts",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The use cases (docs/ARCHITECTURE.md): each written once — authorize, audit, run,
        // a typed result or failure — and called by the commands and the TUI's worker alike.
        .target(name: "Operations", dependencies: [
            "Accounts", "AccountStore", "Concentrator", "DLMS", "ES951", "Export", "TextSafety"]),
        .executableTarget(name: "hlmcs", dependencies: [
            "Accounts", "AccountStore", "DLMS", "DLMSTransport", "ES951", "Export", "Concentrator", "Operations", "Failures",
            "Simulator", "TUICore", "TUINcurses", "TextSafety",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Helper for scripts/kill-writer.sh (SIGKILL a writer, then check the database).
        .executableTarget(name: "hlmcs-stress-writer", dependencies: [
            "Accounts", "AccountStore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], path: "Tools/stress-writer"),
        .testTarget(name: "DLMSTests", dependencies: ["DLMS"]),
        .target(name: "Simulator", dependencies: ["DLMS", "ES951", "DLMSTransport"]),
        .executableTarget(name: "es951-sim", dependencies: [
            "Simulator", "DLMS", "DLMSTransport", "ES951",
            .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "SimulatorTests", dependencies: ["TestWaiting", "Simulator", "DLMS", "ES951", "DLMSTransport"]),
        // The device map and the event catalogue as data (ES951-MAP.md), handed out
        // through `Bundle.module` by the one Swift file in the folder.
        .target(name: "Resources", path: "Resources",
                resources: [.copy("es951-map.json"), .copy("spodus-map.json"), .copy("events.json"), .copy("ui")]),
        // The concentrator as data: pure, apart from asking `Resources` for its bytes.
        .target(name: "ES951", dependencies: ["DLMS", "Resources", "TextSafety"]),
        .testTarget(name: "ES951Tests", dependencies: ["ES951", "Resources", "DLMS"]),
        .testTarget(name: "AccountsTests", dependencies: ["Accounts"]),
        .testTarget(name: "AccountStoreTests", dependencies: ["TestWaiting", 
            "Accounts", "AccountStore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Runs the built `hlmcs` binary as a subprocess; depending on the executable
        // target makes `swift test` build it first.
        .testTarget(name: "HLMCSCommandTests", dependencies: ["TestWaiting", 
            "hlmcs", "es951-sim", "Operations", "Failures", "Accounts", "AccountStore", "Concentrator", "DLMS", "DLMSTransport", "ES951", "Export",
            .product(name: "GRDB", package: "GRDB.swift")]),
        // Channels (TCP, serial/pty, memory, paced, faulty), the frame trace and the async
        // session driver: the I/O of the protocol. Depends on DLMS only.
        .target(name: "DLMSTransport", dependencies: ["DLMS"]),
        // Simulator too: the optical sign-on is tested against es951-sim's pty mode in-process.
        .testTarget(name: "DLMSTransportTests", dependencies: ["TestWaiting", "DLMSTransport", "DLMS", "Simulator"]),
        // es951-sim read by the Gurux client (Tests/Interop/gurux_read.py in a venv that
        // scripts/test-tools.sh makes); the dependency makes `swift test` build the simulator.
        .testTarget(name: "InteropTests", dependencies: ["TestWaiting", "es951-sim"]),
        // The async API the app calls (DESIGN.md), and under Link/ the LINK options →
        // medium (TCP, serial, optical head) and client configuration.
        .target(name: "Concentrator", dependencies: ["DLMS", "DLMSTransport", "ES951", "TextSafety"]),
        .testTarget(name: "ConcentratorTests", dependencies: [
            "Concentrator", "DLMS", "DLMSTransport", "ES951", "Simulator"]),
        // CSV of SPEC.md F-42 (profiles, events, meter lists): bytes and atomic files.
        .target(name: "Export", dependencies: ["DLMS", "ES951", "TextSafety"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "DLMS", "ES951"]),
        // ncursesw for Swift (TOOLCHAIN.md): a C target whose header wraps what Swift cannot
        // import; only TUINcurses imports it.
        .target(name: "CNcursesw", linkerSettings: [.linkedLibrary("ncursesw")]),
        // The only code that calls ncurses: locale, newterm, keys, diff drawing, restore.
        .target(name: "TUINcurses", dependencies: ["CNcursesw", "TUICore"]),
        // A tiny program to drive the terminal layer by hand or from tmux (frame, Cyrillic,
        // CJK, the last key, resize, restore on exit and signals).
        .executableTarget(name: "tui-probe", dependencies: ["TUINcurses", "TUICore"]),
        // Runs tmux commands for end-to-end tests of a real terminal (TmuxSession), with a
        // deadline on each: posix_spawn and waitpid, never Foundation's Process.
        .target(name: "TmuxHarness", path: "Tests/TmuxHarness"),
        // Waiting for child processes, pipes and files without holding a thread of the
        // cooperative pool (so the tests can run in parallel), for the test targets.
        .target(name: "TestWaiting", path: "Tests/TestWaiting"),
        // `hlmcs --demo` driven in tmux as a new user would (depends on hlmcs: built first).
        .testTarget(name: "HLMCSTerminalTests", dependencies: ["TmuxHarness", "hlmcs"]),
        .testTarget(name: "TmuxHarnessTests", dependencies: ["TmuxHarness"]),
        // Depends on tui-probe so that `swift test` builds it for the tmux end-to-end tests.
        .testTarget(name: "TUINcursesTests", dependencies: [
            "TUINcurses", "TUICore", "CNcursesw", "TmuxHarness", "tui-probe"]),
        // Terminal UI core (DESIGN.md): cells, widths, widgets rendered into a buffer. Pure.
        .target(name: "TUICore", dependencies: ["ES951", "DLMS", "Accounts", "Resources", "TextSafety", "Failures"]),
        // Every speed and size figure (issue 9): link efficiency against es951-sim, the
        // Gurux client on the same line, the TUI, decode throughput. Runs hlmcs and
        // es951-sim built beside it: `swift run -c release hlmcs-bench` or scripts/bench.
        .executableTarget(name: "hlmcs-bench", dependencies: ["TUICore", "Accounts", "DLMS", "DLMSTransport"]),
        .testTarget(name: "TUICoreTests", dependencies: ["TUICore", "ES951", "Accounts", "DLMS", "Failures"],
                    exclude: ["Snapshots"]),
    ]
)

// Fuzz targets (libFuzzer) exist only when asked for, since they have no `main` of their
// own: `HLMCS_FUZZ=1 swift build -c release --sanitize=fuzzer --product fuzz-hdlc`
// (Fuzz/build.sh does this, for Fuzz/run.sh and scripts/fuzz-smoke.sh).
if ProcessInfo.processInfo.environment["HLMCS_FUZZ"] != nil {
    for name in ["fuzz-hdlc", "fuzz-apdu", "fuzz-axdr", "fuzz-session"] {
        package.targets.append(.executableTarget(
            name: name, dependencies: ["DLMS"], path: "Fuzz/\(name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
    }
    // The models (ES951) on arbitrary A-XDR: a hostile concentrator's values.
    package.targets.append(.executableTarget(
        name: "fuzz-models", dependencies: ["DLMS", "ES951"], path: "Fuzz/fuzz-models",
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
}
