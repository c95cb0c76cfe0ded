// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// The engine runs 8 or 16 trials per vector (docs/MODEL.md, "Lanes"). On
/// an x86-64 Linux machine, R2Engine and the benchmark are compiled for the
/// building CPU's vector instructions: AVX-512 (the `skylake-avx512`
/// feature set, x86-64-v4: one 512-bit register per 16-lane vector, 32
/// registers) where it has them, else AVX2 with the rest of the `haswell`
/// set (two 256-bit registers per vector). The results are the same bits
/// at every level (no fused multiply-add: Swift does not contract). The
/// binary then needs such a CPU; r2cast checks at start and says so.
/// `R2CAST_AVX2=1` stops at AVX2 (valgrind cannot run AVX-512 code);
/// `R2CAST_PORTABLE=1` builds for any x86-64.
struct LaneBuild {
    let cpu: String
    /// As /proc/cpuinfo names them (abm: lzcnt); Sources/r2cast/LaneCPU.swift
    /// checks the same bits by CPUID when r2cast starts.
    let flags: [String]
    let defines: [String]

    static let avx2 = LaneBuild(
        cpu: "haswell", flags: ["avx", "avx2", "fma", "bmi1", "bmi2", "movbe", "f16c", "popcnt", "abm"],
        defines: ["R2_LANES_AVX2"])
    // `skylake-avx512`, not the CPU's own model: `znver4` was only 1.9% ± 1.1%
    // faster and may emit VBMI/VNNI/BF16 that not every AVX-512 CPU has.
    static let avx512 = LaneBuild(
        cpu: "skylake-avx512",
        flags: avx2.flags + ["avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl"],
        defines: avx2.defines + ["R2_LANES_AVX512"])

    /// The widest level the building CPU has and the environment allows.
    static let chosen: LaneBuild? = {
        #if arch(x86_64) && os(Linux)
        let environment = ProcessInfo.processInfo.environment
        guard environment["R2CAST_PORTABLE"] == nil,
            let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return nil }
        let present = Set(line.split(separator: " ").map(String.init))
        let levels = environment["R2CAST_AVX2"] == nil ? [avx512, avx2] : [avx2]
        return levels.first { $0.flags.allSatisfy(present.contains) }
        #else
        return nil
        #endif
    }()
}
let laneSettings: [SwiftSetting] =
    LaneBuild.chosen.map { [.unsafeFlags(["-target-cpu", $0.cpu])] + $0.defines.map { .define($0) } } ?? []

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
        // CPUID and XGETBV, for r2cast's check of the CPU at start. DWARF 4,
        // as Swift emits, for valgrind 3.19, which cannot read clang's DWARF 5.
        .target(name: "CPUFeatures", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        .target(
            name: "R2Bench",
            dependencies: ["R2Model", "R2Language", "R2Engine", "R2Forecast", "R2Notebook"],
            swiftSettings: laneSettings),
        .target(
            name: "R2REPL",
            dependencies: ["R2Notebook", "R2Language", "R2Forecast", "LineEditor"]),
        // The fuzz targets' logic, replayed by FuzzReplayTests; the libFuzzer
        // executable wrapping it is declared below, only for fuzz builds.
        .target(
            name: "R2FuzzTargets",
            dependencies: ["R2Model", "R2Language", "R2Engine", "R2Forecast", "R2Notebook", "R2REPL"]),
        // r2cast itself is built for any CPU, so that it can check the CPU
        // (Sources/r2cast/LaneCPU.swift) before the engine runs.
        .executableTarget(
            name: "r2cast",
            dependencies: [
                "R2Model", "R2Engine", "R2Forecast", "R2Notebook", "R2REPL", "R2Bench", "CPUFeatures",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
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
        // R2Engine only for `laneInstructions`: which CPU the binary needs.
        .testTarget(name: "EndToEndTests", dependencies: ["R2Engine"], exclude: ["Golden"]),
        .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
        .testTarget(name: "R2BenchTests", dependencies: ["R2Bench", "R2Engine"]),
        .testTarget(name: "R2REPLTests", dependencies: ["R2REPL", "R2Notebook", "R2Language"]),
        // The fuzz corpus (Tests/Corpus/fuzz) is read by path, not bundled.
        .testTarget(name: "FuzzReplayTests", dependencies: ["R2FuzzTargets"]),
    ]
)

// `R2CAST_FUZZ=1 swift build --product r2cast-fuzz -Xswiftc -sanitize=fuzzer,address
// -Xswiftc -parse-as-library` (scripts/fuzz.sh): libFuzzer supplies `main`,
// so the target exists only in such builds.
if ProcessInfo.processInfo.environment["R2CAST_FUZZ"] != nil {
    package.targets += [
        .target(name: "CFuzzDriver", cSettings: [.unsafeFlags(["-gdwarf-4"])]),
        .executableTarget(name: "r2cast-fuzz", dependencies: ["R2FuzzTargets", "CFuzzDriver"]),
    ]
}
