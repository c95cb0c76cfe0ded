import Foundation
import R2Model
import Testing

@testable import R2Engine

@Suite("Determinism")
struct DeterminismTests {
    static let trials = 9000

    @Test func identicalForAnyThreadCount() throws {
        let compiled = try Engine.compile(Fixtures.rich())
        let runs = try [1, 2, 8].map { threads in
            try Engine.run(
                compiled, options: SimulationOptions(trials: Self.trials, seed: 11, threads: threads))
        }
        #expect(runs[0] == runs[1])
        #expect(runs[0] == runs[2])
        // The scenario exercises the mechanisms (so equality means something).
        let t = runs[0].totals
        #expect(t.switches > 0 && t.restarts > 0 && t.holds > 0 && t.mandated > 0)
        #expect(t.eventFires.allSatisfy { $0 > 0 })
    }

    @Test func shardsMergeToTheSingleRun() throws {
        let compiled = try Engine.compile(Fixtures.rich())
        let whole = try Engine.run(
            compiled, options: SimulationOptions(trials: Self.trials, seed: 11, threads: 2))
        // A split inside a chunk, and three shards given out of order.
        let a = try Engine.run(compiled, options: SimulationOptions(trials: 3333, seed: 11, threads: 1))
        let b = try Engine.run(
            compiled, options: SimulationOptions(trials: 4000, seed: 11, threads: 3, firstTrial: 3333))
        let c = try Engine.run(
            compiled,
            options: SimulationOptions(trials: Self.trials - 7333, seed: 11, threads: 2, firstTrial: 7333))
        let merged = try SimulationResult.merged([c, a, b])
        #expect(merged == whole)
    }

    @Test func resultsSurviveJSON() throws {
        // Non-finite releases need a string strategy; shards decoded from
        // JSON still merge to the single run.
        let compiled = try Engine.compile(Fixtures.rich(months: 12))
        let a = try Engine.run(compiled, options: SimulationOptions(trials: 700, seed: 1))
        let b = try Engine.run(compiled, options: SimulationOptions(trials: 300, seed: 1, firstTrial: 700))
        let whole = try Engine.run(compiled, options: SimulationOptions(trials: 1000, seed: 1))
        #expect(whole.censored > 0)
        let decoded = try [a, b].map(Fixtures.jsonRoundTrip)
        #expect(try SimulationResult.merged(decoded) == whole)
    }

    @Test func mergeRejectsGapsAndOtherSeeds() throws {
        let compiled = try Engine.compile(Fixtures.rich(months: 12))
        let a = try Engine.run(compiled, options: SimulationOptions(trials: 100, seed: 1))
        let gap = try Engine.run(compiled, options: SimulationOptions(trials: 100, seed: 1, firstTrial: 101))
        let other = try Engine.run(
            compiled, options: SimulationOptions(trials: 100, seed: 2, firstTrial: 100))
        #expect(throws: SimulationError.self) { try SimulationResult.merged([a, gap]) }
        #expect(throws: SimulationError.self) { try SimulationResult.merged([a, other]) }
    }

    @Test func aTrialDependsOnlyOnSeedAndIndex() throws {
        // Trial 5000 alone equals trial 5000 of the whole run.
        let compiled = try Engine.compile(Fixtures.rich())
        let whole = try Engine.run(compiled, options: SimulationOptions(trials: 6000, seed: 3))
        let one = try Engine.run(compiled, options: SimulationOptions(trials: 1, seed: 3, firstTrial: 5000))
        #expect(one.releases[0].bitPattern == whole.releases[5000].bitPattern)
        let other = try Engine.run(compiled, options: SimulationOptions(trials: 6000, seed: 4))
        #expect(other.releases != whole.releases)
    }

    @Test func pinningAnInputLeavesTheOthersDraws() throws {
        // Each input slot has its own stream: pinning the fleet of h20 to a
        // constant leaves every other input's value in every trial unchanged.
        let s = Fixtures.rich()
        var pinned = s
        pinned.chips[1].fleet = .constant(2000)
        let a = try Engine.compile(s)
        let b = try Engine.compile(pinned)
        #expect(a.inputs.map(\.stream) == b.inputs.map(\.stream))
        for slot in a.inputs.indices where a.inputs[slot].kind != .fleet(chip: 1) {
            let x = Engine.inputSamples(a, seed: 5, slot: slot, trials: 0..<200)
            let y = Engine.inputSamples(b, seed: 5, slot: slot, trials: 0..<200)
            #expect(x.map(\.bitPattern) == y.map(\.bitPattern), "\(a.inputs[slot].label)")
        }
    }

    @Test func cancellationStopsTheRun() throws {
        let compiled = try Engine.compile(Fixtures.rich())
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: SimulationError.cancelled) {
            try Engine.run(compiled, options: SimulationOptions(trials: 100_000, seed: 1, cancellation: flag))
        }
    }

    @Test func progressReachesTheTrialCount() throws {
        let compiled = try Engine.compile(Fixtures.rich(months: 12))
        let seen = ProgressLog()
        _ = try Engine.run(
            compiled, options: SimulationOptions(trials: 5000, seed: 1, progress: { seen.record($0) }))
        #expect(seen.last == 5000)
    }
}

/// Collects progress reports (called from the run's calling thread).
final class ProgressLog: @unchecked Sendable {
    private(set) var last = 0
    func record(_ n: Int) { last = n }
}
