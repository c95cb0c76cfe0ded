import Foundation
import R2Forecast
import R2Model
import Testing

@testable import R2Notebook

/// Model v2's queries in a session: every sector window (a year by units
/// or by compute, a range of months, an installed share), both readings of
/// the release, and compare saying when scenarios are conditioned apart.
@Suite struct ModelV2QueryTests {
    static let text = """
        scenario v2
        as of 2025-04-01
        trials 4000
        seed 2
        chip h800 foreign perf 1 fail 1%
        chip asc domestic perf 0.5 fail 5%
        fleet h800 2k
        r2 start 2025-01 needs 10k to 40k chip-months post 1 month
        r2 fold 4% per month
        sector ship h800 100k per month
        sector make asc 100k per month
        sector base h800 1M

        """

    /// One foreign chip, a training need of 10k to 30k chip-months, no sector.
    static let oneChip = """
        clock 2025-01 to 2027-12
        trials 2000
        chip h foreign perf 1
        fleet h 1k to 3k
        r2 start 2025-01 needs 10k to 30k chip-months

        """

    static func value(_ e: Session.Evaluation, _ i: Int) -> Double? {
        object(e.outputs[i])["value"] as? Double
    }

    /// Constant sector inputs give exact shares: half the units, a quarter
    /// weighted by compute (100k x 0.5 against 100k x 1 + 100k x 0.5 ...),
    /// and the installed share with the base at the end of 2025.
    @Test func everySectorWindowIsMeasured() throws {
        let (_, e) = evaluate(
            Self.text + """
                sector share in 2026
                sector share in 2026 by compute
                sector share in 2025-03 to 2025-05
                installed share at 2025-12
                p(sector share in 2026 above 40%)

                """)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        #expect(abs(Self.value(e, 0)! - 0.5) < 1e-6)
        #expect(abs(Self.value(e, 1)! - 50.0 / 150) < 1e-6)
        #expect(abs(Self.value(e, 2)! - 0.5) < 1e-6)
        #expect(abs(Self.value(e, 3)! - 1.2e6 / 3.4e6) < 1e-6)
        #expect(Self.value(e, 4) == 1)
    }

    /// Trials that received nothing in a window are left out of its
    /// summaries, and the count is shown (spec/model-v2.md §4): a ban in
    /// half the trials leaves those with no units in 2025. Every sector
    /// query once printed the value alone.
    @Test func aSectorQuerySaysHowManyTrialsReceivedNothing() throws {
        let (_, e) = evaluate(
            """
            clock 2025-01 to 2026-12
            trials 2000
            chip h20 foreign
            chip asc domestic
            r2 start 2025-01 needs 1
            sector ship h20 100 per month
            sector make asc 100 per month from 2026-01
            event ban 50% at 2025-01: export h20 banned
            sector share in 2025
            installed share at 2025-06
            sector share in 2026

            """)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let n = try #require(object(e.outputs[0])["undefined_trials"] as? Int)
        // About half the trials: within 4 binomial standard errors (22 of 2,000).
        #expect(abs(Double(n) - 1000) < 4 * (2000 * 0.25).squareRoot(), "\(n)")
        #expect(
            e.outputs[0].plainText
                == "sector share in 2025 = 0.0% (±0.000%)  (\(Figures.count(n)) of 2,000 kept trials received nothing in 2025 and are left out)"
        )
        #expect(
            e.outputs[1].plainText
                == "installed share at 2025-06 = 0.0% (±0.000%)  (\(Figures.count(n)) of 2,000 kept trials had nothing installed by the end of 2025-06 and are left out)"
        )
        // Every trial received domestic units in 2026: no note, a count of 0 in the JSON.
        #expect(!e.outputs[2].plainText.contains("left out"))
        #expect(object(e.outputs[2])["undefined_trials"] as? Int == 0)
    }

    /// A scenario without `r2 fold` has phi = 0 (spec/model-v2.md, 2): its
    /// programme never folds, so `observe not folded by` keeps every trial
    /// and `observe folded by` none. Both were refused as invalid.
    @Test func foldObservationsWhereTheProgrammeCannotFold() throws {
        let base = """
            clock 2025-01 to 2026-12
            trials 1000
            chip h foreign
            fleet h 100 to 300
            r2 start 2025-01 needs 1k to 3k chip-months

            """
        let (_, kept) = evaluate(base + "observe not folded by 2025-06\np(release by 2025-12)\n")
        #expect(!kept.failed, "\(kept.outputs.map(\.plainText))")
        #expect(
            kept.outputs.first?.plainText
                == "baseline: 1 observation in force; effective sample size 1,000 of 1,000 trials (100.0%)")
        let (_, none) = evaluate(base + "observe folded by 2025-06\n")
        #expect(none.failed)
        #expect(
            none.outputs.first?.plainText.contains(
                "error: no trial of `baseline` is consistent with `observe folded by 2025-06`") == true)
        #expect(
            none.outputs.first?.plainText.contains(
                "`baseline` states no `r2 fold`, so its programme never folds; add `r2 fold P per month`") == true,
            "\(none.outputs.map(\.plainText))")
    }

    /// An expectation between scenarios conditioned apart says so, as
    /// `compare` does: its difference mixes the scenarios' changes with
    /// their conditions (it once passed with a 24-SE margin and no word).
    @Test func anExpectationBetweenScenariosConditionedApartSaysSo() throws {
        let (_, e) = evaluate(
            Self.oneChip + """
                scenario a from baseline
                as of 2025-08-01
                expect median release in a later than baseline
                scenario b from baseline
                expect p(release by 2026-06) in b above baseline by 0% or more

                """)
        let warning =
            "warning: `a` and `baseline` are not conditioned alike (a given no flagship before 2025-08-01 (as of); baseline given nothing), so the difference mixes the scenarios' changes with their conditions"
        // The text wraps at the session's width: compared with its words.
        let words = e.outputs[0].plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.hasSuffix("SE] " + warning), "\(e.outputs[0].plainText)")
        #expect(object(e.outputs[0])["warning"] as? String == String(warning.dropFirst("warning: ".count)))
        // Alike (neither conditioned): no warning.
        #expect(!e.outputs[1].plainText.contains("warning"))
        #expect(object(e.outputs[1])["warning"] == nil)
    }

    /// `compare` of scenarios whose clocks end apart reads both at the
    /// last month both clocks reach, in either order: `compare a b` once
    /// took a's last month, outside b's shorter clock, and failed where
    /// `compare b a` worked; its P(release by) rows stop there too.
    @Test func compareOfClocksEndingApartWorksInEitherOrder() throws {
        let (_, e) = evaluate(
            Self.oneChip + """
                scenario late from baseline
                clock 2025-01 to 2026-06
                compare baseline late
                compare late baseline

                """)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        for output in e.outputs {
            let labels = (object(output)["rows"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
            #expect(
                labels.filter { $0.hasPrefix("P(release by") || $0.hasPrefix("adoption at") } == [
                    "P(release by 2025-12)", "P(release by 2026-06)", "adoption at 2026-06",
                ], "\(labels)")
        }
    }

    /// `sensitivity` counts a `let` once (a statement bound to it, `fail c
    /// x`, is the same uncertainty: it was a second, identical row) and
    /// says which inputs move together.
    @Test func sensitivityCountsALetOnceAndNamesCorrelations() throws {
        let (_, e) = evaluate(
            """
            clock 2025-01 to 2027-12
            trials 2000
            let bad = pert(10%, 30%, 60%)
            let need = 10k to 30k
            chip h foreign perf 1 fail bad
            fleet h 1k to 3k
            r2 start 2025-01 needs need chip-months
            correlate need, bad 0.5
            sensitivity

            """)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let json = object(e.outputs[0])
        let labels = (json["inputs"] as? [[String: Any]] ?? []).compactMap { $0["input"] as? String }
        #expect(labels.filter { $0.hasPrefix("let bad") }.count == 1, "\(labels)")
        #expect(!labels.contains { $0.hasPrefix("fail h") }, "\(labels)")
        let correlations = json["correlations"] as? [[String: Any]] ?? []
        #expect(correlations.count == 1 && correlations[0]["first"] as? String == "need")
        let words = e.outputs[0].plainText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Inputs that move together in the forecast (rank correlation): need and bad 0.50."))
    }

    @Test func bothReadingsOfTheRelease() throws {
        let (_, e) = evaluate(
            Self.text + """
                p(release by 2027-12)
                p(named release by 2027-12)
                p(folded by 2027-12)
                quantile named release 10%, 50%

                """)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let flagship = try #require(Self.value(e, 0))
        let named = try #require(Self.value(e, 1))
        let folded = try #require(Self.value(e, 2))
        // Every flagship that ships either folded first or ships as R2.
        #expect(abs(flagship - named - folded) < 0.01)
        #expect(folded > 0.05 && named > 0.05)
        #expect(e.outputs[3].plainText.hasPrefix("Named R2 release quantiles (v2, "))
    }

    /// The named reading's charts call a trial not released under the name
    /// folded or pending, never "censored" (they did, with every trial
    /// folded), and a cdf mark the clock never reaches says so ("50% not
    /// by 2025-12", where it read "50% by after 2025-12"). Fold 50% a month
    /// from a start in 2025-01 folds almost every trial before it ships.
    @Test func namedReleaseChartsSayFoldedNotCensored() throws {
        let (_, e) = evaluate(
            """
            scenario s
            clock 2025-01 to 2025-12
            trials 2000
            chip f foreign perf 1 fail 0
            fleet f 1000
            r2 start 2025-01 needs 3k to 9k chip-months post 1 month
            r2 fold 50% per month
            hist named release
            cdf named release
            p(folded by 2025-12)
            p(named release by 2025-12)
            hist release
            median named release

            """)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let folded = try #require(Self.value(e, 2))
        let named = try #require(Self.value(e, 3))
        let pending = 1 - folded - named
        let footer =
            "       2,000 trials; not released under its own name by 2025-12: \(Format.percent(1 - named)) "
            + "(folded \(Format.percent(folded)), pending \(Format.percent(pending)))"
        for chart in e.outputs[0...1] {
            let lines = chart.plainText.split(separator: "\n").map(String.init)
            #expect(lines.last == footer, "\(lines)")
            #expect(!chart.plainText.contains("censored"))
            let json = object(chart)
            #expect(json["folded"] as? Double == folded && abs((json["pending"] as? Double ?? -1) - pending) < 1e-12)
        }
        #expect(e.outputs[1].plainText.contains("10% not by 2025-12   50% not by 2025-12   90% not by 2025-12"))
        // The flagship's chart keeps its censored share, and no fold fields.
        #expect(
            e.outputs[4].plainText.split(separator: "\n").last?.contains("trials; censored (after 2025-12): ") == true)
        #expect(object(e.outputs[4])["folded"] == nil)
        // A named quantile past the horizon says what it is made of.
        #expect(
            e.outputs[5].plainText
                == "median named release = after 2025-12  (not reached by the horizon: \(Format.percent(folded)) folded, \(Format.percent(pending)) pending)"
        )
    }

    @Test func compareSaysWhenScenariosAreConditionedApart() throws {
        let (_, e) = evaluate(
            Self.text + """
                scenario other from v2
                observe folded by 2026-06
                compare v2 other

                """)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        // Lines wrapped to the width are read as one.
        let text = e.outputs.last!.plainText.replacingOccurrences(of: "\n  ", with: " ")
        #expect(text.contains("v2 is given no flagship before 2025-04-01 (as of): "))
        #expect(text.contains("other is given no flagship before 2025-04-01 (as of); observe folded by 2026-06: "))
        #expect(text.contains("warning: the scenarios are not conditioned alike"))
        #expect(text.contains("P(named release by 2027-12)"))
        #expect(text.contains("sector share 2026"))
        let json = object(e.outputs.last!)
        #expect(json["conditioned_alike"] as? Bool == false)
    }

    /// A statement without a date acts from step 0, and among statements
    /// acting from one step the last in file order wins (spec/model-v2.md,
    /// 1): an undated `r2` clause after one dated at or before the clock's
    /// start replaces it. It did not: the dated one always won.
    @Test func anUndatedProgrammeInputAfterOneFromBeforeTheStartWins() throws {
        let head = """
            clock 2025-01 to 2027-12
            trials 20000
            chip h800 foreign perf 1
            fleet h800 1000
            r2 start 2025-01 needs 9500

            """
        // Training ends in step 9 (r = 10): ten fold draws at 10%, never 50%.
        let (_, fold) = evaluate(
            head + "r2 fold 50% from 2024-06\nr2 fold 10%\np(folded by 2027-12)\n")
        #expect(!fold.failed, "\(fold.outputs.map(\.plainText))")
        let p = 1 - pow(0.9, 10.0)
        // The first output is the warning that 2024-06 is before the clock.
        let folded = try #require(Self.value(fold, fold.outputs.count - 1))
        #expect(abs(folded - p) <= 4 * (p * (1 - p) / 20000).squareRoot(), "\(folded) against \(p)")
        // Needs 6000 (not 3000) and no post-training (not 2 months): r = 6.
        let (_, release) = evaluate(
            head + "r2 needs 3000 from 2025-01\nr2 needs 6000\nr2 post 2 months from 2025-01\nr2 post 0 months\n"
                + "median release\n")
        #expect(release.outputs.last?.plainText == "median release = 2025-07-01 (±0 days)")
        // The other order: the dated statement, later in the file, wins.
        let (_, other) = evaluate(head + "r2 needs 6000\nr2 needs 3000 from 2025-01\nmedian release\n")
        #expect(other.outputs.last?.plainText == "median release = 2025-04-01 (±0 days)")
        // A later month's statement still wins from its month, whatever the order.
        let (_, later) = evaluate(head + "r2 fold 50% from 2025-04\nr2 fold 0%\np(folded by 2027-12)\n")
        // Steps 3 to 9 draw at 50%, steps 0 to 2 at 0%.
        let q = 1 - pow(0.5, 7.0)
        let laterValue = try #require(Self.value(later, 0))
        #expect(abs(laterValue - q) <= 4 * (q * (1 - q) / 20000).squareRoot(), "\(laterValue) against \(q)")
    }

    /// A fold happens at the start of its step (spec/model-v2.md, 2): with
    /// training from 2025-03, nothing folds by 2025-02, one draw of 10% has
    /// been made by 2025-03, and the fold quantiles agree. March's folds
    /// were counted "by 2025-02".
    @Test func aFoldIsByTheMonthItHappensIn() throws {
        let (_, e) = evaluate(
            """
            clock 2025-01 to 2027-12
            trials 20000
            chip h800 foreign perf 1
            fleet h800 1000
            r2 start 2025-03 needs 9500 post 0.3 months
            r2 fold 10%
            p(folded by 2025-02)
            p(folded by 2025-03)
            p(folded by 2025-03-01)
            observe folded by 2025-02

            """)
        #expect(Self.value(e, 0) == 0)
        let p = try #require(Self.value(e, 1))
        #expect(abs(p - 0.1) <= 4 * (0.1 * 0.9 / 20000).squareRoot(), "\(p)")
        // A day: the fold at the start of March 1 is by its end.
        #expect(Self.value(e, 2) == p)
        #expect(
            e.outputs[3].plainText.hasPrefix(
                "error: no trial of `baseline` is consistent with `observe folded by 2025-02`"))
    }

    /// The yield is max(0, min(ymax, y0 + g t)) with y0 as drawn
    /// (spec/model-v2.md, 4): a y0 near -10% rising 5% a month gives no
    /// good units until month 2 and about 10% in month 4. A y0 clamped to
    /// 0 first gave 5% in month 1 and 20% in month 4.
    @Test func aYieldBelowZeroIsNotClampedBeforeItGrows() throws {
        let (_, e) = evaluate(
            """
            clock 2025-01 to 2027-12
            trials 20000
            chip h20 foreign perf 1
            chip asc domestic perf 1
            yield asc normal(-10%, 1%) rising 5% per month to 100%
            sector make asc 1000 per month
            sector ship h20 1000 per month
            r2 start 2025-01 needs 1
            sector share in 2025-02 to 2025-02
            sector share in 2025-05 to 2025-05

            """)
        // No warning: the draws are the formula's to bound, not clamped.
        #expect(e.outputs.count == 2, "\(e.outputs.map(\.plainText))")
        #expect(Self.value(e, 0) == 0)
        // y = 0.1 +- 0.01: the share y / (1 + y) is 0.0909 within 0.001.
        let may = try #require(Self.value(e, 1))
        #expect(abs(may - 0.1 / 1.1) < 0.001, "\(may)")
    }

    /// `as of` before the clock's start keeps every trial (r >= D - S holds
    /// when D - S < 0), as spec/model-v2.md, 3 reads; it was refused as
    /// outside the clock. After the clock's end it is still refused.
    @Test func anAsOfDateBeforeTheClockKeepsEveryTrial() throws {
        let head = """
            clock 2025-01 to 2027-12
            trials 4000
            chip h800 foreign perf 1 fail 10%
            fleet h800 1k to 3k
            r2 start 2025-01 needs 3000 to 12000

            """
        let (_, plain) = evaluate(head + "p(release by 2025-06)\n")
        let (_, before) = evaluate(head + "as of 2024-12-15\np(release by 2025-06)\n")
        #expect(!before.failed, "\(before.outputs.map(\.plainText))")
        #expect(Self.value(before, 0) == Self.value(plain, 0))
        let (_, after) = evaluate(head + "as of 2028-01-10\np(release by 2025-06)\n")
        #expect(after.failed)
        #expect(
            after.outputs[0].plainText.hasPrefix(
                "error: the as-of date 2028-01-10 lies after the clock 2025-01 to 2027-12"))
    }
}
