import Foundation
import R2Engine
import R2Language
import R2Model
import Testing

/// Model v2 keeps every v1 scenario's bits (spec/model-v2.md,
/// "Compatibility"): each scenario of the library files that use none of
/// v2's mechanisms (each library scenario without its `as of`, as the
/// library stood at commit 20f8617: Golden/v1-library), run at a fixed trial
/// count and seed, must give the digest recorded with the v1 engine
/// (commit 20f8617) before any v2 change.
@Suite struct V1CompatibilityTests {
    /// Scenario name to digest, recorded with the v1 engine.
    static let recorded: [String: String] = [
        "ascend_breakthrough": "a92deb14aa5af094",
        "asof_2025_08": "91ae47d8f528ca49",
        "asof_2025_09": "64ba70479430c4d4",
        "asof_2025_11": "143f9639c390aa7",
        "asof_2026_01": "7b67a428efbca7b0",
        "baseline": "55acb62a5260014",
        "nvidia_restored": "63a6fa0e63e55a89",
        "reban_max_pressure": "aed7d9af631caed",
    ]

    static let files = [
        "baseline.r2s", "nvidia-restored.r2s", "reban-max-pressure.r2s", "ascend-breakthrough.r2s",
        "asof-2025-08-h20-licences.r2s", "asof-2025-09-beijing-guidance.r2s",
        "asof-2025-11-state-datacentres.r2s", "asof-2026-01-h200.r2s",
    ]

    static let recording = ProcessInfo.processInfo.environment["R2CAST_PRINT_DIGESTS"] == "1"

    static func scenarios() throws -> [Scenario] {
        // The library as it stood at 20f8617, frozen beside this test: the
        // library itself has moved on to model v2.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden/v1-library")
        var all: [String: Scenario] = [:]
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            // Included files are inlined by hand: only the baseline is included.
            var workspace = Workspace()
            let base = try String(contentsOf: root.appendingPathComponent("baseline.r2s"), encoding: .utf8)
            let body = text.replacingOccurrences(
                of: "include \"baseline.r2s\"", with: file == "baseline.r2s" ? "" : base)
            _ = workspace.evaluate(body, name: file)
            for s in workspace.scenarios { all[s.name] = s }
        }
        return all.keys.sorted().map { all[$0]! }
    }

    /// FNV-1a over every release's bits, the adoption histogram and sums, and the totals.
    static func digest(_ r: SimulationResult) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ x: UInt64) {
            for k in 0..<8 {
                h ^= (x >> (8 * UInt64(k))) & 0xff
                h = h &* 0x100_0000_01b3
            }
        }
        for x in r.releases { mix(x.bitPattern) }
        for c in r.adoptionCounts { mix(UInt64(c)) }
        for s in r.adoptionSum + r.adoptionSumOfSquares {
            mix(s.high)
            mix(s.low)
        }
        let t = r.totals
        for x in [t.holds, t.switches, t.failures, t.restarts, t.mandated, t.completed] + t.eventFires {
            mix(UInt64(x))
        }
        return String(h, radix: 16)
    }

    @Test func libraryScenariosKeepTheirBits() throws {
        var seen: [String: String] = [:]
        for scenario in try Self.scenarios() {
            // Without its date of knowledge, which v2 conditions on.
            var scenario = scenario
            scenario.knownAsOf = nil
            let compiled = try Engine.compile(scenario)
            let result = try Engine.run(compiled, options: SimulationOptions(trials: 3000, seed: 5, threads: 2))
            seen[scenario.name] = Self.digest(result)
        }
        if Self.recording {
            for (k, v) in seen.sorted(by: { $0.key < $1.key }) { print("        \"\(k)\": \"\(v)\",") }
        }
        #expect(seen == Self.recorded)
    }
}
