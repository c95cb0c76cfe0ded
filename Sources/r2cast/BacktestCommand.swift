import ArgumentParser
import Foundation
import R2Forecast
import R2Notebook

struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract:
            "Score the as-of scenarios' forecasts on facts observed later, against a 50% reference (docs/BACKTEST.md).")

    @Argument(help: "Scenario files (default: scenarios/baseline.r2s and scenarios/asof-*.r2s, sorted).")
    var files: [String] = []

    @OptionGroup var simulation: SimulationFlags

    @Flag(help: "One JSON object per file, then a summary object.")
    var json = false

    func validate() throws {
        try simulation.checkTrials()
    }

    func run() throws {
        let paths = try files.isEmpty ? Self.defaultFiles() : files
        let options = BacktestRunner.Options(
            trials: simulation.trials, seed: simulation.seed,
            threads: simulation.threads ?? SessionConfiguration().threads)
        let report = BacktestRunner(options: options).run(files: paths)
        for f in report.files { if let error = f.error { Output.stderr(error) } }
        if json {
            for object in report.jsonObjects { Output.stdout(object.serialized) }
        } else {
            let env = ProcessInfo.processInfo.environment
            let colors = Style.colorsAllowed(isTerminal: isatty(1) != 0, environment: env)
            Output.stdout(report.text(style: Style(colors: colors, width: 80)))
            // The registered forecasts, scored as their outcomes come in.
            do {
                let ledger = try Ledger.report(ledgerPath: Ledger.defaultPath, outcomesPath: Ledger.defaultOutcomesPath)
                if !ledger.isEmpty { Output.stdout("\n" + ledger.joined(separator: "\n")) }
            } catch {
                Output.stderr("error: \(error)")
                throw ExitCode(1)
            }
        }
        if report.failed { throw ExitCode(1) }
    }

    /// scenarios/baseline.r2s and scenarios/asof-*.r2s, sorted.
    static func defaultFiles() throws -> [String] {
        let folder = "scenarios"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw ValidationError("no \(folder)/ folder here: name the scenario files to backtest")
        }
        let picked = names.filter { $0 == "baseline.r2s" || ($0.hasPrefix("asof-") && $0.hasSuffix(".r2s")) }.sorted()
        guard !picked.isEmpty else { throw ValidationError("no baseline.r2s or asof-*.r2s in \(folder)/") }
        return picked.map { "\(folder)/\($0)" }
    }
}
