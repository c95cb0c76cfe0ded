import Foundation
import R2Forecast

/// `r2cast test`: every scenario file's expectations, snapshots, and a
/// closing `N passed, N failed` line.
public struct TestRunner {
    public struct Options: Sendable {
        public var paths: [String] = ["scenarios"]
        public var trials: Int?
        public var seed: UInt64?
        public var threads: Int
        /// Re-run each file with K more seeds and list the fragile expectations.
        public var seeds: Int = 0
        public var junitPath: String?
        public var filter: String?
        public var record = false
        /// A file without expectations fails instead of warning.
        public var strict = false
        /// `--precision`: each expectation runs until decided or this many trials.
        public var expectationCap: Int?
        public var style: Style = .plain
        public init(threads: Int) { self.threads = threads }
    }

    public var options: Options
    public init(options: Options) { self.options = options }

    /// Runs every file, printing as it goes; returns the exit status.
    public func run(print: (String) -> Void) -> Int32 {
        let files: [String]
        do { files = try ScenarioFiles.collect(options.paths) } catch {
            print("error: \(error)")
            return 1
        }
        if files.isEmpty {
            print("error: no scenario files (*.r2s) under \(options.paths.joined(separator: " "))")
            return 1
        }
        var results: [FileTestResult] = []
        var passed = 0, failed = 0, skipped = 0
        let style = options.style
        for path in files {
            var result = runFile(path, seed: options.seed)
            let matches: (ExpectationResult) -> Bool = { e in
                guard let f = options.filter else { return true }
                return path.contains(f) || e.statement.contains(f)
            }
            if let f = options.filter, !path.contains(f), !result.expectations.contains(where: matches),
                result.file.errors.isEmpty
            {
                skipped += result.expectations.count
                continue
            }
            skipped += result.expectations.filter { !matches($0) }.count
            result.expectations = result.expectations.filter(matches)
            let snapshots = SnapshotStore(scenarioPath: path)
            var recorded = false
            if options.record {
                do throws(AtomicFile.WriteError) {
                    try snapshots.record(result.forecasts)
                    recorded = true
                } catch {
                    result.file.errors.append("error: snapshot not recorded: \(error.description)")
                }
            } else if let problem = snapshots.problem {
                result.file.errors.append("error: \(problem)")
            } else if let recorded = snapshots.recordedSettings,
                let now = SnapshotStore.settings(of: result.forecasts),
                now.trials != recorded.trials || now.seed != recorded.seed
            {
                // Other settings than the snapshot's (given on the command
                // line now or when it was recorded): replayed at its own, so
                // that Monte Carlo noise is not drift.
                let replay = runFile(path, seed: recorded.seed, trials: recorded.trials, deciding: false)
                result.file.snapshotDrift = snapshots.drift(
                    replay.forecasts, replayedAt: "\(Format.count(recorded.trials)) trials, seed \(recorded.seed)")
            } else {
                result.file.snapshotDrift = snapshots.drift(result.forecasts)
            }
            print(style.bold(path))
            for e in result.file.errors { print(e) }
            for e in result.expectations {
                let line = "  " + e.line.replacingOccurrences(of: "\n", with: "\n  ")
                print(e.status == .failed ? style.red(line) : (e.isFragile ? style.yellow(line) : line))
                if e.status == .passed { passed += 1 } else { failed += 1 }
            }
            if !result.file.errors.isEmpty { failed += 1 }
            if result.expectations.isEmpty && result.file.errors.isEmpty && options.filter == nil {
                // Nothing to check: say so, and fail under --strict.
                if options.strict {
                    print(style.red("  FAIL  no expectations: this file checks nothing"))
                    failed += 1
                    // In the JUnit report too, as the failure it is here.
                    result.file.otherFailures.append(
                        (name: "expectations", message: "no expectations: this file checks nothing (--strict)"))
                } else {
                    print(
                        style.yellow(
                            "  warning: no expectations: this file checks nothing (--strict makes it a failure)"))
                }
            }
            if let drift = result.file.snapshotDrift {
                print(style.red("  FAIL  snapshot drift (tolerance \(SnapshotStore.toleranceText)):"))
                print(drift.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n"))
                failed += 1
            }
            if recorded { print("  recorded \(snapshots.path)") }
            if options.seeds > 0 {
                let sweep = seedSweep(path, base: result.expectations)
                print(sweep.text)
                result.file.seedSweep = sweep
            }
            results.append(result.file)
        }
        if let junit = options.junitPath {
            let report = JUnitReport(
                files: results.map {
                    .init(
                        path: $0.path, expectations: $0.expectations,
                        errors: $0.errors,
                        failures: $0.otherFailures
                            + ($0.snapshotDrift.map { [(name: "snapshot", message: "snapshot drift:\n" + $0)] } ?? []),
                        seconds: $0.seconds, seedSweep: $0.seedSweep)
                })
            do { try AtomicFile.write(report.xml, to: junit) } catch {
                print("error: \(error.description)")
                failed += 1
            }
        }
        var summary = "\(passed) passed, \(failed) failed"
        if skipped > 0 { summary += ", \(skipped) skipped" }
        // A filter that selects nothing checks nothing: a typo in CI must
        // not pass (as `pytest -k` with no match does not).
        if let f = options.filter, passed + failed == 0 {
            print(style.red("error: ") + "--filter `\(f)` selects no expectation, so nothing was checked")
            print(summary)
            return 1
        }
        if let cap = options.expectationCap {
            let all = results.flatMap(\.expectations)
            let undecided = all.filter { if case .undecided? = $0.decision { return true } else { return false } }.count
            let trials = all.reduce(0) { $0 + ($1.trials ?? 0) }
            summary +=
                " (--precision: \(all.count - undecided) decided, \(undecided) undecided at the cap of \(Format.count(cap)) trials; \(Format.count(trials)) trials in all)"
        }
        print(summary)
        return failed > 0 ? 1 : 0
    }

    struct Run {
        var file: FileTestResult
        var forecasts: [JSONValue]
        var expectations: [ExpectationResult] {
            get { file.expectations }
            set { file.expectations = newValue }
        }
    }

    /// Evaluates one file in a fresh session; its forecasts are those of
    /// every scenario it defines, in the order defined.
    func runFile(_ path: String, seed: UInt64?, trials: Int? = nil, deciding: Bool = true) -> Run {
        let start = Date()
        var configuration = SessionConfiguration(trials: trials ?? options.trials, seed: seed, threads: options.threads)
        configuration.expectationCap = deciding ? options.expectationCap : nil
        let session = Session(configuration: configuration)
        let cell = session.load(path: path)
        let errors = cell.outputs.filter(\.isError).map(\.plainText)
        let forecasts = session.workspace.scenarios.compactMap { scenario -> JSONValue? in
            session.evaluateCell("forecast in \(scenario.name)").outputs.first?.json
        }.filter { json in
            if case .object(let members) = json { return members.first?.1 == "forecast" }
            return false
        }
        let file = FileTestResult(
            path: path, expectations: session.expectationResults, errors: errors,
            seconds: Date().timeIntervalSince(start))
        return Run(file: file, forecasts: forecasts)
    }

    /// Re-runs a file with `options.seeds` other seeds and labels each
    /// expectation that does not hold for all of them with every seed: a
    /// steady failure fails with the file's own seed and every other; one
    /// that flips passes with some and fails with others.
    func seedSweep(_ path: String, base: [ExpectationResult]) -> SeedSweep {
        let baseSeed = options.seed.map(String.init) ?? "the file's own"
        // K seeds other than those the file's own run used (a scenario's
        // `seed 3` is not a new seed when the sweep reaches 3).
        let used = Set(base.compactMap(\.seed) + (options.seed.map { [$0] } ?? []))
        var others: [UInt64] = []
        var candidate: UInt64 = 1
        while others.count < options.seeds {
            if !used.contains(candidate) { others.append(candidate) }
            candidate += 1
        }
        var failing: [String: [String]] = [:]
        var passing: [String: [String]] = [:]
        for e in base {
            if e.status == .failed {
                failing[e.location, default: []].append(baseSeed)
            } else {
                passing[e.location, default: []].append(baseSeed)
            }
        }
        for other in others {
            let seed = String(other)
            for e in runFile(path, seed: other).expectations {
                if e.status == .failed {
                    failing[e.location, default: []].append(seed)
                } else {
                    passing[e.location, default: []].append(seed)
                }
            }
        }
        var sweep = SeedSweep(more: options.seeds)
        for e in base {
            guard let fails = failing[e.location] else { continue }
            let line =
                passing[e.location].map {
                    "FLIPS   \(e.location)  \(e.statement)  passes with seed \($0.joined(separator: ", ")); fails with seed \(fails.joined(separator: ", "))"
                } ?? "STEADY  \(e.location)  \(e.statement)  fails with every seed (\(fails.joined(separator: ", ")))"
            sweep.entries.append(SeedSweep.Entry(location: e.location, line: line, failingSeeds: fails))
        }
        return sweep
    }
}

/// What `--seeds K` found: the expectations that do not hold for every
/// seed, each with its line (STEADY or FLIPS) and the seeds it fails with.
public struct SeedSweep: Sendable {
    /// An expectation that failed with some seed: its STEADY or FLIPS line
    /// and the seeds it failed with.
    public struct Entry: Sendable {
        public var location: String
        public var line: String
        public var failingSeeds: [String]
    }

    /// The seeds tried beside the file's own.
    public var more: Int
    /// In file order.
    public var entries: [Entry] = []

    /// The entry of the expectation at `location` (`file:line`), if it failed with some seed.
    public func entry(at location: String) -> Entry? { entries.first { $0.location == location } }

    /// The text `r2cast test` prints after the file's expectations.
    public var text: String {
        entries.isEmpty
            ? "  all expectations hold for \(more) more seeds" : entries.map { "  " + $0.line }.joined(separator: "\n")
    }
}
