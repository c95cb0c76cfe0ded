import R2Model
import Testing

@testable import R2Engine

@Suite("Conditions")
struct ConditionTests {
    @Test func aConditionEveryTrialMeetsChangesNothing() throws {
        var s = Fixtures.rich(months: 24)
        s.events[1].probability = .constant(1)
        let plain = try Fixtures.run(s, trials: 5000)
        let conditioned = try Fixtures.run(s, trials: 5000, conditions: [.event(1, fired: true)])
        #expect(conditioned == plain)
        #expect(conditioned.accepted == 5000)
    }

    @Test func conditioningOnNoReleaseByY() throws {
        // tau = 2 + 1 = 3 exactly; P ~ uniform(0, 10): r uniform on [3, 13).
        // Given no release by Y = 6, P(release by X = 9) = (9 - 6) / (13 - 6).
        var s = Fixtures.scenario(months: 24, start: 2, needs: 1000)
        s.chips = [Chip(name: "h800", origin: .foreign, fleet: .constant(1000))]
        s.r2.post = .uniform(low: .constant(0), high: .constant(10))
        let y = Double(Fixtures.jan2025) + 6
        let x = Double(Fixtures.jan2025) + 9
        let result = try Fixtures.run(s, trials: 100_000, conditions: [.release(by: y, happened: false)])
        let expectedAccepted = 0.7
        let n = 100_000.0
        #expect(abs(Double(result.accepted) / n - expectedAccepted) <= 4 * (0.7 * 0.3 / n).squareRoot())
        let accepted = result.acceptedReleases
        #expect(accepted.count == result.accepted)
        #expect(accepted.allSatisfy { $0 > 6 })
        let p = Double(accepted.count { $0 <= x - Double(Fixtures.jan2025) }) / Double(accepted.count)
        let q = 3.0 / 7
        #expect(abs(p - q) <= 4 * (q * (1 - q) / Double(accepted.count)).squareRoot())
        // Rejected trials are NaN and left out of the adoption counts.
        #expect(result.releases.count { $0.isNaN } == 100_000 - result.accepted)
        #expect(result.adoptionHistogram(step: 0).reduce(0) { $0 + Int($1) } == result.accepted)
    }

    @Test func exportAndAdoptionConditions() throws {
        // The reban event (40%) bans h20 from its month: conditioning on the
        // ban in the last month keeps exactly the trials where it fired.
        let s = Fixtures.rich(months: 24)
        let last = Fixtures.jan2025 + 23
        let banned = try Fixtures.run(
            s, trials: 4000, conditions: [.export(chip: 1, month: last, status: .banned)])
        let fired = try Fixtures.run(s, trials: 4000, conditions: [.event(0, fired: true)])
        #expect(banned.releases.map(\.bitPattern) == fired.releases.map(\.bitPattern))
        let high = try Fixtures.run(
            s, trials: 4000, conditions: [.adoption(month: last, comparison: .above, threshold: 0.5)])
        #expect(high.accepted > 0 && high.accepted < 4000)
        #expect(high.adoptionQuantile(step: 23, 0.0) >= 0.5)
    }

    @Test func conditionsOutsideTheScenarioAreErrors() throws {
        let c = try Engine.compile(Fixtures.rich(months: 12))
        #expect(throws: SimulationError.self) {
            try Engine.run(
                c, options: SimulationOptions(trials: 10, seed: 1, conditions: [.event(9, fired: true)]))
        }
        #expect(throws: SimulationError.self) {
            try Engine.run(
                c,
                options: SimulationOptions(
                    trials: 10, seed: 1, conditions: [.adoption(month: 1, comparison: .above, threshold: 0)]))
        }
    }
}
