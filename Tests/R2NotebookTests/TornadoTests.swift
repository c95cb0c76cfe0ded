import R2Engine
import Testing

@testable import R2Notebook

/// `tornado` draws the last sensitivity analysis only for the state it
/// analysed: after a change of the scenario or of its observations, or for
/// another scenario, it is refused with the reason.
@Suite struct TornadoTests {
    static let text = holdScenario(trials: "2k") + "fleet h800 800 to 1.5k\nsensitivity\n"

    @Test func aTornadoIsOfTheStateItNames() throws {
        let (session, first) = evaluate(Self.text + "tornado\n")
        #expect(!first.failed, "\(first.outputs.map(\.plainText))")
        #expect(first.outputs[1].plainText.hasPrefix("Sensitivity of the median release in held"))
        let changed = session.evaluateCell("r2 post 1 month\ntornado")
        #expect(changed.failed)
        #expect(
            changed.outputs[0].plainText.hasPrefix(
                "error: `held` has changed since its sensitivity analysis (statements or observations)"))
        let observed = evaluate(Self.text + "observe no release by 2025-03\ntornado\n").1
        #expect(observed.outputs.last!.plainText.hasPrefix("error: `held` has changed since its sensitivity analysis"))
        let other = evaluate(Self.text + "scenario other from held\ntornado\n").1
        #expect(
            other.outputs.last!.plainText.hasPrefix("error: the last sensitivity analysis is of `held`, not `other`"))
        let named = evaluate(Self.text + "scenario other from held\ntornado in held\n").1
        #expect(!named.failed)
    }

    /// Pinning one of two correlated inputs leaves the other its own
    /// distribution. It used to keep a copula slot that nothing wrote: the
    /// partner was 0 in every trial and the tornado showed a swing from
    /// nowhere.
    @Test func pinningACorrelatedInputLeavesItsPartnerItsDistribution() throws {
        let (session, e) = evaluate(
            holdScenario(trials: "2k") + """
                let a = uniform(1, 2)
                let b = uniform(0, 1)
                correlate a, b 0.6

                """)
        #expect(!e.failed)
        let scenario = try #require(session.workspace.currentScenario)
        let pinned = try #require(scenario.pinning(.variable(1), to: 0.5))
        let compiled = try Engine.compile(pinned)
        let slot = try #require(compiled.inputs.firstIndex { $0.kind == .variable(0) && $0.isRandom })
        let draws = Engine.inputSamples(compiled, seed: 1, slot: slot, trials: 0..<4000)
        #expect(draws.allSatisfy { $0 >= 1 && $0 <= 2 })
        // uniform(1, 2): mean 1.5, standard error 0.289 / sqrt(4000) = 0.0046.
        let mean = draws.reduce(0, +) / Double(draws.count)
        #expect(abs(mean - 1.5) < 4 * 0.0046)
    }
}
