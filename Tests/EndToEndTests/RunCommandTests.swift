import Foundation
import Testing

/// `r2cast run` end to end: the built binary, its stdout, stderr and exit status.
@Suite(.serialized) struct RunCommandTests {
    /// The as-of knowledge check finds a cited card in the folders above
    /// the citing file whatever the working folder: run beside the file
    /// (`cd scen && r2cast test x.r2s`), it once found no card, checked
    /// nothing and passed a scenario citing a card from its future.
    @Test func theKnowledgeCheckDoesNotDependOnTheWorkingFolder() throws {
        let root = try Binary.temporaryFolder()
        let scen = root.appendingPathComponent("scen")
        let seeds = root.appendingPathComponent("seeds")
        for folder in [scen, seeds] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try "# A card\n\n- Date: 2025-08-14\n- Grade: H\n".write(
            to: seeds.appendingPathComponent("later.md"), atomically: true, encoding: .utf8)
        try """
        as of 2025-01-15
        chip h800 foreign perf 1 cite seeds/later.md
        fleet h800 1k
        r2 start 2025-01 needs 5k

        """.write(to: scen.appendingPathComponent("x.r2s"), atomically: true, encoding: .utf8)
        let message = "error: `seeds/later.md` is dated 2025-08-14, after the scenario's as-of date 2025-01-15"
        for (folder, file) in [(root.path, "scen/x.r2s"), (scen.path, "x.r2s"), (scen.path, "./x.r2s")] {
            let r = try Binary.runProgram("/bin/sh", ["-c", "cd '\(folder)' && '\(Binary.path)' run \(file)"])
            #expect(r.status == 1, "from \(folder), \(file): \(r.stdout)\(r.stderr)")
            #expect(r.stderr.contains(message), "from \(folder), \(file): \(r.stderr)")
        }
    }

    @Test func baselineJSONHasTheDocumentedSchema() throws {
        let r = try Binary.run(["run", "scenarios/baseline.r2s", "--json", "--trials", "4000"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        let objects = try lines.map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let forecast = try #require(objects.first { $0["query"] as? String == "forecast" })
        #expect(forecast["scenario"] as? String == "baseline")
        #expect(forecast["trials"] as? Int == 4000)
        #expect(forecast["seed"] != nil)
        let release = try #require(forecast["release"] as? [String: Any])
        for key in ["p10", "p50", "p90"] {
            let value = release[key]
            #expect(value is NSNull || (value as? String)?.count == 10, "\(key): \(String(describing: value))")
        }
        let censored = try #require(release["censored"] as? Double)
        #expect((0...1).contains(censored))
        let months = try #require(release["months"] as? [String: Any])
        #expect(months.keys.sorted() == ["p10", "p50", "p90"])
        let adoption = try #require(forecast["adoption"] as? [[String: Any]])
        #expect(adoption.count == 36)
        #expect(adoption.first?["month"] as? String == "2025-01")
        #expect(adoption.last?["month"] as? String == "2027-12")
        for key in ["mean", "p10", "p50", "p90"] { #expect(adoption[12][key] is Double) }
    }

    @Test func outputIsIdenticalForAnyThreadCount() throws {
        let one = try Binary.run(["run", "scenarios/baseline.r2s", "--threads", "1", "--trials", "6000"])
        let two = try Binary.run(["run", "scenarios/baseline.r2s", "--threads", "2", "--trials", "6000"])
        let eight = try Binary.run(["run", "scenarios/baseline.r2s", "--threads", "8", "--trials", "6000", "--json"])
        let eightText = try Binary.run(["run", "scenarios/baseline.r2s", "--threads", "8", "--trials", "6000"])
        #expect(one.status == 0)
        #expect(one.stdout == two.stdout)
        #expect(one.stdout == eightText.stdout)
        #expect(eight.stdout.contains("\"query\":\"forecast\""))
    }

    @Test func seedOverrideChangesTheForecastAndIsReproducible() throws {
        let a = try Binary.run(["run", "scenarios/baseline.r2s", "--seed", "7", "--trials", "3000"])
        let b = try Binary.run(["run", "scenarios/baseline.r2s", "--seed", "7", "--trials", "3000"])
        let c = try Binary.run(["run", "scenarios/baseline.r2s", "--seed", "8", "--trials", "3000"])
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != c.stdout)
        #expect(a.stdout.contains("(3,000 trials, seed 7, "))
        #expect(a.stdout.contains("\n            given no flagship before 2025-08-14 (as of)\n"))
    }

    @Test func everyErrorOfAFileIsReportedWithExitStatusOne() throws {
        let folder = try Binary.temporaryFolder()
        let file = folder.appendingPathComponent("bad.r2s")
        try """
        chip h800 foreign perf 1.0
        fleet h80 2k
        clock 2025-02-30 to 2026-01
        pressure 150%
        forcast
        """.write(to: file, atomically: true, encoding: .utf8)
        let r = try Binary.run(["run", file.path])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let path = file.path
        #expect(
            r.stderr.contains(
                "error: unknown chip `h80`\n --> \(path):2:7\n  |\n2 | fleet h80 2k\n  |       ^^^ did you mean `h800`?"
            ))
        #expect(r.stderr.contains(" --> \(path):3:7"))
        #expect(r.stderr.contains(" --> \(path):4:10"))
        #expect(r.stderr.contains("did you mean `forecast`?"))
        #expect(r.stderr.components(separatedBy: "error:").count - 1 == 4)
    }

    @Test func missingFileIsAClearError() throws {
        let r = try Binary.run(["run", "no/such/file.r2s"])
        #expect(r.status == 1)
        #expect(r.stderr == "error: cannot read no/such/file.r2s: no such file\n")
    }

    @Test func trialCountOutOfRangeIsRejected() throws {
        let none = try Binary.run(["run", "scenarios/baseline.r2s", "--trials", "0"])
        #expect(none.status == 64)
        #expect(none.stderr.contains("--trials must be at least 1, not 0"))
        let many = try Binary.run(["run", "scenarios/baseline.r2s", "--trials", "50000001"])
        #expect(many.status == 64)
        #expect(many.stderr.contains("--trials must be between 1 and 50,000,000"))
    }
}
