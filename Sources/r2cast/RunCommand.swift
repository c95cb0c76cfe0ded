import ArgumentParser
import Foundation
import R2Forecast
import R2Language
import R2Notebook
import R2REPL

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Evaluate scenario files and print every query's output.")

    @Argument(help: "Scenario files, evaluated in order in one session.")
    var files: [String]

    @OptionGroup var simulation: SimulationFlags

    @Flag(help: "One JSON object per query on standard output.")
    var json = false

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let session = Session(configuration: SessionConfiguration(
            trials: simulation.trials, seed: simulation.seed, threads: simulation.threads ?? SessionConfiguration().threads,
            style: Style(colors: false, width: 80), showsProgress: Console.stderrIsTerminal && env["CI"] == nil))
        var failed = false
        for file in files {
            let cell = session.load(path: file)
            Output.print(cell.outputs, json: json)
            failed = failed || cell.failed
        }
        if failed { throw ExitCode(1) }
    }
}
