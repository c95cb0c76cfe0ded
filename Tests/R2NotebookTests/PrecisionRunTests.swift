import Foundation
import R2Forecast
import R2Language
import R2Model
import Testing

@testable import R2Notebook

/// Runs to a precision: blocks of 10,000 trials, checks only at block
/// boundaries, so a run that stops at N trials is the run of N trials.
@Suite struct PrecisionRunTests {
    /// The schedule of checks, in closed form.
    @Test func nextCheckGrowsWithTheSquareOfTheErrorRatio() {
        let p = Precision(share: 0.01, cap: 1_000_000)
        // 20,000 x 1.5^2 x 1.1 = 49,500: up to whole blocks.
        #expect(p.nextCheck(after: 20_000, ratio: 1.5) == 50_000)
        // Barely over: at least one more block.
        #expect(p.nextCheck(after: 20_000, ratio: 1.01) == 30_000)
        // Far over: at most four times as many trials.
        #expect(p.nextCheck(after: 20_000, ratio: 10) == 80_000)
        #expect(p.nextCheck(after: 20_000, ratio: .infinity) == 80_000)
        // Never past the cap.
        #expect(p.nextCheck(after: 900_000, ratio: 3) == 1_000_000)
    }

    func session(threads: Int = 2, trials: Int? = nil, cap: Int? = nil) -> Session {
        var c = SessionConfiguration(trials: trials, threads: threads)
        c.expectationCap = cap
        return Session(configuration: c)
    }

    func json(_ s: Session, _ text: String) throws -> [String: Any] {
        let (_, e) = evaluate(text, in: s)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        return object(try #require(e.outputs.last))
    }

    /// P(release by the end of 2025-03) = P(no hold) = 0.5 in the hold
    /// scenario, whose standard error at n trials is 0.5 / sqrt(n): ±0.3%
    /// needs 27,778 trials, more than the first check's 20,000.
    static let half = holdScenario() + "p(release by 2025-03) to ±0.3%\n"

    @Test func aMetricRunsUntilItsErrorMeetsTheTargetAndIsTheRunOfThatMany() throws {
        let out = try json(session(), Self.half)
        let precision = try #require(out["precision"] as? [String: Any])
        let trials = try #require(precision["trials"] as? Int)
        let se = try #require(out["se"] as? Double)
        #expect(precision["reached"] as? Bool == true)
        #expect(trials > Precision.firstCheck && trials % Precision.blockSize == 0)
        #expect(se <= 0.003)
        // The binomial error at that many trials, from the estimate.
        let p = try #require(out["value"] as? Double)
        #expect(abs(se - (p * (1 - p) / Double(trials)).squareRoot()) < 1e-12)
        // Within 4 SE of the true 0.5.
        #expect(abs(p - 0.5) < 4 * se)
        // The same bits as a fixed run of that many trials, in a fresh
        // session (no prefix reused), for 1, 2 and 8 threads.
        for threads in [1, 2, 8] {
            let fixed = try json(session(threads: threads, trials: trials), holdScenario() + "p(release by 2025-03)\n")
            #expect(fixed["value"] as? Double == p)
            #expect(fixed["se"] as? Double == se)
            let again = try json(session(threads: threads), Self.half)
            #expect(again["value"] as? Double == p)
            #expect((again["precision"] as? [String: Any])?["trials"] as? Int == trials)
        }
    }

    @Test func theCapStopsARunThatCannotReachItsTarget() throws {
        let (_, e) = evaluate(holdScenario() + "p(release by 2025-03) to ±0.01% max 40k\n", in: session())
        let text = try #require(e.outputs.last?.plainText)
        #expect(
            text.hasSuffix(
                "\nprecision ±0.01% NOT reached: stopped at the cap of 40,000 trials (±0.25%); raise it with `max`"))
        let out = object(try #require(e.outputs.last))
        let precision = try #require(out["precision"] as? [String: Any])
        #expect(precision["reached"] as? Bool == false)
        #expect(precision["trials"] as? Int == 40_000)
    }

    @Test func aForecastNamesItsLargestErrorAndTheSettingAppliesUnlessTrialsAreImposed() throws {
        let text = holdScenario() + "trials to ±0.4%, ±2 days\nforecast\n"
        let (_, e) = evaluate(text, in: session())
        let out = try #require(e.outputs.last?.plainText)
        let last = try #require(out.split(separator: "\n").last)
        #expect(last.hasPrefix("precision ±0.4%, ±2 days reached at "))
        #expect(last.contains("(largest error ±"))
        let head = try #require(out.split(separator: "\n").first)
        let n = try #require(Int(last.split(separator: " ")[6].replacingOccurrences(of: ",", with: "")))
        #expect(head.hasPrefix("Forecast for held  (\(Format.count(n)) trials"))
        // `--trials` (or `:set trials`) outranks the scenario's precision.
        let (_, imposed) = evaluate(text, in: session(trials: 30_000))
        let forced = try #require(imposed.outputs.last?.plainText)
        #expect(forced.hasPrefix("Forecast for held  (30,000 trials"))
        #expect(!forced.contains("precision"))
    }

    /// `r2cast test --precision`: an expectation 1 point from the true
    /// value needs about (3 x 0.5 / 0.01)^2 = 22,500 trials to stand 3
    /// standard errors clear; one on the true value never does.
    @Test func expectationsAreDecidedByAddingBlocks() throws {
        let text =
            holdScenario() + """
                expect p(release by 2025-03) above 49%
                expect p(release by 2025-03) above 50%
                expect p(release by 2025-03) above 10%

                """
        var seen: [[ExpectationResult]] = []
        for threads in [1, 2] {
            let s = session(threads: threads, cap: 100_000)
            let (_, e) = evaluate(text, in: s)
            #expect(!e.failed)
            let r = s.expectationResults
            #expect(r.count == 3)
            #expect(r[0].decision == .decided)
            #expect(try #require(r[0].marginInStandardErrors) >= 3)
            #expect(try #require(r[0].trials) > Precision.firstCheck)
            #expect(r[1].decision == .undecided(cap: 100_000))
            #expect(r[1].trials == 100_000)
            #expect(r[1].isFragile)
            #expect(
                r[1].line.hasSuffix(
                    "\n      undecided: still within 3 SE of its bound at the cap of 100,000 trials (raise it with --max-trials)"
                ))
            // Far from its bound: decided at the first check.
            #expect(r[2].decision == .decided && r[2].trials == Precision.firstCheck)
            #expect(r[2].line.hasSuffix("\n      decided at 20,000 trials"))
            seen.append(r)
        }
        #expect(seen[0] == seen[1])
    }
}

/// Values typed at the prompt: the engine's draws of a `let`, summarised.
@Suite struct ValueAtThePromptTests {
    /// uniform(0, 1): the median's standard error from 20,000 draws is
    /// 0.5 / sqrt(20,000) = 0.0035 (density 1), the mean's 0.289 / 141 =
    /// 0.0020; both within 4 SE of 0.5.
    @Test func aUniformShareHasItsClosedFormSummary() throws {
        let (_, e) = evaluate(holdScenario() + "let u = uniform(0, 1)\nu\nmean u\n")
        #expect(!e.failed)
        let full = object(e.outputs[0])
        #expect(full["query"] as? String == "value")
        #expect(full["unit"] as? String == "share")
        let p50 = try #require(full["p50"] as? Double)
        let mean = try #require(full["mean"] as? Double)
        #expect(abs(p50 - 0.5) < 4 * 0.0035)
        #expect(abs(mean - 0.5) < 4 * 0.0020)
        #expect(abs(try #require(full["p10"] as? Double) - 0.1) < 4 * 0.0021)
        #expect(full["draws"] as? Int == 20_000)
        let text = e.outputs[0].plainText
        #expect(text.hasPrefix("u  (20,000 draws, seed 11, a share)\n  p10 "))
        #expect(e.outputs[1].plainText.hasPrefix("mean u = "))
        #expect(e.outputs[1].plainText.hasSuffix(", 20,000 draws)"))
    }

    @Test func aConstantAndADate() {
        let (_, e) = evaluate(holdScenario() + "2k * 3\n2025-06 + 2 months\n")
        #expect(
            e.outputs.map(\.plainText) == [
                "2k * 3 = 6,000 (a constant)", "2025-06 + 2 months = 2025-08-01 (a constant)",
            ])
    }
}
