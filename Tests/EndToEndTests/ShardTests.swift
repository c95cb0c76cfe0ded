import Foundation
import Testing

/// `r2cast run --shard I/N --out PART` and `r2cast merge`: the merged shards
/// print exactly what one run prints.
@Suite(.serialized) struct ShardTests {
    /// A small scenario with uncertainty, events and a platform switch.
    static let scenario = """
        scenario sharded
        clock 2025-01 to 2026-12
        seed 11
        chip h800 foreign perf 1.0 fail 2%
        chip ascend domestic perf 0.3 to 0.6 fail 20% to 40%
        fleet h800 2k to 6k
        fleet ascend 0.5k to 2k
        make ascend 0.5k to 2k per month yield 30% rising 1% per month to 60%
        pressure 60%
        r2 start between 2025-02 and 2025-04 needs 20k to 60k chip-months post 1 to 3 months
        r2 hold 30% for 1 to 2 months switch after 3 failures port 1 month
        event crackdown 40% between 2025-06 and 2025-12: pressure 90%

        """

    /// Writes `text` to a new folder; returns the folder and the file's path.
    static func scenarioFile(_ text: String) throws -> (URL, String) {
        let folder = try Binary.temporaryFolder()
        let file = folder.appendingPathComponent("sharded.r2s")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return (folder, file.path)
    }

    /// Runs shards 1...n of `file` into `folder`; returns their paths.
    static func runShards(_ file: String, _ n: Int, in folder: URL, _ extra: [String] = []) throws -> [String] {
        try (1...n).map { i in
            let part = folder.appendingPathComponent("part-\(i).json").path
            let r = try Binary.run(["run", file, "--shard", "\(i)/\(n)", "--out", part] + extra)
            #expect(r.status == 0, "shard \(i)/\(n): \(r.stderr)")
            return part
        }
    }

    @Test func threeShardsMergeToTheSingleRunByteForByte() throws {
        let (folder, file) = try Self.scenarioFile(Self.scenario + "forecast\n")
        let trials = ["--trials", "9001"]  // neither a multiple of 3 nor of the engine's chunk
        let single = try Binary.run(["run", file] + trials)
        let singleJSON = try Binary.run(["run", file, "--json"] + trials)
        #expect(single.status == 0, "\(single.stderr)")
        #expect(single.stdout.hasPrefix("Forecast for sharded  (9,001 trials, seed 11)"))

        let parts = try Self.runShards(file, 3, in: folder, trials)
        let merged = try Binary.run(["merge"] + parts)
        let mergedJSON = try Binary.run(["merge", parts[2], parts[0], parts[1], "--json"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == single.stdout)
        #expect(mergedJSON.status == 0, "\(mergedJSON.stderr)")
        #expect(mergedJSON.stdout == singleJSON.stdout)

        // Written atomically: nothing but the scenario and the parts is left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["part-1.json", "part-2.json", "part-3.json", "sharded.r2s"])
    }

    @Test func shardsRunOnAnyThreadCountMergeToTheSameForecast() throws {
        let (folder, file) = try Self.scenarioFile(Self.scenario + "forecast\n")
        let single = try Binary.run(["run", file, "--trials", "5000", "--threads", "2"])
        let parts = (1...3).map { folder.appendingPathComponent("p\($0).json").path }
        for (i, threads) in ["1", "2", "3"].enumerated() {
            let r = try Binary.run(
                [
                    "run", file, "--trials", "5000", "--shard", "\(i + 1)/3", "--out", parts[i], "--threads",
                    threads,
                ])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let merged = try Binary.run(["merge"] + parts)
        #expect(merged.stdout == single.stdout)
    }

    @Test func observationsInForceCarryIntoTheMergedForecast() throws {
        let text = Self.scenario + "observe no release by 2025-06\nforecast\n"
        let (folder, file) = try Self.scenarioFile(text)
        let single = try Binary.run(["run", file, "--trials", "6000"])
        let singleJSON = try Binary.run(["run", file, "--trials", "6000", "--json"])
        #expect(single.status == 0, "\(single.stderr)")
        let parts = try Self.runShards(file, 3, in: folder, ["--trials", "6000"])
        let merged = try Binary.run(["merge"] + parts)
        let mergedJSON = try Binary.run(["merge", "--json"] + parts)
        #expect(merged.stdout.contains("\n            given observe no release by 2025-06\n"))
        // The single run also prints the observation's effective sample size first.
        #expect(single.stdout.hasSuffix(merged.stdout))
        #expect(
            singleJSON.stdout.split(separator: "\n").last.map(String.init)
                == mergedJSON.stdout.split(separator: "\n").last.map(String.init))
    }

    /// A shard cannot tell an observation no trial anywhere meets from one
    /// its slice happens to miss, so it writes its part (exit 0), but says
    /// so: a run would have refused the observation, and the merge will.
    @Test func aShardKeepingNoTrialWarns() throws {
        let text = Self.scenario + "observe release by 2025-01\nforecast\n"
        let (folder, file) = try Self.scenarioFile(text)
        let part = folder.appendingPathComponent("part-1.json").path
        let r = try Binary.run(["run", file, "--shard", "1/2", "--out", part, "--trials", "2000"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stderr.hasSuffix(
                "\nwarning: no trial of this shard is consistent with the scenario's observations; `r2cast merge` fails unless another shard keeps some\n"
            ), "\(r.stderr)")
        // A shard that keeps trials says nothing of the kind.
        let (_, possible) = try Self.scenarioFile(Self.scenario + "observe no release by 2025-06\nforecast\n")
        let other = try Binary.run(["run", possible, "--shard", "1/2", "--out", part, "--trials", "2000"])
        #expect(other.status == 0 && !other.stderr.contains("warning"), "\(other.stderr)")
    }

    @Test func mergeRefusesMissingDuplicateAndForeignShards() throws {
        let (folder, file) = try Self.scenarioFile(Self.scenario + "forecast\n")
        let parts = try Self.runShards(file, 3, in: folder, ["--trials", "3000"])

        let missing = try Binary.run(["merge", parts[0], parts[2]])
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: shard 2/3 of the run is missing\n")

        let twice = try Binary.run(["merge", parts[0], parts[0], parts[1], parts[2]])
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("are both shard 1/3"))

        let other = folder.appendingPathComponent("other.json").path
        let r = try Binary.run([
            "run", file, "--trials", "3000", "--seed", "12", "--shard", "2/3", "--out", other,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let mixed = try Binary.run(["merge", parts[0], other, parts[2]])
        #expect(mixed.status == 1)
        #expect(mixed.stderr.contains("come from different runs: seeds 11 and 12"))

        let absent = folder.appendingPathComponent("absent.json").path
        let none = try Binary.run(["merge", parts[0], absent])
        #expect(none.status == 1)
        #expect(none.stderr == "error: cannot read \(absent): no such file\n")
        let dir = try Binary.run(["merge", folder.path])
        #expect(dir.stderr == "error: cannot read \(folder.path): it is a folder\n")

        let notAShard = try Binary.run(["merge", file])
        #expect(notAShard.status == 1)
        #expect(notAShard.stderr.contains("is not a shard file"))

        // A part of an earlier format (other random streams) is refused by name.
        let old = folder.appendingPathComponent("old.json").path
        let text = try String(contentsOfFile: parts[1], encoding: .utf8)
        try text.replacingOccurrences(of: "\"r2cast-shard/3\"", with: "\"r2cast-shard/2\"")
            .write(toFile: old, atomically: true, encoding: .utf8)
        let stale = try Binary.run(["merge", parts[0], old, parts[2]])
        #expect(stale.status == 1)
        #expect(
            stale.stderr.contains(
                "has format `r2cast-shard/2`; this r2cast reads `r2cast-shard/3` (run the shard again with this r2cast)"
            ), "\(stale.stderr)")
    }

    @Test func trialCountsReadAsTheLanguageWritesThem() throws {
        let (_, file) = try Self.scenarioFile(Self.scenario + "forecast\n")
        for text in ["1.5k", "1_500", "1,500"] {
            let r = try Binary.run(["run", file, "--trials", text, "--json"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("\"trials\":1500"), "\(text): \(r.stdout)")
        }
    }

    @Test func badShardArgumentsAreUsageErrors() throws {
        let (_, file) = try Self.scenarioFile(Self.scenario)
        for (arguments, message) in [
            (["--shard", "0/3", "--out", "x.json"], "the shard must be between 1 and 3"),
            (["--shard", "3", "--out", "x.json"], "--shard expects I/N"),
            (["--shard", "1/3"], "--shard needs --out FILE"),
            // One run holds at most 50M trials; shards split a larger total.
            (["--trials", "60M"], "--trials must be between 1 and 50,000,000 (use shards beyond that"),
            (
                ["--trials", "120M", "--shard", "1/2", "--out", "x.json"],
                "--trials 120,000,000 in 2 shards puts 60,000,000 in a shard; one run holds at most 50,000,000: use at least 3 shards"
            ),
            (["--trials", "2.5x"], "--trials expects a whole number of trials, such as 20000, 20k or 1M, not `2.5x`"),
        ] {
            let r = try Binary.run(["run", file] + arguments)
            #expect(r.status == 64, "\(arguments)")
            #expect(r.stderr.contains(message), "\(r.stderr)")
        }
    }
}
