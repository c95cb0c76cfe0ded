import Foundation
import R2Forecast
import R2Language
import Testing

@testable import R2Notebook

/// Observations are facts about the world: a scenario derived afterwards
/// starts with its parent's, says so, and every chart names them.
@Suite struct ConditioningTests {
    static let text = holdScenario(trials: "4k") + "observe no release by 2025-03\n"

    @Test func aDerivedScenarioInheritsItsParentsObservationsAndSaysSo() throws {
        let (session, e) = evaluate(Self.text + "scenario later from held\nforecast\n")
        #expect(!e.failed)
        let note = try #require(e.outputs.first { $0.plainText.hasPrefix("`later` starts") })
        #expect(note.plainText == "`later` starts with the observation in force for `held`: `observe no release by 2025-03` (`unobserve all` drops them)")
        #expect(session.observations["later"]?.map(\.text) == ["observe no release by 2025-03"])
        // Its forecast is conditioned: K = 0 (release 2.5 months in) is
        // ruled out, so about half the trials are kept.
        let forecast = try #require(e.outputs.last?.plainText)
        #expect(forecast.contains("given observe no release by 2025-03"))
        // A scenario declared before the observation inherits nothing, and
        // switching back to an existing scenario copies nothing.
        let (again, e2) = evaluate(holdScenario(trials: "4k") + "scenario early from held\nuse held\nobserve no release by 2025-03\nuse early\nscenario early from held\n")
        #expect(!e2.failed)
        #expect(again.observations["early"] == nil)
    }

    @Test func chartsNameWhatTheyAreConditionedOn() throws {
        for chart in ["hist release", "cdf release", "fan adoption"] {
            let (_, e) = evaluate(Self.text + chart + "\n")
            let out = try #require(e.outputs.last)
            let lines = out.plainText.split(separator: "\n")
            #expect(lines[1].hasPrefix("       given observe no release by 2025-03 ("), "\(chart): \(lines[1])")
            #expect(lines[1].hasSuffix(" of 4,000 trials kept)"))
            let svg = try #require(out.svg)
            #expect(svg.contains("given observe no release by 2025-03; "))
        }
        // Unconditioned: no such line.
        let (_, plain) = evaluate(holdScenario(trials: "4k") + "hist release\n")
        #expect(!(plain.outputs.last?.plainText.contains("given") ?? true))
    }
}
