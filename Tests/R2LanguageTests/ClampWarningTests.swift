import R2Model
import Testing

@testable import R2Language

/// Uncertain inputs whose tails the engine will clamp are warned about;
/// the statement still applies.
@Suite struct ClampWarningTests {
    @Test func aProbabilityIntervalReachingPast100PercentIsWarned() {
        // `50% to 90%` is lognormal with 5% of its draws above 90%:
        // P(X > 1) = Phi(-2.2345) = 1.27%.
        #expect(
            errors("chip h800 foreign perf 1 fail 50% to 90%") == """
                warning: about 1.3% of this probability's draws fall outside 0% to 100%; the engine clamps them
                 --> x.r2s:1:31
                  |
                1 | chip h800 foreign perf 1 fail 50% to 90%
                  |                               ^^^^^^^^^^ a bounded distribution, such as `pert(...)` or `beta(...)`, stays inside
                """)
    }

    @Test func anAmountIntervalFromZeroIsNormalAndWarned() {
        // `0 to 8k` is normal (an end is not above 0): 5% of it lies below 0.
        let text = "chip h800 foreign perf 1 fail 0\nfleet h800 0 to 8k"
        #expect(
            errors(text).hasPrefix(
                "warning: about 5% of the draws of a fleet are negative; the engine clamps them to 0\n --> x.r2s:2:12"))
        // The statement applied: the fleet is the interval.
        let (ws, items) = workspace(text)
        #expect(diagnostics(items).allSatisfy { $0.severity == .warning })
        #expect(ws.currentScenario?.chips.first?.fleet == .interval90(low: .constant(0), high: .constant(8000)))
    }

    @Test func warningsLookThroughLetNamesAndCoverNormals() {
        let text = "let p = normal(50%, 30%)\npressure p"
        // P(X < 0) + P(X > 1) = 2 Phi(-5/3) = 9.56%.
        #expect(errors(text).hasPrefix("warning: about 9.6% of this probability's draws fall outside 0% to 100%"))
        #expect(errors(text).contains(" --> x.r2s:2:10"))
    }

    @Test func nothingToWarnAboutIsQuiet() {
        for text in [
            "chip h800 foreign perf 1 fail 1% to 4%",  // P(> 100%) is about 1e-45
            "chip h800 foreign perf 1 fail pert(50%, 70%, 95%)",  // bounded
            "chip h800 foreign perf 1 fail 0\nfleet h800 1k to 8k",  // lognormal
            "pressure uniform(0, 1)",
        ] {
            #expect(errors(text) == "", "\(text)")
        }
    }

    /// A distribution shifted or scaled by constants (`let` names looked
    /// through) is checked in closed form too.
    @Test func scaledAndShiftedDistributionsAreWarned() {
        // 2 X with X lognormal of 90% interval 20%..45%: written 40%..90%,
        // mu = -1.20397, sigma = 0.24651, P(X > 50%) = Phi(-2.0722) = 1.91%.
        #expect(
            errors("pressure 2 * (20% to 45%)") == """
                warning: about 1.9% of this probability's draws fall outside 0% to 100%; the engine clamps them
                 --> x.r2s:1:10
                  |
                1 | pressure 2 * (20% to 45%)
                  |          ^^^^^^^^^^^^^^^^ a bounded distribution, such as `pert(...)` or `beta(...)`, stays inside
                """)
        // X - 2k with X = normal(5k, 3k) (a `let`): P(X < 2k) = Phi(-1) = 15.9%.
        let text = "chip h800 foreign perf 1 fail 0\nlet base = normal(5k, 3k)\nlet cut = 2k\nfleet h800 base - cut"
        #expect(
            errors(text) == """
                warning: about 15.9% of the draws of a fleet are negative; the engine clamps them to 0
                 --> x.r2s:4:12
                  |
                4 | fleet h800 base - cut
                  |            ^^^^^^^^^^ `max(0, ...)` makes the clamp explicit
                """)
        // Far from the bounds: quiet.
        #expect(errors("chip h800 foreign perf 1 fail 0\nfleet h800 3.8k * (1.5 to 8)") == "")
        #expect(errors("pressure 1 - (10% to 30%)") == "")
    }

    /// A bounded or written range moved by constants is the same
    /// distribution written out, and gets the same error.
    @Test func scaledRangesAreCheckedLikeWrittenOnes() {
        #expect(
            errors("chip a domestic perf 1 fail pert(10%, 25%, 50%) * 3") == """
                error: a probability must lie between 0% and 100%
                 --> x.r2s:1:29
                  |
                1 | chip a domestic perf 1 fail pert(10%, 25%, 50%) * 3
                  |                             ^^^^^^^^^^^^^^^^^^^^^^^ this reaches 150%
                """)
        #expect(errors("pressure 2 * (30% to 60%)").hasPrefix("error: a probability must lie between 0% and 100%"))
        #expect(errors("pressure 2 * (30% to 60%)").contains("this reaches 120%"))
        #expect(errors("pressure 1 - uniform(-10%, 50%)").contains("this reaches 110%"))
        #expect(errors("pressure -(10% to 20%) + 1") == "")
        let fleet = "chip h800 foreign perf 1 fail 0\nlet base = 1k to 8k\nfleet h800 base - 2k"
        #expect(errors(fleet).hasPrefix("error: a fleet cannot be negative\n --> x.r2s:3:12"))
        #expect(errors(fleet).contains("this reaches -1000"))
        #expect(errors("chip h800 foreign perf 1 fail 0\nfleet h800 (1k to 8k) / 2") == "")
    }

    /// Values with no closed form (arithmetic on two distributions) are
    /// drawn by the workspace's sampler, only when their support crosses a
    /// bound, with the scenario's variables.
    @Test func compoundValuesAreEstimatedBySampling() {
        let calls = Calls()
        let sampler = TailSampler(draws: 20_000) { value, variables, low, high in
            calls.record("\(value) \(variables.map(\.name)) [\(low), \(high)]")
            return 0.157
        }
        var ws = Workspace(tailSampler: sampler)
        let text = "let x = pert(10%, 50%, 90%)\nchip c foreign perf 1 fail x * (1 to 2)"
        #expect(
            errors(text, in: &ws) == """
                warning: about 15.7% of this probability's draws fall outside 0% to 100%; the engine clamps them
                 --> x.r2s:2:28
                  |
                2 | chip c foreign perf 1 fail x * (1 to 2)
                  |                            ^^^^^^^^^^^^ a bounded distribution, such as `pert(...)` or `beta(...)`, stays inside
                  = note: estimated from 20,000 draws of the value: arithmetic on distributions has no closed form here
                """)
        #expect(
            calls.list == [
                "binary(R2Model.Value.BinaryOperator.multiply, R2Model.Value.variable(0), R2Model.Value.interval90(low: R2Model.Value.constant(1.0), high: R2Model.Value.constant(2.0))) [\"x\"] [0.0, 1.0]"
            ])
        // Supports inside the bounds are never drawn: products and
        // quotients of positive draws are never negative, a pert times a
        // beta stays in [0, 1], a max with 0 is the clamp written out.
        calls.list = []
        let quiet = """
            chip a domestic perf 1 fail 0
            let output = 0.2M to 0.8M
            let y0 = pert(20%, 35%, 50%)
            make a output / 12 * pert(0.5%, 1.5%, 4%) / y0
            fleet a max(0, (1k to 2k) - (500 to 2k))
            pressure pert(10%, 50%, 90%) * beta(2, 3)
            """
        #expect(errors(quiet, in: &ws) == "")
        #expect(calls.list == [])
        // Without a sampler nothing is estimated, and nothing is said.
        #expect(errors(text) == "")
    }

    @Test func supportsFollowIntervalArithmetic() {
        let positive = Value.interval90(low: .constant(1), high: .constant(2))
        let normal = Value.normal(mean: .constant(0), sd: .constant(1))
        let pert = Value.pert(low: .constant(-1), mode: .constant(0), high: .constant(3))
        let unit = Value.beta(alpha: .constant(2), beta: .constant(2))
        func support(_ v: Value) -> [Double] {
            let (a, b) = ClampWarnings.support(v)
            return [a, b]
        }
        #expect(support(positive) == [0, .infinity])
        #expect(support(.interval90(low: .constant(0), high: .constant(2))) == [-.infinity, .infinity])
        #expect(support(normal) == [-.infinity, .infinity])
        #expect(support(.binary(.subtract, positive, pert)) == [-3, .infinity])
        #expect(support(.binary(.multiply, pert, unit)) == [-1, 3])
        #expect(support(.binary(.multiply, positive, pert)) == [-.infinity, .infinity])
        #expect(support(.binary(.multiply, unit, positive)) == [0, .infinity])
        #expect(support(.binary(.divide, unit, positive)) == [0, .infinity])
        #expect(support(.binary(.divide, .negate(unit), positive)) == [-.infinity, 0])
        #expect(support(.binary(.divide, unit, pert)) == [-.infinity, .infinity])
        #expect(support(.binary(.divide, pert, .constant(2))) == [-0.5, 1.5])
        #expect(support(.binary(.maximum, .constant(0), normal)) == [0, .infinity])
        #expect(support(.binary(.minimum, unit, .constant(0.5))) == [0, 0.5])
        #expect(support(.mixture(components: [.constant(0), pert], weights: [0.5, 0.5])) == [-1, 3])
    }

    @Test func tailSharesMatchClosedForms() {
        // Scaling, shifting and negation move the bounds, not the draws.
        let x = Value.interval90(low: .constant(10), high: .constant(20))
        let shifted = ClampWarnings.shareOutside(.binary(.subtract, x, .constant(20)), low: -.infinity, high: 0)
        #expect(abs(shifted! - 0.05) < 1e-9)
        let scaled = ClampWarnings.shareOutside(.binary(.multiply, .constant(-2), x), low: -40, high: .infinity)
        #expect(abs(scaled! - 0.05) < 1e-9)
        let negated = ClampWarnings.shareOutside(.negate(x), low: 0, high: .infinity)
        #expect(negated == 1)  // every draw of -X is negative
        let reflected = ClampWarnings.shareOutside(.binary(.subtract, .constant(30), x), low: 10, high: .infinity)
        #expect(abs(reflected! - 0.05) < 1e-9)  // 30 - X < 10 when X > 20
        #expect(ClampWarnings.shareOutside(.binary(.add, x, x), low: 0, high: 1) == nil)
        // Normal(0, 1) outside [-1.96, 1.96]: 5%.
        #expect(abs(ClampWarnings.normalOutside(0, 1, -1.959963984540054, 1.959963984540054) - 0.05) < 1e-12)
        // Lognormal(0, 1) above e: P(Z > 1) = 15.87%.
        #expect(abs(ClampWarnings.logNormalOutside(0, 1, 0, 2.718281828459045) - 0.15865525393145707) < 1e-12)
        // An `a to b` interval leaves 5% above b.
        let share = ClampWarnings.shareOutside(.interval90(low: .constant(10), high: .constant(20)), low: 0, high: 20)
        #expect(abs(share! - 0.05) < 1e-9)
    }
}

/// What a stub sampler was asked, in order.
final class Calls: @unchecked Sendable {
    var list: [String] = []
    func record(_ call: String) { list.append(call) }
}
