import Foundation
import R2Forecast
import R2Language
import Testing

@testable import R2Notebook

@Suite struct ExpectationTests {
    func results(_ text: String) -> (Session.Evaluation, [ExpectationResult]) {
        let (session, e) = evaluate(text)
        return (e, session.expectationResults)
    }

    @Test func passFailAndMarginInStandardErrors() throws {
        // P(release by the end of 2025-04) = 0.75, se = sqrt(0.75 * 0.25 / 40000) ~ 0.00217.
        let (e, r) = results(
            holdScenario() + """
                expect p(release by 2025-04) between 70% and 80%
                expect p(release by 2025-04) above 90%
                expect p(release by 2025-04) below 75%

                """)
        #expect(!e.failed)
        #expect(r.count == 3)
        #expect(r[0].status == .passed)
        #expect(r[0].isFragile == false)
        let margin = try #require(r[0].marginInStandardErrors)
        #expect(margin > 15 && margin < 30)
        #expect(r[1].status == .failed)
        #expect(r[1].bound == "above 90.0%")
        // 75% is the true value: the estimate lies within a few tenths of a standard error of it.
        #expect(r[2].isFragile)
        #expect(r[2].line.contains("FRAGILE"))
        #expect(r[0].location == "test.r2s:9")
    }

    /// A fragile margin is cut to one decimal, never rounded up to the
    /// fragile line: "[margin 3.0 SE < 3]" contradicted itself.
    @Test func fragileMarginsNeverReadAsThree() {
        func line(_ m: Double) -> String {
            ExpectationResult(
                location: "f.r2s:1", statement: "expect censored below 10%", status: .passed, estimate: "9.0%",
                bound: "below 10.0%", standardError: "0.3%", marginInStandardErrors: m
            ).line
        }
        #expect(line(2.97).hasSuffix("[margin 2.9 SE < 3: another seed could flip it]"))
        #expect(line(2.999_999).hasSuffix("[margin 2.9 SE < 3: another seed could flip it]"))
        #expect(line(0.04).hasSuffix("[margin 0.0 SE < 3: another seed could flip it]"))
        #expect(line(3.0).hasSuffix("[margin 3.0 SE]"))
        #expect(line(3.04).hasSuffix("[margin 3.0 SE]"))
        #expect(line(12.25).hasSuffix("[margin 12.3 SE]"))
        #expect(line(17.96).hasSuffix("[margin 18.0 SE]"))
        #expect(line(99.97).hasSuffix("[margin >100 SE]"))
        #expect(line(250).hasSuffix("[margin >100 SE]"))
    }

    /// A day bound is shown as written: a day's start read back in floating
    /// point once fell a hair short of it and showed the day before
    /// (`before 2025-08-13` printed "expected before 2025-08-12").
    @Test func dayBoundsAreShownAsWritten() throws {
        let (_, r) = results(
            holdScenario(h: "0%") + """
                expect median release before 2025-08-13
                expect median release before 2025-12-02
                expect quantile 90% release before 2025-11-03
                expect median release after 2025-08-13

                """)
        #expect(
            r.map(\.bound) == [
                "before 2025-08-13", "before 2025-12-02", "before 2025-11-03", "after 2025-08-13",
            ])
    }

    @Test func releaseDateBoundsCoverWholeMonths() throws {
        // Holds 0%: every trial releases at 2.5 months, 2025-03-16.
        let (_, r) = results(
            holdScenario(h: "0%") + """
                expect median release between 2025-03 and 2025-03
                expect median release before 2025-04
                expect median release after 2025-02
                expect median release after 2025-03

                """)
        #expect(r.map(\.status) == [.passed, .passed, .passed, .failed])
        #expect(r[0].estimate == "2025-03-16")
    }

    /// Between scenarios the error is that of the paired difference under
    /// common random numbers: a hold probability of 30% instead of 50% moves
    /// P(release by 2025-04) from 0.75 to about 0.85, and the two runs differ
    /// only in the trials whose one hold draw falls between the two (about a
    /// tenth), so the paired error is about sqrt(0.1 x 0.9 / n) = 0.0015,
    /// under the independent sqrt(2 p (1 - p) / n) = 0.0028.
    @Test func scenarioDifferencesUseThePairedError() throws {
        let (e, r) = results(
            holdScenario() + """
                scenario less from held
                r2 hold 30% for 1 month
                expect p(release by 2025-04) in less above held by 5% or more
                expect median release in less earlier than held

                """)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let independent = (2 * 0.8 * 0.2 / 40_000).squareRoot()
        let se = try #require(r[0].standardError)
        let value = try #require(Double(se.replacingOccurrences(of: "%", with: ""))) / 100
        #expect(value > 0.0012 && value < 0.0020 && value < independent, "\(se)")
        #expect(r[0].status == .passed)
        // The median is 2.5 months in both (no hold at the median trial of
        // either): an exact tie under common random numbers, so it fails.
        #expect(r[1].status == .failed)
        #expect(r[1].estimate.contains("identical under common random numbers"))
    }

    @Test func scenarioDifferences() throws {
        let (e, r) = results(
            holdScenario(h: "0%") + """
                scenario slow from held
                r2 needs 5.5k chip-months
                expect median release in slow later than held by 3 months or more
                expect median release in slow later than held by 4 months or more
                expect median release in held earlier than slow by 2 months or more

                """)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        #expect(r.map(\.status) == [.passed, .failed, .passed])
        #expect(r[0].estimate.hasPrefix("+3.0 months"))
    }

    @Test func censoredAndAdoptionMetrics() throws {
        let (_, r) = results(
            """
            scenario mix
            clock 2025-01 to 2025-12
            trials 2k
            chip h800 foreign perf 1
            chip asc domestic perf 0.5
            fleet h800 1k
            fleet asc 1k
            r2 start 2025-01 needs 100k chip-months
            expect censored above 99%
            expect adoption at 2025-06 between 33% and 34%

            """)
        // Capacity 1000 vs 500: adoption is exactly 1/3 every month; training never completes.
        #expect(r.map(\.status) == [.passed, .passed])
    }

    @Test func unknownScenarioInAnExpectationIsADiagnostic() {
        let (e, r) = results(holdScenario() + "expect median release in hawkish later than held by 1 month or more\n")
        #expect(e.failed)
        #expect(r.isEmpty)
        #expect(e.outputs.last?.plainText.contains("unknown scenario `hawkish`") == true)
    }

    /// A share estimated at 0 has a binomial error of 0, which made the
    /// margin infinite: `expect censored below 0.01%` passed with
    /// certainty on 2,000 trials none of which was censored. Its error is now
    /// that of 1 in n + 2, so the expectation passes but is fragile, and the
    /// bound shows as written.
    @Test func aShareAtZeroIsNotCertain() throws {
        let (session, e) = evaluate(holdScenario(trials: "2000") + "expect censored below 0.01%\n")
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let result = try #require(session.expectationResults.last)
        #expect(result.status == .passed && result.isFragile)
        let text = e.outputs.last!.plainText
        #expect(text.hasPrefix("PASS FRAGILE"), "\(text)")
        #expect(text.contains("(±0.050%, none of 2,000 on the other side)") && text.contains("below 0.01%"), "\(text)")
    }

    /// The mean of the released trials, with none released, is undefined:
    /// it printed "after 2025-06 (the quantile falls after the horizon)",
    /// and `expect mean release after 2024-01` passed on it. It is now
    /// "n/a" with the reason, and an expectation on it fails whatever its
    /// bound; a quantile still falls after the horizon.
    @Test func aMeanOfNoReleasedTrialIsUndefined() throws {
        let never = """
            scenario s
            clock 2025-01 to 2025-06
            trials 2000
            chip h foreign perf 1 fail 1%
            fleet h 1k
            r2 start 2025-02 needs 300k chip-months post 1 month
            mean release
            median release
            expect mean release before 2026-01
            expect mean release after 2024-01

            """
        let (session, e) = evaluate(never)
        let texts = e.outputs.map(\.plainText)
        #expect(texts[0] == "mean release = n/a  (no kept trial released by the end of 2025-06)")
        #expect(texts[1] == "median release = after 2025-06  (the quantile falls after the horizon)")
        let results = session.expectationResults
        #expect(results.count == 2 && results.allSatisfy { $0.status == .failed })
        #expect(results.allSatisfy { $0.estimate == "n/a (no kept trial released by the end of 2025-06)" })
        #expect(results.allSatisfy { $0.marginInStandardErrors == nil })
        #expect(object(e.outputs[0])["months"] is NSNull)
    }

    /// A share bound no estimate can meet (`above 100%`, `below 0%`) fails
    /// without being called fragile ("another seed could flip it": none
    /// can), and says why; one a hair inside the range is still fragile.
    @Test func anUnreachableBoundIsNotFragile() throws {
        let (session, e) = evaluate(
            holdScenario(trials: "2000") + """
                expect p(release by 2025-04) above 100%
                expect p(release by 2024-06) below 0%
                expect p(release by 2026-12) above 99.99%

                """)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let r = session.expectationResults
        #expect(r.count == 3)
        for result in r[0...1] {
            #expect(result.status == .failed && !result.isFragile && result.marginInStandardErrors == nil)
        }
        #expect(r[0].warning == "no share lies above 100%: this bound cannot be met")
        #expect(r[1].warning == "no share lies below 0%: this bound cannot be met")
        #expect(r[0].line.hasSuffix("\n      warning: no share lies above 100%: this bound cannot be met"))
        #expect(r[2].isFragile && r[2].warning == nil)
    }

    /// A sector share is a mean over the trials where it is defined: at 1 in
    /// every one of them, its error floor is that of 1 in n + 2 for n those
    /// trials (it used the kept count, twice as many here), and the
    /// expectation says how many were left out (text and JSON).
    @Test func aSectorShareAtOneUsesTheTrialsWhereItIsDefined() throws {
        let (session, e) = evaluate(
            """
            scenario s
            clock 2025-01 to 2026-12
            trials 2000
            chip h foreign perf 1 fail 1%
            chip d domestic perf 0.5 fail 1%
            fleet h 1k
            r2 start 2025-02 needs 3k chip-months post 1 month
            sector make d mixture(0 @ 50%, 100 @ 50%) per month
            expect sector share in 2025 above 99%

            """)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let result = try #require(session.expectationResults.last)
        let undefined = try #require(result.undefinedTrials)
        let defined = 2000 - undefined
        // About half the trials make nothing: within 5 SE of 1,000 (SE 22.4).
        #expect(abs(Double(defined) - 1000) < 5 * 22.4)
        let n = Double(defined)
        let floor = (1 / (n + 2) * (1 - 1 / (n + 2)) / n).squareRoot()
        #expect(result.value == 1 && result.errorValue == floor)
        let text = e.outputs.last!.plainText
        #expect(text.contains("none of \(Format.count(defined)) on the other side"), "\(text)")
        #expect(
            text.contains("\(Format.count(undefined)) of 2,000 kept trials received nothing in 2025 and are left out"),
            "\(text)")
        guard case .object(let members) = result.json else {
            Issue.record("not an object")
            return
        }
        #expect(members.contains { $0.0 == "undefined_trials" && $0.1 == .number(Double(undefined)) })
    }
}
