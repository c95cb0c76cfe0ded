import ArgumentParser
import Foundation
import R2Forecast
import R2Model
import R2Notebook

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Check every scenario file's expectations; exit status 1 on any failure.")

    @Argument(help: "Scenario files or folders (default: scenarios/).")
    var paths: [String] = ["scenarios"]

    @OptionGroup var simulation: SimulationFlags

    @Option(
        help:
            "Re-run each file with K more seeds (1, 2, ... skipping those the file uses) and list the expectations that do not hold for all."
    )
    var seeds: Int = 0

    @Option(help: "Write JUnit XML to this file.")
    var junit: String?

    @Option(
        help: "Only files or expectations whose path or text contains PATTERN; selecting no expectation is a failure."
    )
    var filter: String?

    @Flag(help: "Store each file's forecasts as its golden snapshot (scenarios/__snapshots__/NAME.json).")
    var record = false

    @Flag(help: "A file without expectations fails instead of warning.")
    var strict = false

    @Flag(
        help: ArgumentHelp(
            "Decide each expectation by adding blocks of 10,000 trials while it is within 3 standard errors of its bound, up to --max-trials."
        ))
    var precision = false

    @Option(
        help: ArgumentHelp(
            "The most trials --precision gives one expectation (a multiple of 10,000; default 2M).", valueName: "N"),
        transform: TrialCount.parse)
    var maxTrials: Int?

    func validate() throws {
        try simulation.checkTrials()
        if precision, simulation.trials != nil {
            throw ValidationError(
                "--precision chooses each expectation's trial count: give the most with --max-trials, not --trials")
        }
        if let maxTrials {
            guard precision else { throw ValidationError("--max-trials goes with --precision") }
            guard maxTrials >= Precision.firstCheck, maxTrials <= Scenario.maximumTrials,
                maxTrials % Precision.blockSize == 0
            else {
                throw ValidationError(
                    "--max-trials must be a multiple of 10,000 between 20,000 and 50,000,000, not \(Format.count(maxTrials))"
                )
            }
        }
        if seeds < 0 || seeds > 100 { throw ValidationError("--seeds must be between 0 and 100") }
    }

    func run() throws {
        var options = TestRunner.Options(threads: simulation.threads ?? SessionConfiguration().threads)
        options.paths = paths
        options.trials = simulation.trials
        options.seed = simulation.seed
        options.seeds = seeds
        options.junitPath = junit
        options.filter = filter
        options.record = record
        options.strict = strict
        if precision { options.expectationCap = maxTrials ?? Precision.defaultCap }
        let status = TestRunner(options: options).run { Output.stdout($0) }
        if status != 0 { throw ExitCode(status) }
    }
}
