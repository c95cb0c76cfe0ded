import Foundation
import Testing

/// Runs to a precision through the binary: the trial count a run settles on
/// is a whole number of blocks, and the forecast is the fixed run of that
/// many trials, for any thread count and shard split.
@Suite(.serialized) struct PrecisionEndToEndTests {
    /// The trial count named by a `precision ... reached at N trials` line.
    static func trials(in text: String) throws -> Int {
        let line = try #require(text.split(separator: "\n").last { $0.hasPrefix("precision ") })
        let words = line.split(separator: " ")
        let at = try #require(words.firstIndex(of: "at"))
        return try #require(Int(words[at + 1].replacingOccurrences(of: ",", with: "")))
    }

    @Test func aForecastToAPrecisionIsTheFixedRunOfItsTrialsOnAnyThreadsAndShards() throws {
        let (folder, precise) = try ShardTests.scenarioFile(ShardTests.scenario + "forecast to ±0.25%\n")
        let one = try Binary.run(["run", precise, "--threads", "1"])
        let two = try Binary.run(["run", precise, "--threads", "2"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let n = try Self.trials(in: one.stdout)
        #expect(n > 20_000 && n % 10_000 == 0)
        #expect(one.stdout.contains("precision ±0.25% reached at "))

        // The same file with a plain forecast at --trials n prints the same
        // forecast, line for line, without the precision line.
        let plain = folder.appendingPathComponent("plain.r2s")
        try (ShardTests.scenario + "forecast\n").write(to: plain, atomically: true, encoding: .utf8)
        let fixed = try Binary.run(["run", plain.path, "--trials", String(n)])
        let body = one.stdout.split(separator: "\n").dropLast().joined(separator: "\n") + "\n"
        #expect(fixed.stdout == body)
        // And so do three shards of it, merged.
        let parts = try ShardTests.runShards(plain.path, 3, in: folder, ["--trials", String(n)])
        let merged = try Binary.run(["merge"] + parts)
        #expect(merged.stdout == body)
    }

    @Test func aScenarioRunToAPrecisionCannotBeShardedWithoutATrialCount() throws {
        let (folder, file) = try ShardTests.scenarioFile(ShardTests.scenario + "trials to ±0.5%\n")
        let part = folder.appendingPathComponent("part.json").path
        let refused = try Binary.run(["run", file, "--shard", "1/2", "--out", part])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "scenario `sharded` runs to a precision (`trials to ±...`), so its trial count is not known in advance: run it once, then shard that count with --trials N (the same bits)"
            ))
        let given = try Binary.run(["run", file, "--shard", "1/2", "--out", part, "--trials", "30k"])
        #expect(given.status == 0, "\(given.stderr)")
    }

    /// `r2cast test --precision` on the hold scenario, whose P(release by
    /// the end of 2025-03) is exactly 0.5.
    @Test func testDecidesEachExpectationAndSaysAtHowManyTrials() throws {
        let folder = try Binary.temporaryFolder()
        let file = folder.appendingPathComponent("decide.r2s")
        try """
        scenario held
        clock 2025-01 to 2026-12
        seed 11
        chip h800 foreign perf 1 fail 0
        fleet h800 1k
        r2 start 2025-01 needs 2.5k chip-months
        r2 hold 50% for 1 month
        # 1 point from the truth: about 22,500 trials stand 3 SE clear.
        expect p(release by 2025-03) above 49%
        # Far from it: decided at once.
        expect p(release by 2025-03) below 80%

        """.write(to: file, atomically: true, encoding: .utf8)
        let r = try Binary.run(["test", "--precision", "--max-trials", "200k", file.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("\n        decided at 20,000 trials\n"))
        let lines = r.stdout.split(separator: "\n")
        let first = try #require(lines.firstIndex { $0.contains("above 49%") })
        let decided = lines[first + 2]
        #expect(decided.hasPrefix("        decided at ") && !decided.hasSuffix(" 20,000 trials"))
        #expect(
            lines.last?.hasPrefix(
                "2 passed, 0 failed (--precision: 2 decided, 0 undecided at the cap of 200,000 trials; ") == true)

        for (arguments, message) in [
            (
                ["--precision", "--trials", "40k"],
                "--precision chooses each expectation's trial count: give the most with --max-trials, not --trials"
            ),
            (["--max-trials", "40k"], "--max-trials goes with --precision"),
            (
                ["--precision", "--max-trials", "15k"],
                "--max-trials must be a multiple of 10,000 between 20,000 and 50,000,000, not 15,000"
            ),
        ] {
            let bad = try Binary.run(["test", file.path] + arguments)
            #expect(bad.status == 64, "\(arguments)")
            #expect(bad.stderr.contains(message), "\(bad.stderr)")
        }
    }
}
