import Foundation
import R2Forecast
import Testing

@testable import R2Notebook

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct TestRunnerTests {
    func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("r2cast-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    func run(_ options: TestRunner.Options) -> (Int32, [String]) {
        var lines: [String] = []
        let status = TestRunner(options: options).run { lines.append($0) }
        return (status, lines)
    }

    /// A file that states no expectation is reported as checking nothing:
    /// a warning, a failure under --strict.
    @Test func aFileWithoutExpectationsIsReported() throws {
        let dir = try folder(["empty.r2s": holdScenario() + "forecast\n"])
        var options = TestRunner.Options(threads: 2)
        options.paths = [dir.path]
        let (status, lines) = run(options)
        #expect(status == 0)
        #expect(lines.contains("  warning: no expectations: this file checks nothing (--strict makes it a failure)"))
        #expect(lines.last == "0 passed, 0 failed")
        options.strict = true
        let (strict, strictLines) = run(options)
        #expect(strict == 1)
        #expect(strictLines.contains("  FAIL  no expectations: this file checks nothing"))
        #expect(strictLines.last == "0 passed, 1 failed")
        // The JUnit report has the failure too (it said 0 tests, 0 failures).
        options.junitPath = dir.appendingPathComponent("junit.xml").path
        #expect(run(options).0 == 1)
        let xml = try String(contentsOfFile: options.junitPath!, encoding: .utf8)
        #expect(xml.contains("no expectations: this file checks nothing (--strict)"), "\(xml)")
        // As a failure, not an error: the file evaluated (it once said "the file did not evaluate").
        #expect(xml.contains(#"tests="1" failures="1" errors="0""#), "\(xml)")
        #expect(xml.contains(#"<testcase classname=""#) && xml.contains(#"name="expectations">"#), "\(xml)")
        #expect(!xml.contains("did not evaluate"), "\(xml)")
    }

    /// A strict comparison between two scenarios fails on a tie, in every
    /// form; with `by ... or more` a difference of exactly the margin passes.
    @Test func tiesFailEveryStrictComparison() throws {
        let forms = [
            "expect median release in same later than held",
            "expect median release in same earlier than held",
            "expect p(release by 2025-06) in same above held",
            "expect p(release by 2025-06) in same below held",
            "expect mean release in same later than held",
        ]
        let dir = try folder([
            "tie.r2s": holdScenario() + "scenario same from held\n" + forms.joined(separator: "\n") + "\n"
        ])
        var options = TestRunner.Options(threads: 2)
        options.paths = [dir.path]
        let (status, lines) = run(options)
        #expect(status == 1)
        #expect(lines.last == "0 passed, 5 failed")
        #expect(lines.filter { $0.contains("identical under common random numbers") }.count == 5)
    }

    @Test func summaryLineAndExitStatus() throws {
        let dir = try folder([
            "good.r2s": holdScenario() + "expect p(release by 2025-04) between 70% and 80%\n",
            "bad.r2s": holdScenario() + "expect p(release by 2025-04) above 90%\n",
            "broken.r2s": "fleet h800 2k\n",
        ])
        var options = TestRunner.Options(threads: 2)
        options.paths = [dir.path]
        let (status, lines) = run(options)
        #expect(status == 1)
        #expect(lines.last == "1 passed, 2 failed")
        let failure = try #require(lines.first { $0.contains("FAIL  ") })
        #expect(failure.contains("bad.r2s:9"))
        #expect(failure.contains("estimate 7"))
        #expect(failure.contains("expected above 90.0%"))
        #expect(lines.contains { $0.contains("error: unknown chip `h800`") })
    }

    @Test func filterSkipsOtherExpectations() throws {
        let dir = try folder([
            "a.r2s": holdScenario() + "expect censored below 1%\nexpect p(release by 2025-04) above 50%\n"
        ])
        var options = TestRunner.Options(threads: 2)
        options.paths = [dir.path]
        options.filter = "censored"
        let (status, lines) = run(options)
        #expect(status == 0)
        #expect(lines.last == "1 passed, 0 failed, 1 skipped")
    }

    /// A filter that matches nothing fails: a typo must not turn a CI job
    /// into one that checks nothing and passes.
    @Test func aFilterThatSelectsNothingFails() throws {
        let dir = try folder(["a.r2s": holdScenario() + "expect censored below 1%\n"])
        var options = TestRunner.Options(threads: 2)
        options.paths = [dir.path]
        options.filter = "censroed"
        let (status, lines) = run(options)
        #expect(status == 1)
        #expect(
            lines == [
                "error: --filter `censroed` selects no expectation, so nothing was checked",
                "0 passed, 0 failed, 1 skipped",
            ])
    }

    @Test func junitIsWellFormedXML() throws {
        let dir = try folder(["a.r2s": holdScenario() + "expect censored below 1%\nexpect censored above 1%\n"])
        var options = TestRunner.Options(threads: 2)
        options.paths = [dir.path]
        options.junitPath = dir.appendingPathComponent("junit.xml").path
        _ = run(options)
        let data = try Data(contentsOf: dir.appendingPathComponent("junit.xml"))
        let parser = XMLParser(data: data)
        #expect(parser.parse())
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("tests=\"2\" failures=\"1\""))
        // Each case carries the seed and trials it was checked with.
        #expect(text.components(separatedBy: "<property name=\"seed\" value=\"11\"/>").count == 3)
        #expect(text.components(separatedBy: "<property name=\"trials\" value=\"40000\"/>").count == 3)
    }

    @Test func snapshotsRecordThenReportDrift() throws {
        // Holds with probability 30%: the median trial has none, so the
        // median release is tau itself (with 50% it would be a coin flip).
        let dir = try folder(["s.r2s": holdScenario(h: "30%") + "forecast\n"])
        var options = TestRunner.Options(threads: 2)
        options.paths = [dir.path]
        options.record = true
        #expect(run(options).0 == 0)
        options.record = false
        #expect(run(options).0 == 0)
        // Move the forecast: needs 5.5k -> release three months later.
        try (holdScenario(h: "30%").replacingOccurrences(of: "2.5k", with: "5.5k") + "forecast\n").write(
            to: dir.appendingPathComponent("s.r2s"), atomically: true, encoding: .utf8)
        let (status, lines) = run(options)
        #expect(status == 1)
        let text = lines.joined(separator: "\n")
        #expect(text.contains("FAIL  snapshot drift (tolerance 1 day for release dates, 0.1 points for shares):"))
        #expect(text.contains("scenario held: "), "\(text)")
        #expect(text.contains("held: release p50 2025-03-16 -> 2025-06-16 (+92 days)"), "\(text)")
        #expect(text.contains("if the change is meant, accept it with `r2cast test \(dir.path)/s.r2s --record`"))
        // In JUnit, a failed test case `snapshot`, not an evaluation error.
        options.junitPath = dir.appendingPathComponent("junit.xml").path
        #expect(run(options).0 == 1)
        let xml = try String(contentsOfFile: options.junitPath!, encoding: .utf8)
        #expect(xml.contains(#"name="snapshot">"#) && xml.contains(#"<failure message="snapshot drift:">"#), "\(xml)")
        #expect(xml.contains(#"failures="1" errors="0""#) && !xml.contains("did not evaluate"), "\(xml)")
    }

    /// A snapshot file that is not one (a merge conflict's markers) fails
    /// the file; it once passed as "no snapshot yet", checking nothing.
    @Test func anUnusableSnapshotFailsTheFile() throws {
        let dir = try folder(["s.r2s": holdScenario(h: "30%") + "forecast\n"])
        let snapshots = dir.appendingPathComponent("__snapshots__")
        try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
        try "<<<<<<< HEAD\n".write(to: snapshots.appendingPathComponent("s.json"), atomically: true, encoding: .utf8)
        var options = TestRunner.Options(threads: 2)
        options.paths = [dir.path]
        let (status, lines) = run(options)
        #expect(status == 1)
        let path = dir.appendingPathComponent("s.r2s").path
        #expect(
            lines[1]
                == "error: the snapshot \(snapshots.path)/s.json cannot be used: it is not JSON; "
                + "record it again with `r2cast test \(path) --record`")
        #expect(lines.last == "0 passed, 1 failed")
        // Recording replaces it, and the file passes again.
        options.record = true
        #expect(run(options).0 == 0)
        options.record = false
        #expect(run(options).0 == 0)
    }

    /// `--record` where the snapshot cannot be written says so and fails;
    /// it once printed "recorded" over nothing.
    @Test func aSnapshotThatCannotBeWrittenFails() throws {
        let dir = try folder(["s.r2s": holdScenario(h: "30%") + "forecast\n"])
        // A file where the folder should be.
        try "x".write(to: dir.appendingPathComponent("__snapshots__"), atomically: true, encoding: .utf8)
        var options = TestRunner.Options(threads: 2)
        options.paths = [dir.path]
        options.record = true
        let (status, lines) = run(options)
        #expect(status == 1)
        let folder = dir.appendingPathComponent("__snapshots__").path
        #expect(
            lines[1]
                == "error: snapshot not recorded: cannot write \(folder)/s.json: cannot make the folder \(folder)")
        #expect(!lines.contains { $0.contains("recorded \(folder)") })
    }

    /// Every scenario a file defines is in its snapshot, so a change to any
    /// one of them is caught; a check at another trial count or seed is
    /// replayed at the snapshot's settings and raises no false drift.
    @Test func snapshotsCoverEveryScenarioAndReplayAtTheirSettings() throws {
        let text = holdScenario(h: "30%") + "scenario other from held\nr2 post 1 month\n"
        let dir = try folder(["s.r2s": text])
        var options = TestRunner.Options(threads: 2)
        options.paths = [dir.path]
        options.record = true
        #expect(run(options).0 == 0)
        let stored = try String(contentsOf: dir.appendingPathComponent("__snapshots__/s.json"), encoding: .utf8)
        #expect(stored.contains("\"scenario\":\"held\"") && stored.contains("\"scenario\":\"other\""))
        options.record = false
        // Other settings: no drift, though the forecasts differ by noise.
        options.trials = 3000
        options.seed = 9
        let (replayed, replayedLines) = run(options)
        #expect(replayed == 0, "\(replayedLines)")
        // A change to the second scenario alone is caught.
        try (text.replacingOccurrences(of: "r2 post 1 month", with: "r2 post 3 months")).write(
            to: dir.appendingPathComponent("s.r2s"), atomically: true, encoding: .utf8)
        options.trials = nil
        options.seed = nil
        let (status, lines) = run(options)
        #expect(status == 1)
        #expect(lines.joined(separator: "\n").contains("scenario other: "), "\(lines)")
        #expect(!lines.joined(separator: "\n").contains("scenario held: "))
    }

    /// A snapshot recorded at other settings (`--record --trials 3000
    /// --seed 9`) and checked at the file's own is replayed at the
    /// snapshot's too: the check compared the file's 40,000 trials with the
    /// recorded 3,000 and called the noise drift. A real change is still
    /// caught at the snapshot's settings.
    @Test func aSnapshotRecordedAtOtherSettingsIsReplayedAtThem() throws {
        let text = holdScenario(h: "30%")
        let dir = try folder(["s.r2s": text])
        var options = TestRunner.Options(threads: 2)
        options.paths = [dir.path]
        options.record = true
        options.trials = 3000
        options.seed = 9
        #expect(run(options).0 == 0)
        options.record = false
        options.trials = nil
        options.seed = nil
        let (status, lines) = run(options)
        #expect(status == 0, "\(lines)")
        #expect(!lines.joined(separator: "\n").contains("drift"))
        try text.replacingOccurrences(of: "r2 hold 30%", with: "r2 hold 60%").write(
            to: dir.appendingPathComponent("s.r2s"), atomically: true, encoding: .utf8)
        let (changed, changedLines) = run(options)
        #expect(changed == 1)
        #expect(
            changedLines.contains { $0.contains("(replayed at the snapshot's settings, 3,000 trials, seed 9)") },
            "\(changedLines)")
    }

    @Test func seedSweepListsExpectationsThatFlip() throws {
        // 75% is the true value: about half the seeds fail it, so with 20
        // seeds all passing has odds of about one in a million.
        let dir = try folder(["f.r2s": holdScenario(trials: "1k") + "expect p(release by 2025-04) below 75%\n"])
        var options = TestRunner.Options(threads: 2)
        options.paths = [dir.path]
        options.seeds = 20
        let (_, lines) = run(options)
        #expect(
            lines.contains { $0.contains("FLIPS") && $0.contains("f.r2s:9") && $0.contains("passes with seed") },
            "\(lines)")
    }

    /// A failure with the file's own seed and every other is steady, not a
    /// flip. The other seeds are new ones: the file's `seed 2` is skipped
    /// (the sweep once ran 2, 3, 4 and so ran the file's own seed again).
    @Test func seedSweepCallsASteadyFailureSteady() throws {
        let text = holdScenario(trials: "1k").replacingOccurrences(of: "seed 11", with: "seed 2")
        let dir = try folder(["s.r2s": text + "expect p(release by 2025-04) below 10%\n"])
        var options = TestRunner.Options(threads: 2)
        options.paths = [dir.path]
        options.seeds = 3
        let (_, lines) = run(options)
        #expect(
            lines.contains(
                "  STEADY  \(dir.path)/s.r2s:9  expect p(release by 2025-04) below 10%  fails with every seed (the file's own, 1, 3, 4)"
            ), "\(lines)")
        #expect(!lines.contains { $0.contains("FLIPS") })
    }

    /// What `--seeds` found is in the JUnit report too (it once was only
    /// printed): the seeds tried, the seeds each expectation failed with,
    /// and the STEADY line in its failure.
    @Test func seedSweepIsInTheJUnitReport() throws {
        let dir = try folder(["s.r2s": holdScenario(trials: "1k") + "expect p(release by 2025-04) below 10%\n"])
        var options = TestRunner.Options(threads: 2)
        options.paths = [dir.path]
        options.seeds = 3
        options.junitPath = dir.appendingPathComponent("junit.xml").path
        _ = run(options)
        let xml = try String(contentsOfFile: options.junitPath!, encoding: .utf8)
        #expect(xml.contains("<property name=\"other_seeds\" value=\"3\"/>"), "\(xml)")
        #expect(xml.contains("<property name=\"fails_with_seeds\" value=\"the file&apos;s own, 1, 2, 3\"/>"), "\(xml)")
        #expect(
            xml.contains(
                "\nSTEADY  \(dir.path)/s.r2s:9  expect p(release by 2025-04) below 10%  fails with every seed (the file&apos;s own, 1, 2, 3)</failure>"
            ), "\(xml)")
    }
}
