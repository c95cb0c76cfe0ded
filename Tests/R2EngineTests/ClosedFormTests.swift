import Numerics
import R2Model
import Testing

@testable import R2Engine

/// Scenarios whose outcome is known in closed form.
@Suite("Closed forms")
struct ClosedFormTests {
    /// One foreign chip of `fleet` units and `perf`, nothing random.
    static func constantFleet(fleet: Double = 1000, perf: Double = 1, start: Int = 2, needs: Double = 4500)
        -> Scenario
    {
        var s = Fixtures.scenario(months: 24, start: start, needs: needs)
        s.chips = [Chip(name: "h800", origin: .foreign, fleet: .constant(fleet))]
        Fixtures.set(&s, chip: 0, .perf, .constant(perf))
        return s
    }

    @Test func constantFleetCompletesAtStartPlusNeedsOverCapacity() throws {
        // tau = start + C / (fleet * perf) = 2 + 4500 / 1000 = 6.5; release adds P exactly.
        var s = Self.constantFleet()
        let result = try Fixtures.run(s, trials: 100)
        #expect(result.releases.allSatisfy { $0 == 6.5 })
        s.r2.post = .constant(1.25)
        let withPost = try Fixtures.run(s, trials: 100)
        #expect(withPost.releases.allSatisfy { $0 == 6.5 + 1.25 })
        // A capacity that does not divide C: 2 + 1000 / 300.
        let odd = try Fixtures.run(Self.constantFleet(fleet: 300, needs: 1000), trials: 10)
        #expect(
            odd.releases.allSatisfy {
                // Single precision: within an ulp or two of a Float.
                $0.isApproximatelyEqual(to: 2 + 1000.0 / 300, relativeTolerance: 3e-7)
            })
        #expect(odd.totals.completed == 10)
    }

    /// A capacity that overflows single precision (10^25 x 10^25) is
    /// infinite: training completes in its first month, at its start, as
    /// C / capacity -> 0 gives; nothing becomes NaN or drops the trial.
    @Test func anOverflowingCapacityCompletesAtOnce() throws {
        let result = try Fixtures.run(Self.constantFleet(fleet: 1e25, perf: 1e25), trials: 40)
        #expect(result.accepted == 40)
        #expect(result.releases.allSatisfy { $0 == 2 })
    }

    @Test func holdsAreGeometric() throws {
        // K geometric with P(K = k) = h^k (1 - h): mean h/(1-h), variance h/(1-h)^2; 4 SE.
        var s = Self.constantFleet()
        s.r2.holdProbability = .constant(0.4)
        s.r2.holdMonths = .constant(2)
        let n = 200_000
        let result = try Fixtures.run(s, trials: n)
        let h = 0.4
        let mean = h / (1 - h)
        let se = (h / ((1 - h) * (1 - h)) / Double(n)).squareRoot()
        #expect(abs(Double(result.totals.holds) / Double(n) - mean) <= 4 * se)
        // Each release is tau + K * H exactly.
        #expect(result.releases.allSatisfy { ($0 - 6.5) / 2 == (($0 - 6.5) / 2).rounded() })
        let meanRelease = result.releases.reduce(0, +) / Double(n)
        #expect(abs(meanRelease - (6.5 + 2 * mean)) <= 4 * 2 * se)
    }

    @Test func licensedPurchasesArriveWithTheirProbability() throws {
        // Final fleet = fleet0 + b * Binomial(T, p): mean fleet0 + b p T, 4 SE.
        var s = Fixtures.scenario(months: 24, start: 30)
        s.chips = [Chip(name: "h20", origin: .foreign, fleet: .constant(100))]
        Fixtures.set(&s, chip: 0, .buy, .constant(50))
        Fixtures.export(&s, chip: 0, .licensed(.constant(0.3)))
        let n = 100_000
        let result = try Fixtures.run(s, trials: n)
        let (b, p, t) = (50.0, 0.3, 24.0)
        let mean = result.totals.finalFleetTotal(chip: 0) / Double(n)
        let se = (b * b * t * p * (1 - p) / Double(n)).squareRoot()
        #expect(abs(mean - (100 + b * p * t)) <= 4 * se)
    }

    @Test func fullPressureForcesTheDomesticChip() throws {
        // Pressure 100%: every trial is mandated onto the domestic chip and
        // trains at its capacity: tau = 1 + 3000 / (2000 * 0.5) = 4.
        var s = Fixtures.scenario(months: 24, start: 1, needs: 3000)
        s.chips = [
            Chip(name: "h800", origin: .foreign, fleet: .constant(10_000)),
            Chip(name: "ascend", origin: .domestic, fleet: .constant(2000)),
        ]
        Fixtures.set(&s, chip: 1, .perf, .constant(0.5))
        Fixtures.pressure(&s, 1)
        let result = try Fixtures.run(s, trials: 1000)
        #expect(result.totals.mandated == 1000)
        #expect(result.releases.allSatisfy { $0 == 4 })
        let trace = Engine.trace(try Engine.compile(s), seed: 7, trial: 3)
        #expect(trace.months[1].training?.chip == 1 && trace.months[1].training?.mandated == true)
    }

    @Test func failingEveryMonthNeverCompletes() throws {
        // fail = 1: no month makes progress, whatever rho; restarts ~ rho * failures (4 SE).
        var s = Self.constantFleet(start: 0)
        Fixtures.set(&s, chip: 0, .fail, .constant(1))
        s.r2.restart = .constant(0.3)
        let n = 2000
        let result = try Fixtures.run(s, trials: n)
        #expect(result.releases.allSatisfy { $0 == .infinity })
        #expect(result.totals.completed == 0)
        #expect(result.censored == n)
        let failures = result.totals.failures
        #expect(failures == n * 24)
        let se = (Double(failures) * 0.3 * 0.7).squareRoot()
        #expect(abs(Double(result.totals.restarts) - 0.3 * Double(failures)) <= 4 * se)
    }

    /// A lab that starts on a failing domestic chip (no foreign capacity at
    /// step 0), switches at the end of step 1 to a foreign chip bought in
    /// month 1, and ports for `port` months.
    static func portScenario(port: Double, needs: Double = 3000) -> Scenario {
        var s = Fixtures.scenario(months: 24, start: 0, needs: needs)
        s.chips = [
            Chip(name: "h800", origin: .foreign),
            Chip(name: "ascend", origin: .domestic, fleet: .constant(500)),
        ]
        Fixtures.set(&s, chip: 0, .buy, .constant(1000), fromStep: 1)
        Fixtures.set(&s, chip: 0, .buy, .constant(0), fromStep: 2)
        Fixtures.set(&s, chip: 1, .fail, .constant(1))
        s.r2.switchAfter = .constant(1)
        s.r2.portMonths = .constant(port)
        return s
    }

    @Test(arguments: [(3000.0, 2.5), (250.0, 2.5), (3000.0, 1.0), (700.0, 0.25)])
    func aPortStallDelaysByItsLength(needs: Double, port: Double) throws {
        let without = try Fixtures.run(Self.portScenario(port: 0, needs: needs), trials: 20)
        let with = try Fixtures.run(Self.portScenario(port: port, needs: needs), trials: 20)
        // Single precision: within an ulp or two of a Float.
        #expect(without.releases[0].isApproximatelyEqual(to: 2 + needs / 1000, relativeTolerance: 3e-7))
        #expect(
            with.releases.allSatisfy {
                $0.isApproximatelyEqual(to: without.releases[0] + port, relativeTolerance: 3e-7)
            })
        #expect(with.totals.switches == 20 && with.totals.failures == 40)
    }

    @Test func adoptionOnAConstantFleet() throws {
        // Foreign 1000 x 1, domestic 500 x 0.6: A = 300 / 1300 every month.
        var s = Fixtures.scenario(months: 12)
        s.chips = [
            Chip(name: "h800", origin: .foreign, fleet: .constant(1000)),
            Chip(name: "ascend", origin: .domestic, fleet: .constant(500)),
        ]
        Fixtures.set(&s, chip: 1, .perf, .constant(0.6))
        let result = try Fixtures.run(s, trials: 500)
        let a = 300.0 / 1300
        for t in 0..<12 {
            // A is computed in single precision (relative error below 2^-23).
            #expect(abs(result.adoptionMean(step: t) - a) <= 1.2e-7 * a)
            #expect(abs(result.adoptionQuantile(step: t, 0.5) - a) <= 1.0 / 2000)
            #expect(result.adoptionVariance(step: t) <= 1e-12)
        }
    }

    @Test func adoptionFollowsYields() throws {
        // Domestic make 100 per month at yield min(0.8, 0.5 + 0.1 t):
        // Dom_t = 0.5 (200 + sum_{s <= t} 100 min(0.8, 0.5 + 0.1 s)), For = 1000.
        var s = Fixtures.scenario(months: 8)
        s.chips = [
            Chip(name: "h800", origin: .foreign, fleet: .constant(1000)),
            Chip(name: "ascend", origin: .domestic, fleet: .constant(200)),
        ]
        Fixtures.set(&s, chip: 1, .perf, .constant(0.5))
        Fixtures.set(&s, chip: 1, .make, .constant(100))
        Fixtures.set(&s, chip: 1, .yieldStart, .constant(0.5))
        Fixtures.set(&s, chip: 1, .yieldGrowth, .constant(0.1))
        Fixtures.set(&s, chip: 1, .yieldCap, .constant(0.8))
        let result = try Fixtures.run(s, trials: 100)
        var units = 200.0
        for t in 0..<8 {
            units += 100 * min(0.8, 0.5 + 0.1 * Double(t))
            let a = 0.5 * units / (0.5 * units + 1000)
            #expect(result.adoptionMean(step: t).isApproximatelyEqual(to: a, relativeTolerance: 5e-7))
        }
        #expect(
            result.totals.finalFleetTotal(chip: 1).isApproximatelyEqual(
                to: 100 * units, relativeTolerance: 1e-9))
    }

    @Test func censoringIsExactAtTheHorizon() throws {
        // T = 24; tau = 6.5. P = 17.5 puts r exactly at T: censored. P = 17.49: not.
        var s = Self.constantFleet()
        s.r2.post = .constant(17.5)
        let atHorizon = try Fixtures.run(s, trials: 50)
        #expect(atHorizon.releases.allSatisfy { $0 == 24 })
        #expect(atHorizon.censored == 50)
        #expect(atHorizon.isCensored(0))
        s.r2.post = .constant(17.49)
        let before = try Fixtures.run(s, trials: 50)
        #expect(before.censored == 0)
        // Training that starts after the horizon never completes: r = +infinity.
        let late = try Fixtures.run(Self.constantFleet(start: 30), trials: 10)
        #expect(late.releases.allSatisfy { $0 == .infinity } && late.censored == 10)
    }

    /// The platform is chosen at the first training step even when no chip
    /// has capacity yet (spec/model-v1.md step 3: not mandated, "the
    /// foreign chip with the largest capacity (if none has capacity, the
    /// domestic one)"); the choice was once deferred until some chip had
    /// capacity. With one chip, training simply waits for its fleet.
    @Test func aChipWithoutCapacityIsChosenAtTheFirstStep() throws {
        var s = Fixtures.scenario(months: 24, start: 0, needs: 1000)
        s.chips = [Chip(name: "h800", origin: .foreign)]
        Fixtures.set(&s, chip: 0, .buy, .constant(1000), fromStep: 3)
        Fixtures.set(&s, chip: 0, .buy, .constant(0), fromStep: 4)
        let result = try Fixtures.run(s, trials: 10)
        #expect(result.releases.allSatisfy { $0 == 4 })
        let trace = Engine.trace(try Engine.compile(s), seed: 7, trial: 0)
        #expect(trace.months[0].training?.chip == 0 && trace.months[0].training?.mandated == false)
        #expect(trace.months[3].training?.chip == 0)
    }

    /// A foreign chip licensed at 50% orders 3,000 a month; a domestic one
    /// gets 1,000 units a month from step 5. Where step 0's order goes
    /// through (half the trials) the lab trains on the foreign chip and
    /// completes at tau = 1; elsewhere nothing has capacity, so it takes the
    /// domestic chip and stays there: 1,000 at step 5, 3,000 at step 6,
    /// tau = 7. Deferring the choice moved most of those trials onto a
    /// later foreign order.
    @Test func withNoCapacityTheLabTakesTheDomesticChip() throws {
        var s = Fixtures.scenario(months: 24, start: 0, needs: 3000)
        s.chips = [Chip(name: "h20", origin: .foreign), Chip(name: "asc", origin: .domestic)]
        Fixtures.set(&s, chip: 0, .buy, .constant(3000))
        Fixtures.export(&s, chip: 0, .licensed(.constant(0.5)))
        Fixtures.set(&s, chip: 1, .make, .constant(1000), fromStep: 5)
        let n = 4000
        let result = try Fixtures.run(s, trials: n)
        #expect(result.releases.allSatisfy { $0 == 1 || $0 == 7 }, "\(Set(result.releases))")
        let early = Double(result.releases.filter { $0 == 1 }.count) / Double(n)
        #expect(abs(early - 0.5) <= 4 * (0.25 / Double(n)).squareRoot(), "\(early)")
    }

    /// `switch after 0 failures`: failures >= 0 always holds, so the lab
    /// tries to move at the end of every domestic step (k was raised to 1,
    /// so without a failure it never moved). Mandated onto the domestic
    /// chip at step 0 (pressure 100%), its move is blocked at the end of
    /// step 0 and goes through at the end of step 1 (pressure 0): progress
    /// 2,000, a one-month port (step 2 trains nothing), then 1,000 a month
    /// on h800 until 5,000 at the end of step 5: tau = 6 (never moving,
    /// it would finish at 5).
    @Test func switchAfterZeroFailuresMovesAtTheFirstChance() throws {
        var s = Fixtures.scenario(months: 24, start: 0, needs: 5000)
        s.chips = [
            Chip(name: "h800", origin: .foreign, fleet: .constant(1000)),
            Chip(name: "asc", origin: .domestic, fleet: .constant(1000)),
        ]
        Fixtures.pressure(&s, 1)
        Fixtures.pressure(&s, 0, fromStep: 1)
        s.r2.switchAfter = .constant(0)
        s.r2.portMonths = .constant(1)
        let result = try Fixtures.run(s, trials: 32)
        #expect(result.releases.allSatisfy { $0 == 6 }, "\(Set(result.releases))")
        s.r2.switchAfter = .constant(1)
        #expect(try Fixtures.run(s, trials: 32).releases.allSatisfy { $0 == 5 })
    }
}
