import Foundation

/// Where the benchmark finds the programs it measures and the files it needs.
struct Tools {
    /// The folder of the built executables (hlmcs, es951-sim): the benchmark's own.
    var binaries: String
    /// The package's root (for the Gurux reader script and its venv).
    var root: String
    /// A scratch folder, removed at the end.
    var scratch: String

    var hlmcs: String { binaries + "/hlmcs" }
    var simulator: String { binaries + "/es951-sim" }
    var guruxScript: String { root + "/Tests/Interop/gurux_read.py" }
    var guruxPython: String { root + "/.build/peer-venv/bin/python" }

    /// The administrator of the scratch database, made once with `hlmcs users init`.
    static let user = "Администратор"
    static let password = "bench-pass-1"

    var environment: [String: String] {
        ["HLMCS_DB": scratch + "/hlmcs.sqlite", "HLMCS_USER": Self.user, "HLMCS_PASSWORD": Self.password,
         "LANG": "C.UTF-8"]
    }

    /// Makes the scratch database and its administrator.
    func prepareDatabase() throws {
        let (status, _, child) = try Child.run([hlmcs, "users", "init"], environment: ["HLMCS_DB": scratch + "/hlmcs.sqlite"],
                                               stdin: Self.password + "\n", in: scratch)
        guard status == 0 else { throw BenchFailure("hlmcs users init: exit \(status): \(child.stderr)") }
    }
}

/// es951-sim on a free TCP port of the loopback.
struct SimulatorProcess {
    let child: Child
    let address: String

    static func start(_ tools: Tools, _ options: [String]) throws -> SimulatorProcess {
        let child = try Child.start([tools.simulator, "--tcp", "127.0.0.1:0"] + options, in: tools.scratch)
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let line = child.stdout.split(separator: "\n").first(where: { $0.hasPrefix("LISTEN tcp ") }) {
                return SimulatorProcess(child: child, address: String(line.dropFirst("LISTEN tcp ".count)))
            }
            usleep(10_000)
        }
        child.stop()
        throw BenchFailure("es951-sim did not listen within 20 s: \(child.stderr)")
    }

    func stop() { child.stop() }
}
