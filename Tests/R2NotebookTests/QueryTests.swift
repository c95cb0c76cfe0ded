import Foundation
import R2Forecast
import R2Language
import Testing

@testable import R2Notebook

@Suite struct QueryTests {
    @Test func probabilityByEndOfMonthMatchesTheGeometricHolds() throws {
        // r = 2.5 + K; P(release by the end of 2025-04, month 4) = P(K <= 1) = 1 - h^2.
        let (_, e) = evaluate(holdScenario() + "p(release by 2025-04)\n")
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let o = object(try #require(e.outputs.last))
        let p = try #require(o["value"] as? Double)
        let se = try #require(o["se"] as? Double)
        #expect(abs(p - 0.75) < 4 * se, "p = \(p), se = \(se)")
    }

    @Test func byTheClocksLastMonthIsTheUncensoredShare() throws {
        let (_, e) = evaluate(holdScenario(h: "90%", trials: "20k") + "p(release by 2026-12)\ncensored\n")
        let probability = object(e.outputs[0])["value"] as? Double
        let forecast = "p(no release by 2026-12)"
        let (_, e2) = evaluate(holdScenario(h: "90%", trials: "20k") + forecast + "\n")
        let none = object(e2.outputs[0])["value"] as? Double
        #expect(probability != nil && none != nil)
        #expect(abs((probability ?? 0) + (none ?? 0) - 1) < 1e-12)
        // r >= 24 needs K >= 22: P = 0.9^22 ~ 9.8%.
        #expect(abs((none ?? 0) - pow(0.9, 22)) < 4 * (0.0985 * 0.9015 / 20_000).squareRoot())
    }

    /// Every object that gives a date as `months` gives the month they
    /// count from (docs/JSON.md said so; `forecast`, date metrics and
    /// release quantiles had no `clock_start`); a share has none.
    @Test func datesAsMonthsComeWithTheClockStart() throws {
        let (_, e) = evaluate(
            holdScenario(trials: "2000") + "median release\nquantile release 50%\nforecast\np(release by 2025-06)\n")
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        for i in 0...2 { #expect(object(e.outputs[i])["clock_start"] as? String == "2025-01", "output \(i)") }
        #expect(object(e.outputs[3])["clock_start"] == nil)
    }

    /// Too few trials kept: the warning the text gives is in the JSON too
    /// (`run --json` printed the observation without it). P(K >= 2) = 1/4
    /// of 2,000 trials keeps about 500, under 1,000; with 40k none is due.
    @Test func tooFewKeptTrialsWarnInTheJSON() throws {
        let (_, e) = evaluate(holdScenario(trials: "2000") + "observe no release by 2025-04\n")
        let json = object(e.outputs[0])
        let warning = try #require(json["warning"] as? String)
        #expect(warning.hasPrefix("fewer than 1,000 trials kept; about "))
        #expect(e.outputs[0].plainText.hasSuffix("\nwarning: " + warning))
        let (_, enough) = evaluate(holdScenario() + "observe no release by 2025-04\n")
        #expect(object(enough.outputs[0])["warning"] == nil && !enough.outputs[0].plainText.contains("warning"))
    }

    @Test func observeMatchesTheClosedFormConditional() throws {
        // Given no release by the end of 2025-04 (K >= 2), P(release by the
        // end of 2025-06) = P(K <= 3 | K >= 2) = P(K <= 1) = 0.75 (memoryless).
        let (session, e) = evaluate(holdScenario() + "observe no release by 2025-04\np(release by 2025-06)\n")
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let ess = object(e.outputs[0])["effective_sample_size"] as? Int ?? 0
        // About a quarter of 40k trials are consistent (P(K >= 2) = 1/4).
        let expected = 10_000.0
        #expect(abs(Double(ess) - expected) < 4 * (40_000 * 0.25 * 0.75).squareRoot())
        let o = object(e.outputs[1])
        let p = try #require(o["value"] as? Double)
        let se = (0.75 * 0.25 / Double(ess)).squareRoot()
        #expect(abs(p - 0.75) < 4 * se, "p = \(p)")
        #expect(session.observations["held"]?.count == 1)
        // Removing it restores the unconditional answer: P(K <= 3) = 1 - 0.5^4.
        let (_, e2) = evaluate("unobserve\np(release by 2025-06)\n", in: session)
        let q = try #require(object(e2.outputs[1])["value"] as? Double)
        #expect(abs(q - 0.9375) < 4 * (0.9375 * 0.0625 / 40_000).squareRoot())
    }

    @Test func anImpossibleObservationIsAnErrorNamingIt() throws {
        let (session, e) = evaluate(holdScenario() + "observe release by 2025-02\n")
        #expect(e.failed)
        #expect(
            e.outputs[0].plainText.hasPrefix(
                "error: no trial of `held` is consistent with `observe release by 2025-02`"))
        #expect(session.observations["held"] == nil)
    }

    /// Scenario `a` (with `a` added), `b` derived from it (with `b` added),
    /// then the `compare` query.
    static func comparedPair(a: String, b: String, compare: String) -> String {
        """
        scenario a
        chip h800 foreign perf 1 fail 3% to 10%
        chip asc domestic perf 0.3 to 0.6 fail 20%
        fleet h800 2k to 4k
        make asc 1k per month yield 30% rising 1% per month to 70%
        \(a)
        r2 start 2025-02 needs 10k to 30k chip-months post 1 to 3 months
        trials 5k
        scenario b from a
        \(b)
        \(compare)

        """
    }

    @Test func compareOfIdenticalScenariosGivesZeroDifferences() throws {
        let (_, e) = evaluate(Self.comparedPair(a: "pressure 60% from 2025-06", b: "", compare: "compare a b"))
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let rows = try #require(object(e.outputs[0])["rows"] as? [[String: Any]])
        #expect(rows.count >= 5)
        for row in rows {
            let diffs = try #require(row["differences_text"] as? [String])
            let values = try #require(row["values_text"] as? [String])
            #expect(values[0] == values[1], "\(row)")
            let d = try #require(diffs.first)
            #expect(d.hasPrefix("+0.0") || d.hasPrefix("n/a"), "\(row)")
            // Paired differences of identical runs have no Monte Carlo error.
            #expect(d.contains("(±0.00") || d.hasPrefix("n/a"), "\(row)")
            // The same as numbers: a zero difference with a zero error.
            let numbers = try #require(row["differences"] as? [Any])
            if let x = numbers.first as? Double {
                #expect(x == 0, "\(row)")
                #expect((row["se"] as? [Any])?.first as? Double == 0, "\(row)")
            } else {
                #expect(d.hasPrefix("n/a"), "\(row)")
            }
        }
    }

    @Test func adoptionDifferencesHavePairedErrors() throws {
        let (session, e) = evaluate(
            Self.comparedPair(
                a: "", b: "make asc 1.2k per month yield 30% rising 1% per month to 70%",
                compare: "compare a b at 2025-12"))
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let rows = try #require(object(e.outputs[0])["rows"] as? [[String: Any]])
        let row = try #require(rows.first { ($0["label"] as? String) == "adoption at 2025-12" })
        let shown = try #require((row["differences_text"] as? [String])?.first)
        let se = try #require((row["se"] as? [Double])?.first)
        // The two runs, with every trial's adoption at 2025-12 kept.
        let results = session.cache.values.filter { $0.adoptionProbes != nil }
            .sorted { $0.adoptionMean(step: 11) < $1.adoptionMean(step: 11) }
        try #require(results.count == 2)
        let (a, b) = (results[0], results[1])
        let n = a.trials
        let differences = (0..<n).map {
            b.adoptionProbes!.value(trial: $0, probe: 0) - a.adoptionProbes!.value(trial: $0, probe: 0)
        }
        let mean = differences.reduce(0, +) / Double(n)
        let paired = (differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1) / Double(n)).squareRoot()
        let independent = ((a.adoptionVariance(step: 11) + b.adoptionVariance(step: 11)) / Double(n)).squareRoot()
        #expect(shown.hasSuffix("(±\(Format.percent(paired, digits: 2)))"), "\(shown) paired \(paired)")
        #expect(abs(se - paired) < 1e-12)
        // Common random numbers make the difference much sharper.
        #expect(paired > 0 && paired < independent / 3, "paired \(paired), independent \(independent)")
    }

    /// A scenario with a seed (or trial count) of its own is not on the
    /// same trials: the header no longer claims common random numbers, the
    /// note says the errors combine as independent, and clocks that end
    /// apart are called out (censoring and folds cover other horizons).
    @Test func compareSaysWhenRunsAreNotPairedOrEndApart() throws {
        let (_, e) = evaluate(
            Self.comparedPair(a: "", b: "seed 7\nclock 2025-01 to 2028-06", compare: "compare a b by 2026-06"))
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        #expect(e.outputs[0].plainText.hasPrefix("Compare a, b (5,000 trials each, seeds 1 for a, 7 for b)\n"))
        // The notes, their wrapped lines read as one.
        let text = e.outputs[0].plainText.replacingOccurrences(of: "\n  ", with: " ")
        #expect(!text.contains("paired trials for probabilities"))
        #expect(
            text.contains(
                "\n± for b: not the same trials as a (another seed or trial count), so no common random numbers; "
                    + "the two runs' errors combine as independent.\n"))
        #expect(
            text.contains(
                "\nwarning: the clocks end apart (a 2027-12, b 2028-06), so `censored`, P(folded) and the named "
                    + "reading's shares are over different horizons."))
        let json = object(e.outputs[0])
        #expect(json["common_random_numbers"] as? Bool == false && json["same_horizon"] as? Bool == false)
        #expect(json["seeds"] as? [Int] == [1, 7])
        // The same seed and trials: paired, as before.
        let (_, same) = evaluate(Self.comparedPair(a: "", b: "pressure 20%", compare: "compare a b"))
        #expect(same.outputs[0].plainText.hasPrefix("Compare a, b (5,000 trials each, seed 1, common random numbers)"))
        #expect(object(same.outputs[0])["common_random_numbers"] as? Bool == true)
    }

    /// Adoption quantiles come from a histogram of 2,000 bins, read
    /// linearly within a bin; where every value between 0 and 1 is one and
    /// the same (fixed fleets: A = 500 / 1,500 here, or 0 when the domestic
    /// chip's perf draws 0, in 30% of trials), that value is returned
    /// exactly: 0.33345 was read where every trial had 1/3.
    @Test func aConstantAdoptionHasExactQuantiles() throws {
        let (_, e) = evaluate(
            """
            chip h foreign perf 1
            chip asc domestic perf mixture(0 @ 30%, 1 @ 70%)
            fleet h 1000
            fleet asc 500
            r2 start 2025-01 needs 1M
            trials 2000
            quantile adoption at 2025-06 10%, 50%, 90%

            """)
        let levels = try #require(object(e.outputs[0])["adoption"] as? [[String: Any]])
        let values = levels.map { $0["value"] as? Double }
        // The engine computes A in single precision.
        #expect(values == [0, Double(Float(1) / 3), Double(Float(1) / 3)], "\(values)")
    }

    /// Scenarios conditioned apart keep different trials: each difference's
    /// error counts each run over its own kept trials (the delta method),
    /// where differences over the trials both kept came out a dozen times
    /// too small. Checked against the spread of the difference over twelve
    /// seeds: the mean reported error is within 0.6 and 1.7 times it (the
    /// spread of twelve draws is itself uncertain by about a fifth).
    @Test func aConditionedComparisonHasItsTrueError() throws {
        var differences: [Double] = []
        var errors: [Double] = []
        for seed in 1...12 {
            let (_, e) = evaluate(
                Self.comparedPair(
                    a: "seed \(seed)", b: "observe no release by 2025-08", compare: "compare a b by 2025-12"))
            let rows = try #require(
                object(e.outputs.last!)["rows"] as? [[String: Any]], "\(e.outputs.map(\.plainText))")
            let row = try #require(rows.first { ($0["label"] as? String) == "P(release by 2025-12)" })
            differences.append(try #require((row["differences"] as? [Double])?.first))
            errors.append(try #require((row["se"] as? [Double])?.first))
        }
        let mean = differences.reduce(0, +) / 12
        let spread = (differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 11).squareRoot()
        let reported = errors.reduce(0, +) / 12
        #expect(reported > 0.6 * spread && reported < 1.7 * spread, "reported \(reported), spread \(spread)")
    }

    /// `quantile 0%` is the smallest value, not a crash (the order
    /// statistic's upper rank was -1).
    @Test func aQuantileAtZeroIsTheMinimum() throws {
        let (_, e) = evaluate(holdScenario() + "quantile release 0%, 100%\nexpect quantile 0% release after 2025-01\n")
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        #expect(e.outputs.count == 2)
    }

    @Test func comparingAScenarioWithItselfIsAClearError() {
        let (_, e) = evaluate(holdScenario() + "compare held held\n")
        #expect(e.failed)
        #expect(e.outputs.last?.plainText.contains("names the same scenario twice") == true)
    }

    @Test func sensitivityRanksTheDominantInputFirst() throws {
        let text = """
            scenario s
            trials 4k
            chip h800 foreign perf 1 fail 0
            fleet h800 950 to 1050
            r2 start 2025-01 needs 2k to 40k chip-months post 1 month
            r2 hold 10% to 20% for 1 month
            sensitivity

            """
        let (_, e) = evaluate(text)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let inputs = try #require(object(e.outputs[0])["inputs"] as? [[String: Any]])
        #expect(inputs.count == 3)
        #expect((inputs[0]["input"] as? String)?.hasPrefix("r2 needs") == true, "\(inputs)")
        let swings = inputs.compactMap { $0["swing"] as? Double }
        #expect(swings == swings.sorted(by: >))
        #expect(e.outputs[0].svg?.contains("class=\"bar\"") == true)
    }

    @Test func sensitivityWithNothingUncertainIsAClearError() {
        let (_, e) = evaluate(holdScenario() + "sensitivity\n")
        #expect(e.failed)
        #expect(e.outputs.last?.plainText.contains("has no uncertain input to vary") == true)
    }

    @Test func traceOfAFixedTrialIsGolden() throws {
        let text = """
            scenario story
            clock 2025-01 to 2025-12
            seed 3
            chip h800 foreign perf 1 fail 0
            chip asc domestic perf 0.5 fail 60%
            fleet h800 500
            fleet asc 2k
            export h800 banned from 2025-06
            pressure 100%
            r2 start 2025-02 needs 3k chip-months post 1 month
            r2 switch after 2 failures port 1 month
            event thaw 100% between 2025-03 and 2025-03: pressure 0%
            trace 2

            """
        let (_, e) = evaluate(text)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let story = e.outputs[0].plainText
        #expect(story == (try Golden.check(story, "trace-story.txt")))
        #expect(story.contains("mandated"))
        #expect(story.contains("FAILURE #1"))
        #expect(story.contains("switches to h800"))
    }

    @Test func traceOutOfRangeIsAClearError() {
        let (_, e) = evaluate(holdScenario(trials: "100") + "trace 101\n")
        #expect(e.failed)
        #expect(e.outputs.last?.plainText.contains("there is no trial 101: the run has 100 trials") == true)
    }

    @Test func queriesRunAgainstTheScenarioAsWrittenAtThatPoint() throws {
        let (_, e) = evaluate(
            holdScenario(h: "0%") + "p(release by 2025-03)\nr2 needs 3.5k chip-months\np(release by 2025-03)\n")
        // tau = 2.5 -> released by the end of 2025-03 (month 3); then tau = 3.5 -> not.
        #expect(object(e.outputs[0])["value"] as? Double == 1)
        #expect(object(e.outputs[1])["value"] as? Double == 0)
    }
}
