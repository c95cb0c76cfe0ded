import ArgumentParser
import Foundation
import R2Forecast
import R2Notebook

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Check every scenario file's expectations; exit status 1 on any failure.")

    @Argument(help: "Scenario files or folders (default: scenarios/).")
    var paths: [String] = ["scenarios"]

    @OptionGroup var simulation: SimulationFlags

    @Option(help: "Re-run each file with K more seeds and list the expectations that do not hold for all.")
    var seeds: Int = 0

    @Option(help: "Write JUnit XML to this file.")
    var junit: String?

    @Option(help: "Only files or expectations whose path or text contains PATTERN.")
    var filter: String?

    @Flag(help: "Store each file's forecasts as its golden snapshot (scenarios/__snapshots__/NAME.json).")
    var record = false

    @Flag(help: "A file without expectations fails instead of warning.")
    var strict = false

    func validate() throws {
        try simulation.checkTrials()
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
        let status = TestRunner(options: options).run { Output.stdout($0) }
        if status != 0 { throw ExitCode(status) }
    }
}
