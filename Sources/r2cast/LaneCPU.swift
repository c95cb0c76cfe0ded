import Foundation

/// The check that a build whose engine was compiled for the `haswell`
/// feature set (Package.swift: the building machine had it) runs on a CPU
/// that has it, before any engine code runs: otherwise the first vector
/// instruction would kill the process with SIGILL.
enum LaneCPU {
    /// The CPU flags the engine's code needs, as /proc/cpuinfo names them.
    static let needed = ["avx2", "fma", "bmi1", "bmi2", "movbe", "f16c", "abm"]

    /// The flags of `needed` this CPU lacks (none when it cannot tell).
    static func missing() -> [String] {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return [] }
        let flags = Set(line.split(separator: " ").map(String.init))
        return needed.filter { !flags.contains($0) }
    }

    /// Exits with a clear message when the CPU lacks what the build needs.
    static func require() {
        #if R2_LANES_HASWELL
        let lacking = missing()
        guard !lacking.isEmpty else { return }
        FileHandle.standardError.write(
            Data(
                ("r2cast: this build runs its engine with AVX2 (it was built on a CPU that has it), "
                    + "and this CPU lacks \(lacking.joined(separator: ", ")).\n"
                    + "help: rebuild here with `swift build -c release`, "
                    + "or with `R2CAST_PORTABLE=1 swift build -c release` for any x86-64 CPU\n").utf8))
        exit(70)
        #endif
    }
}
