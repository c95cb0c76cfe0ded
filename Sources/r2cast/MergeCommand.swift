import ArgumentParser
import R2Forecast
import R2Notebook

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shard files of one run and print its forecast, as `r2cast run` would.",
        discussion:
            "The shards come from `r2cast run FILE --shard I/N --out PART`; every shard 1..N must be given.")

    @Argument(help: "The shard files (in any order).")
    var parts: [String]

    @Flag(help: "The forecast as a JSON object.")
    var json = false

    func run() throws {
        do {
            let report = try ShardMerger.report(paths: parts)
            Output.stdout(json ? report.json.serialized : report.text(style: .plain))
        } catch {
            Output.stderr(error.description)
            throw ExitCode(1)
        }
    }
}
