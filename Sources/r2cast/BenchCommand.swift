import ArgumentParser
import Foundation
import R2Bench
import R2Forecast

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "Measure speed and memory: the baseline and a large synthetic scenario at 10k, 100k and 1M trials.",
        discussion: "Build with -c release first; docs/PERFORMANCE.md explains every figure.")

    @Flag(help: "10k and 100k trials only.")
    var quick = false

    @Flag(help: "The figures as one JSON object.")
    var json = false

    @Option(help: "The baseline scenario file.")
    var baseline = "scenarios/baseline.r2s"

    @Option(help: "Random seed of the simulated runs.")
    var seed: UInt64 = 1

    @Flag(help: "Skip the comparison with the hand-written loop.")
    var noHandLoop = false

    @Option(
        help: ArgumentHelp("Only this trial count, such as 1M (instead of 10k, 100k and 1M).", valueName: "N"),
        transform: TrialCount.parse)
    var trials: Int?

    @Option(
        help: ArgumentHelp(
            "Run one loop alone over the baseline on one thread (the engine on `--threads`), for a profiler: `engine`, `hand` (the hand-written loop) or `lanes` (the hand-written loop, 8 trials at a time in SIMD lanes, single precision).",
            valueName: "loop"))
    var loop: Benchmark.Loop?

    @Option(
        help: ArgumentHelp(
            "With `--loop engine`: run the engine on this many threads (default 1).", valueName: "N"))
    var threads: Int?

    func validate() throws {
        if let threads {
            guard loop == .engine else { throw ValidationError("--threads needs --loop engine") }
            guard threads >= 1 && threads <= 256 else {
                throw ValidationError("--threads must be between 1 and 256, not \(threads)")
            }
        }
        if let trials, trials < 1 || trials > 50_000_000 {
            throw ValidationError("--trials must be between 1 and 50,000,000, not \(trials)")
        }
    }

    func run() throws {
        var options = Benchmark.Options(
            quick: quick, baselinePath: baseline, seed: seed, handLoop: !noHandLoop)
        if let trials { options.trialCounts = [trials] }
        do {
            if let loop {
                let n = trials ?? 10_000
                let t = threads ?? 1
                let (seconds, share) = try Benchmark(options: options).runLoop(loop, trials: n, threads: t)
                Output.stdout(
                    "\(loop.rawValue): \(n) trials of the baseline on \(t) thread\(t == 1 ? "" : "s") in \(Format.fixed(seconds * 1000, digits: 2)) ms; P(release by 2026-06) \(Format.percent(share))"
                )
                return
            }
            let report = try Benchmark(options: options).run { Output.stderr("bench: " + $0) }
            Output.stdout(json ? report.json.serialized : report.text)
        } catch {
            let message = error.description
            Output.stderr(message.hasPrefix("error:") ? message : "error: " + message)
            throw ExitCode(1)
        }
    }
}

extension Benchmark.Loop: ExpressibleByArgument {}
