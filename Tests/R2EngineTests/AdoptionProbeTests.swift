import Foundation
import R2Model
import Testing

@testable import R2Engine

/// Per-trial adoption kept at chosen steps, for paired comparisons.
@Suite("Adoption probes")
struct AdoptionProbeTests {
    static let steps = [0, 11, 35]

    func run(threads: Int, trials: Int = 6000, first: Int = 0, conditions: [Condition] = []) throws -> SimulationResult
    {
        try Engine.run(
            try Engine.compile(Fixtures.rich()),
            options: SimulationOptions(
                trials: trials, seed: 5, threads: threads, firstTrial: first, conditions: conditions,
                adoptionProbes: Self.steps))
    }

    @Test func probesAgreeWithTheAdoptionSums() throws {
        let r = try run(threads: 2)
        let probes = try #require(r.adoptionProbes)
        #expect(probes.steps == Self.steps && probes.values.count == 6000 * 3)
        // The mean of the kept values is the mean the fixed-point sums give
        // (each term rounded to 2^-48 there).
        for (j, t) in Self.steps.enumerated() {
            let mean = (0..<r.trials).reduce(0.0) { $0 + probes.value(trial: $1, probe: j) } / Double(r.trials)
            #expect(abs(mean - r.adoptionMean(step: t)) < 1e-12, "step \(t)")
        }
        // The fixture's adoption moves over the clock: the probes see it.
        #expect(r.adoptionMean(step: 35) > r.adoptionMean(step: 0))
    }

    @Test func probesAreIdenticalForAnyThreadCountAndShardSplit() throws {
        let one = try run(threads: 1)
        #expect(try run(threads: 3) == one)
        let merged = try SimulationResult.merged([
            try run(threads: 2, trials: 2500, first: 3500), try run(threads: 1, trials: 3500),
        ])
        #expect(merged == one)
        // Without probes in every shard there are none in the merge.
        var bare = try run(threads: 1, trials: 2500, first: 3500)
        bare.adoptionProbes = nil
        #expect(try SimulationResult.merged([try run(threads: 1, trials: 3500), bare]).adoptionProbes == nil)
    }

    @Test func rejectedTrialsKeepNoValue() throws {
        let r = try run(threads: 2, conditions: [.release(by: Fixtures.month(2025, 12), happened: false)])
        let probes = try #require(r.adoptionProbes)
        #expect(r.accepted > 0 && r.accepted < r.trials)
        for i in 0..<r.trials {
            #expect(r.isRejected(i) == probes.value(trial: i, probe: 1).isNaN)
        }
    }

    @Test func stepsOutsideTheClockAreRefused() throws {
        #expect(throws: SimulationError.self) {
            try Engine.run(
                try Engine.compile(Fixtures.rich()),
                options: SimulationOptions(trials: 10, seed: 1, adoptionProbes: [36]))
        }
    }
}
