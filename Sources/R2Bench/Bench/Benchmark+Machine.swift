import Foundation
import R2Engine

extension Benchmark {
    /// The processor, its cores, whether this is an optimized build and the
    /// engine's trials per group and vector instructions.
    static var machine: BenchReport.Machine {
        var processor = "unknown"
        if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let colon = line.firstIndex(of: ":")
        {
            processor = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        #if DEBUG
        let optimized = false
        #else
        let optimized = true
        #endif
        return BenchReport.Machine(
            cores: SimulationOptions.defaultThreads, processor: processor, optimized: optimized,
            lanes: LaneMath.width, instructions: laneInstructions ?? "SSE2",
            loadBefore: nil,
            loadAfter: nil)
    }
}
