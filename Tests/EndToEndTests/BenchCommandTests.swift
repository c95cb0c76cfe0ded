import Foundation
import Testing

/// `r2cast bench` runs and reports every figure docs/PERFORMANCE.md quotes
/// (the figures themselves are the benchmark's business, not a test's).
@Suite struct BenchCommandTests {
    @Test func reportsRunsMemoryAndTargetsAsJSON() throws {
        let r = try Binary.run(["bench", "--trials", "500", "--no-hand-loop", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let machine = try #require(json["machine"] as? [String: Any])
        let cores = try #require(machine["cores"] as? Int)
        // The engine's vector instructions and its trials per group go together.
        let lanes = ["AVX-512": 16, "AVX2": 16, "SSE2": 8]
        let instructions = try #require(machine["engine_instructions"] as? String)
        #expect(lanes[instructions] != nil && machine["engine_lanes"] as? Int == lanes[instructions])
        // Both scenarios, on one thread and on every core, at the one trial count.
        let runs = try #require(json["runs"] as? [[String: Any]])
        let keys = Set(runs.map { "\($0["scenario"] ?? "")/\($0["threads"] ?? "")/\($0["trials"] ?? "")" })
        let threads = Set([1, cores])
        #expect(keys == Set(["baseline", "synthetic"].flatMap { s in threads.map { "\(s)/\($0)/500" } }))
        for run in runs {
            #expect((run["trials_per_second"] as? Double ?? 0) > 0)
            #expect((run["ns_per_trial_month"] as? Double ?? 0) > 0)
        }
        // The baseline with longer clocks, at the one trial count, and what
        // each added month costs.
        let growth = try #require(json["month_growth"] as? [[String: Any]])
        #expect(growth.map { $0["months"] as? Int } == [36, 72, 144, 288])
        #expect(growth.allSatisfy { $0["trials"] as? Int == 500 && $0["threads"] as? Int == 1 })
        let steps = try #require(json["month_steps"] as? [[String: Any]])
        #expect(steps.map { $0["to_months"] as? Int } == [72, 144, 288])
        #expect(steps.allSatisfy { $0["added_ns_per_trial_month"] is Double })
        let preparation = try #require(json["preparation"] as? [[String: Any]])
        #expect(preparation.count == 2)
        #expect(json["repl_query"] is [String: Any])
        #expect((json["version_seconds"] as? Double ?? 0) > 0)
        // The whole `r2cast run` of the baseline at the trial count, and
        // what its sector adds to the engine's time (the baseline is model v2).
        #expect((json["whole_run_seconds"] as? Double ?? 0) > 0)
        let sector = try #require(json["sector_cost"] as? [String: Any])
        #expect(sector["trials"] as? Int == 500)
        #expect((sector["with_seconds"] as? Double ?? 0) > 0 && (sector["without_seconds"] as? Double ?? 0) > 0)
        // The six targets, the 1M one unmeasured at this trial count.
        let targets = try #require(json["targets"] as? [[String: Any]])
        #expect(targets.count == 6)
        #expect(targets[0]["measured"] is NSNull)
        // Measured at any trial count: the query, the whole run, the sector, --version.
        #expect([1, 3, 4, 5].allSatisfy { targets[$0]["met"] is Bool })
    }

    /// One loop alone, for a profiler: the engine on the threads asked for;
    /// the hand-written loops take no thread count.
    @Test func runsOneLoopOnTheThreadsAsked() throws {
        let r = try Binary.run(["bench", "--loop", "engine", "--trials", "4000", "--threads", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("engine: 4000 trials of the baseline on 2 threads in "), "\(r.stdout)")
        let one = try Binary.run(["bench", "--loop", "engine", "--trials", "4000"])
        #expect(one.stdout.hasPrefix("engine: 4000 trials of the baseline on 1 thread in "), "\(one.stdout)")
        // Same trials, same forecast, whatever the thread count.
        #expect(r.stdout.split(separator: ";").last == one.stdout.split(separator: ";").last)
        let hand = try Binary.run(["bench", "--loop", "hand", "--threads", "2"])
        #expect(hand.status != 0)
        #expect(hand.stderr.contains("--threads needs --loop engine"), "\(hand.stderr)")
    }
}
