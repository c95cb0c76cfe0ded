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

    @Test func tailSharesMatchClosedForms() {
        // Normal(0, 1) outside [-1.96, 1.96]: 5%.
        #expect(abs(ClampWarnings.normalOutside(0, 1, -1.959963984540054, 1.959963984540054) - 0.05) < 1e-12)
        // Lognormal(0, 1) above e: P(Z > 1) = 15.87%.
        #expect(abs(ClampWarnings.logNormalOutside(0, 1, 0, 2.718281828459045) - 0.15865525393145707) < 1e-12)
        // An `a to b` interval leaves 5% above b.
        let share = ClampWarnings.shareOutside(.interval90(low: .constant(10), high: .constant(20)), low: 0, high: 20)
        #expect(abs(share! - 0.05) < 1e-9)
    }
}
