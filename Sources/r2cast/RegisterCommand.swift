import ArgumentParser
import Foundation
import R2Model
import R2Notebook

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract:
            "Append the library's forecasts of questions still open to the ledger, before the facts (docs/BACKTEST.md)."
    )

    @Argument(help: "Scenario files (default: the library file with the latest as-of date).")
    var files: [String] = []

    @Option(help: "The ledger, appended to and never rewritten.")
    var ledger = Ledger.defaultPath

    @Option(help: "The registration date, YYYY-MM-DD (default: today).")
    var date: String?

    @OptionGroup var simulation: SimulationFlags

    func validate() throws {
        try simulation.checkTrials()
    }

    func run() throws {
        let day = try registrationDate()
        let paths = try files.isEmpty ? [Self.latestFile()] : files
        do {
            let entries = try Ledger.register(
                files: paths, at: ledger, on: day, trials: simulation.trials, seed: simulation.seed,
                threads: simulation.threads ?? SessionConfiguration().threads)
            for e in entries {
                Output.stdout(
                    "registered \(e.question): p \(String(format: "%.3f", e.p)) (±\(String(format: "%.3f", e.se))) from \(e.file), scenario \(e.scenario) [\(e.digest)]"
                )
            }
            Output.stdout("\(entries.count) entries appended to \(ledger)")
        } catch {
            Output.stderr("error: \(error)")
            throw ExitCode(1)
        }
    }

    func registrationDate() throws -> CalendarDate {
        if let date {
            let parts = date.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, let d = CalendarDate(year: parts[0], month: parts[1], day: parts[2]) else {
                throw ValidationError("--date takes a day, YYYY-MM-DD: \(date)")
            }
            return d
        }
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// The library file (baseline or as-of) with the latest `as of` line.
    static func latestFile() throws -> String {
        let candidates = try BacktestCommand.defaultFiles()
        var best: (String, String)?
        for path in candidates {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                let line = text.split(separator: "\n").first(where: { $0.hasPrefix("as of ") })
            else { continue }
            let date = String(line.dropFirst("as of ".count).prefix(10))
            if best == nil || date > best!.1 { best = (path, date) }
        }
        guard let best else { throw ValidationError("no library file states an `as of` date") }
        return best.0
    }
}
