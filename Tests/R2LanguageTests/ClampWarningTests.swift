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
        #expect(errors(text).hasPrefix("warning: about 5% of the draws of a fleet are negative; the engine clamps them to 0\n --> x.r2s:2:12"))
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
        // 2 X with X lognormal of 90% interval 30%..60%: P(X > 50%) = 21.8%.
        #expect(
            errors("pressure 2 * (30% to 60%)") == """
                warning: about 21.8% of this probability's draws fall outside 0% to 100%; the engine clamps them
                 --> x.r2s:1:10
                  |
                1 | pressure 2 * (30% to 60%)
                  |          ^^^^^^^^^^^^^^^^ a bounded distribution, such as `pert(...)` or `beta(...)`, stays inside
                """)
        // X - 2k with X = `1k to 8k` (a `let`): P(X < 2k) = 29.2%.
        let text = "chip h800 foreign perf 1 fail 0\nlet base = 1k to 8k\nlet cut = 2k\nfleet h800 base - cut"
        #expect(errors(text).hasPrefix("warning: about 29.2% of the draws of a fleet are negative; the engine clamps them to 0\n --> x.r2s:4:12"))
        // Far from the bounds: quiet.
        #expect(errors("chip h800 foreign perf 1 fail 0\nfleet h800 3.8k * (1.5 to 8)") == "")
        #expect(errors("pressure 1 - (10% to 30%)") == "")
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
