// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// The engine runs 8 trials per vector (docs/MODEL.md, "Lanes"). On an
/// x86-64 Linux machine whose CPU has AVX2 and the rest of the `haswell`
/// feature set, R2Engine and the benchmark are compiled for it: one 256-bit
/// register per vector instead of two 128-bit ones, 1.3 to 2x faster. The
/// results are the same bits either way (no fused multiply-add: Swift does
/// not contract). The binary then needs such a CPU; r2cast checks at start
/// and says so. `R2CAST_PORTABLE=1 swift build` builds for any x86-64.
let laneCPU: [String] = {
    #if arch(x86_64) && os(Linux)
    // As /proc/cpuinfo names them (abm: lzcnt); Sources/r2cast/LaneCPU.swift checks the same.
    let needed = ["avx2", "fma", "bmi1", "bmi2", "movbe", "f16c", "abm"]
    guard ProcessInfo.processInfo.environment["R2CAST_PORTABLE"] == nil,
        let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    let flags = Set(line.split(separator: " ").map(String.init))
    return needed.allSatisfy(flags.contains) ? needed : []
    #else
    return []
    #endif
}()
let laneSettings: [SwiftSetting] =
    laneCPU.isEmpty ? [] : [.unsafeFlags(["-target-cpu", "haswell"]), .define("R2_LANES_HASWELL")]

// Layers, one direction:
//   R2Model (shared value types)
//     <- R2Language (source -> Scenario; no engine)
//     <- R2Engine (Scenario -> flat arrays -> Monte Carlo; no language)
//   R2Forecast (statistics, text/JSON/plots) <- R2Engine
//   R2Notebook (session, queries, expectations, test runner) <- all above
//   LineEditor (libedit wrapper) <- CLibEdit; only the REPL imports it
//   r2cast (thin executable: argument parsing and wiring)
let package = Package(
    name: "r2cast",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "r2cast", targets: ["r2cast"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        .target(name: "R2Model"),
        .target(name: "R2Language", dependencies: ["R2Model"]),
        .target(name: "R2Engine", dependencies: ["R2Model"], swiftSettings: laneSettings),
        .target(name: "R2Forecast", dependencies: ["R2Model", "R2Engine"]),
        .target(
            name: "R2Notebook",
            dependencies: ["R2Model", "R2Language", "R2Engine", "R2Forecast"]),
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]),
        .target(name: "LineEditor", dependencies: ["CLibEdit"]),
        .target(
            name: "R2Bench",
            dependencies: ["R2Model", "R2Language", "R2Engine", "R2Forecast", "R2Notebook"],
            swiftSettings: laneSettings),
        .target(
            name: "R2REPL",
            dependencies: ["R2Notebook", "R2Language", "R2Forecast", "LineEditor"]),
        .executableTarget(
            name: "r2cast",
            dependencies: [
                "R2Model", "R2Language", "R2Engine", "R2Forecast", "R2Notebook", "R2REPL", "R2Bench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Only the flag: r2cast itself runs on any CPU, to check it.
            swiftSettings: laneCPU.isEmpty ? [] : [.define("R2_LANES_HASWELL")]),
        .testTarget(
            name: "R2LanguageTests",
            dependencies: ["R2Language", "R2Model"]),
        .testTarget(
            name: "R2EngineTests",
            dependencies: [
                "R2Engine", "R2Model",
                .product(name: "Numerics", package: "swift-numerics"),
            ]),
        .testTarget(
            name: "R2ForecastTests",
            dependencies: ["R2Forecast", "R2Engine", "R2Model"]),
        // Golden files are read by path (#filePath), not bundled.
        .testTarget(
            name: "R2NotebookTests",
            dependencies: ["R2Notebook", "R2Language", "R2Engine", "R2Forecast", "R2Model"],
            exclude: ["Golden"]),
        .testTarget(name: "EndToEndTests", exclude: ["Golden"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(name: "R2BenchTests", dependencies: ["R2Bench", "R2Engine"]),
        .testTarget(name: "R2REPLTests", dependencies: ["R2REPL", "R2Notebook", "R2Language"]),
    ]
)
