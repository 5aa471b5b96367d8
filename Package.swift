// swift-tools-version:6.1
import PackageDescription

// Layers (DESIGN.md): dependencies point one way, toward the pure modules.
// `DLMS` is the pure protocol core: it imports Foundation only — no file descriptors,
// no clock, no sockets. Later targets (DLMSTransport, ES951, Simulator, …) join as they
// become real.
let package = Package(
    name: "hlmcs",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "DLMS", targets: ["DLMS"]),
    ],
    targets: [
        .target(name: "DLMS"),
        .testTarget(name: "DLMSTests", dependencies: ["DLMS"]),
    ]
)
