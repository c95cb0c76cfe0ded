import ArgumentParser

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "The benchmark.")
    func run() throws { throw ExitCode(1) }
}

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: "Merge shard results.")
    func run() throws { throw ExitCode(1) }
}
