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
        #expect(changed.outputs[0].plainText.hasPrefix("error: `held` has changed since its sensitivity analysis (statements or observations)"))
        let observed = evaluate(Self.text + "observe no release by 2025-03\ntornado\n").1
        #expect(observed.outputs.last!.plainText.hasPrefix("error: `held` has changed since its sensitivity analysis"))
        let other = evaluate(Self.text + "scenario other from held\ntornado\n").1
        #expect(other.outputs.last!.plainText.hasPrefix("error: the last sensitivity analysis is of `held`, not `other`"))
        let named = evaluate(Self.text + "scenario other from held\ntornado in held\n").1
        #expect(!named.failed)
    }
}
