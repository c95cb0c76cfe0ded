import Foundation
import R2Forecast
import R2Model
import Testing

@testable import R2Notebook

@Suite struct BacktestTests {
    static func date(_ y: Int, _ m: Int, _ d: Int? = nil) -> CalendarDate { CalendarDate(year: y, month: m, day: d)! }

    static func question(
        _ id: String, _ event: BacktestEvent, resolves: CalendarDate, outcome: Bool = true,
        reading: QuestionReading = .any
    ) -> BacktestQuestion {
        BacktestQuestion(
            id: id, text: id, event: event, resolvesOn: resolves, outcome: outcome, observedOn: resolves,
            sources: ["test"], caveat: "", reading: reading)
    }

    func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("r2cast-backtest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    // MARK: Scores

    @Test func brierScoresByHand() {
        #expect(ScoringRule.brier.score(0.7, outcome: true).backtestClose(0.09))
        #expect(ScoringRule.brier.score(0.7, outcome: false).backtestClose(0.49))
        #expect(ScoringRule.brier.score(0.5, outcome: true) == 0.25)
        #expect(ScoringRule.brier.score(0.5, outcome: false) == 0.25)
        #expect(ScoringRule.brier.score(1, outcome: true) == 0)
        #expect(ScoringRule.brier.score(0, outcome: true) == 1)
        #expect(ScoringRule.brier.score(0.2, outcome: false).backtestClose(0.04))
    }

    @Test func logScoresByHandWithClipping() {
        // -ln 0.7 = 0.356675; -ln 0.3 = 1.203973; ln 2 = 0.693147.
        #expect(ScoringRule.log.score(0.7, outcome: true).backtestClose(0.356_674_943_9))
        #expect(ScoringRule.log.score(0.7, outcome: false).backtestClose(1.203_972_804_3))
        #expect(ScoringRule.log.score(0.5, outcome: true).backtestClose(0.693_147_180_6))
        // Clipped to [0.001, 0.999]: a certain miss costs -ln 0.001 = 6.907755, not infinity.
        #expect(ScoringRule.log.score(0, outcome: true).backtestClose(6.907_755_279))
        #expect(ScoringRule.log.score(1, outcome: false).backtestClose(6.907_755_279))
        #expect(ScoringRule.log.score(1, outcome: true).backtestClose(-Foundation.log(0.999)))
        #expect(ScoringRule.log.score(0.0001, outcome: true) == ScoringRule.log.score(0.001, outcome: true))
    }

    @Test func meansAndSkillAgainstTheCoinFlip() {
        let q = Self.question("q", .noReleaseBy(Self.date(2025, 6)), resolves: Self.date(2025, 6, 30))
        let no = Self.question("n", .noReleaseBy(Self.date(2025, 6)), resolves: Self.date(2025, 6, 30), outcome: false)
        let scores = [
            QuestionScore(
                question: q, probability: Estimate(0.8, standardError: 0), unscoredReason: nil,
                referenceProbability: 0.5),
            QuestionScore(
                question: no, probability: Estimate(0.4, standardError: 0), unscoredReason: nil,
                referenceProbability: 0.5),
            // Unscored: left out of every mean.
            QuestionScore(
                question: q, probability: Estimate(0, standardError: 0), unscoredReason: "late",
                referenceProbability: 0.5),
        ]
        let m = ScoreSummary(scores)
        #expect(m.count == 2)
        // Brier (0.04 + 0.16) / 2 = 0.1; skill 1 - 0.1 / 0.25 = 0.6.
        #expect(m.brier.backtestClose(0.1))
        #expect(m.referenceBrier == 0.25)
        #expect(m.brierSkill.backtestClose(0.6))
        // Log (-ln 0.8 - ln 0.6) / 2 against ln 2.
        #expect(m.log.backtestClose((-Foundation.log(0.8) - Foundation.log(0.6)) / 2))
        #expect(m.referenceLog.backtestClose(Foundation.log(2)))
        #expect(ReferenceForecast.coinFlip.probability(q) == 0.5)
    }

    // MARK: Knowledge dates

    @Test func aQuestionIsScoredOnlyWhenKnownBeforeItResolves() {
        let q = Self.question("q", .noReleaseBy(Self.date(2025, 12, 31)), resolves: Self.date(2025, 12, 31))
        #expect(q.isScored(knownAsOf: Self.date(2025, 8, 14)))
        #expect(q.isScored(knownAsOf: Self.date(2025, 12, 30)))
        #expect(q.isScored(knownAsOf: Self.date(2025, 11)))
        // The resolution day itself, any later day, and a month that ends on or after it are not.
        #expect(!q.isScored(knownAsOf: Self.date(2025, 12, 31)))
        #expect(!q.isScored(knownAsOf: Self.date(2026, 1, 31)))
        #expect(!q.isScored(knownAsOf: Self.date(2025, 12)))
        #expect(!q.isScored(knownAsOf: nil))
    }

    // MARK: A synthetic as-of file with a closed form

    /// holdScenario (Support.swift): release 2.5 + K months after 2025-01,
    /// K geometric with P(K = k) = h^k (1 - h), h = 50%. No domestic chip,
    /// so adoption is 0.
    static let syntheticFile = holdScenario() + "as of 2025-01-10\n"

    @Test func aSyntheticAsOfFileScoresAsComputedByHand() throws {
        let dir = try folder(["asof-synthetic.r2s": Self.syntheticFile])
        let questions = [
            // No release by the end of 2025-04 (t = 4): 2.5 + K > 4 iff K >= 2: h^2 = 25%.
            Self.question("no-by-april", .noReleaseBy(Self.date(2025, 4, 30)), resolves: Self.date(2025, 4, 30)),
            // Release by the end of March (t = 3): K = 0, 1 - h = 50%; the outcome "no".
            Self.question("by-march", .releaseBy(Self.date(2025, 3)), resolves: Self.date(2025, 3, 31), outcome: false),
            // Resolved before the file's knowledge date: not scored.
            Self.question("past", .noReleaseBy(Self.date(2025, 4, 30)), resolves: Self.date(2024, 12, 31)),
            // Adoption is 0 in every trial.
            Self.question(
                "adoption", .adoptionBetween(month: Self.date(2025, 6), low: 0.35, high: 0.47),
                resolves: Self.date(2025, 6, 30)),
        ]
        let runner = BacktestRunner(options: BacktestRunner.Options(threads: 2, questions: questions))
        let report = runner.run(files: [dir.appendingPathComponent("asof-synthetic.r2s").path])
        let file = try #require(report.files.first)
        #expect(file.error == nil)
        #expect(file.scenario == "held")
        #expect(file.knownAsOf == Self.date(2025, 1, 10))
        #expect(file.trials == 40_000 && file.seed == 11 && file.accepted == 40_000)
        let n = 40_000.0

        let april = file.scores[0]
        let pa = try #require(april.probability)
        let seA = (0.25 * 0.75 / n).squareRoot()
        #expect(abs(pa.value - 0.25) <= 4 * seA, "P = \(pa.value)")
        #expect(abs(pa.standardError - seA) < 1e-3)
        #expect(april.isScored)
        // Outcome true: Brier (1 - p)^2, close to 0.75^2 = 0.5625; log -ln p, close to ln 4.
        #expect(april.score(.brier)! == (1 - pa.value) * (1 - pa.value))
        #expect(abs(april.score(.brier)! - 0.5625) <= 2 * 0.75 * 4 * seA + 1e-12)
        #expect(abs(april.score(.log)! - Foundation.log(4)) <= 4 * seA / 0.25)

        let march = file.scores[1]
        let pm = try #require(march.probability)
        let seM = (0.25 / n).squareRoot()
        #expect(abs(pm.value - 0.5) <= 4 * seM, "P = \(pm.value)")
        // Outcome false: Brier p^2 around 0.25, log -ln(1 - p) around ln 2.
        #expect(march.score(.brier)! == pm.value * pm.value)
        #expect(abs(march.score(.log)! - Foundation.log(2)) <= 4 * seM / 0.5)

        let past = file.scores[2]
        #expect(!past.isScored)
        #expect(past.score(.brier) == nil)
        #expect(past.unscoredReason?.contains("2025-01-10") == true)

        let adoption = file.scores[3]
        #expect(adoption.probability?.value == 0)
        // A certain miss: Brier 1, log clipped at -ln 0.001.
        #expect(adoption.score(.brier) == 1)
        #expect(adoption.score(.log)!.backtestClose(-Foundation.log(0.001)))

        // Means over the three scored questions, against 50% each.
        let m = file.summary
        #expect(m.count == 3)
        let expected = ((1 - pa.value) * (1 - pa.value) + pm.value * pm.value + 1) / 3
        #expect(m.brier.backtestClose(expected))
        #expect(m.brierSkill.backtestClose(1 - expected / 0.25))
    }

    @Test func overridesOfTrialsAndSeedApply() throws {
        let dir = try folder(["a.r2s": Self.syntheticFile])
        let q = Self.question("q", .noReleaseBy(Self.date(2025, 4, 30)), resolves: Self.date(2025, 4, 30))
        let runner = BacktestRunner(options: BacktestRunner.Options(trials: 5000, seed: 3, threads: 2, questions: [q]))
        let file = runner.run(file: dir.appendingPathComponent("a.r2s").path)
        #expect(file.trials == 5000 && file.seed == 3 && file.accepted == 5000)
    }

    @Test func theMainScenarioIsTheOneCurrentAtTheEnd() throws {
        // `quick` never holds: the release is at 2.5 months, so P(no release by 2025-03) = 0.
        let text = Self.syntheticFile + "scenario quick from held\nr2 hold 0% for 1 month\nas of 2025-01-20\n"
        let dir = try folder(["two.r2s": text])
        let q = Self.question("q", .noReleaseBy(Self.date(2025, 3)), resolves: Self.date(2025, 3, 31))
        let file = BacktestRunner(options: BacktestRunner.Options(threads: 2, questions: [q]))
            .run(file: dir.appendingPathComponent("two.r2s").path)
        #expect(file.scenario == "quick")
        #expect(file.knownAsOf == Self.date(2025, 1, 20))
        #expect(file.scores[0].probability?.value == 0)
    }

    @Test func aFileWithoutAsOfIsNotScored() throws {
        let dir = try folder(["plain.r2s": holdScenario()])
        let q = Self.question("q", .noReleaseBy(Self.date(2025, 4, 30)), resolves: Self.date(2025, 4, 30))
        let file = BacktestRunner(options: BacktestRunner.Options(threads: 2, questions: [q]))
            .run(file: dir.appendingPathComponent("plain.r2s").path)
        #expect(file.error == nil)
        #expect(file.scores[0].probability != nil)
        #expect(!file.scores[0].isScored)
        #expect(file.summary.count == 0)
    }

    @Test func aDateAfterTheClockIsNotScored() throws {
        // holdScenario's clock ends 2026-12.
        let dir = try folder(["a.r2s": Self.syntheticFile])
        let q = Self.question("late", .noReleaseBy(Self.date(2027, 3, 1)), resolves: Self.date(2027, 3, 1))
        let file = BacktestRunner(options: BacktestRunner.Options(threads: 2, questions: [q]))
            .run(file: dir.appendingPathComponent("a.r2s").path)
        #expect(file.scores[0].probability == nil)
        #expect(file.scores[0].unscoredReason?.contains("after the clock's end") == true)
    }

    @Test func brokenAndMissingFilesAreReported() throws {
        let dir = try folder(["broken.r2s": "fleet h800 2k\n"])
        let report = BacktestRunner(options: BacktestRunner.Options(threads: 2))
            .run(files: [dir.appendingPathComponent("broken.r2s").path, dir.appendingPathComponent("missing.r2s").path])
        #expect(report.failed)
        #expect(report.files[0].error?.contains("unknown chip `h800`") == true)
        #expect(report.files[1].error?.contains("no such file") == true)
    }

    // MARK: Output

    @Test func textAndJSONHaveARowPerQuestionAndASummary() throws {
        let dir = try folder(["asof-a.r2s": Self.syntheticFile])
        let q = Self.question("no-by-april", .noReleaseBy(Self.date(2025, 4, 30)), resolves: Self.date(2025, 4, 30))
        let alt = Self.question(
            "alt", .releaseBy(Self.date(2025, 4, 30)), resolves: Self.date(2025, 4, 30), reading: .nextFlagship)
        let report = BacktestRunner(
            options: BacktestRunner.Options(
                trials: 4000, threads: 2, questions: [q, alt], adoptionMonth: Self.date(2025, 12))
        )
        .run(files: [dir.appendingPathComponent("asof-a.r2s").path])
        let text = report.text()
        #expect(text.contains("asof-a.r2s (scenario held, as of 2025-01-10, 4,000 trials, seed 11)"))
        #expect(text.contains("alt*"))
        #expect(text.contains("all files"))
        #expect(text.contains("Adoption at 2025-12"))
        let objects = report.jsonObjects
        #expect(objects.count == 2)
        let first = try #require(
            try JSONSerialization.jsonObject(with: Data(objects[0].serialized.utf8)) as? [String: Any])
        #expect(first["asOf"] as? String == "2025-01-10")
        let rows = try #require(first["questions"] as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["scored"] as? Bool == true)
        let mean = try #require(first["mean"] as? [String: Any])
        #expect(mean["n"] as? Int == 1)
        let last = try #require(
            try JSONSerialization.jsonObject(with: Data(objects[1].serialized.utf8)) as? [String: Any])
        let summary = try #require(last["summary"] as? [String: Any])
        // `q` counts in both readings, `alt` only in the next-flagship one.
        #expect((summary["mean"] as? [String: Any])?["n"] as? Int == 1)
        #expect((summary["alternative"] as? [String: Any])?["n"] as? Int == 2)
        #expect(summary["reading"] is String)
    }

    // MARK: The library

    @Test func everyOutcomeCitesAnExistingCard() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let cards =
            BacktestOutcomes.questions.flatMap(\.sources).filter { $0.hasPrefix("seeds/") }
            + BacktestOutcomes.sector.map(\.card)
        #expect(!cards.isEmpty)
        for card in cards {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(card).path), "\(card)")
        }
        // Every question but the 2024 sector share resolves after the
        // baseline's knowledge date; that one was published before it.
        for q in BacktestOutcomes.questions {
            #expect(q.isScored(knownAsOf: Self.date(2025, 8, 14)) == (q.id != "sector-2024"), "\(q.id)")
        }
        #expect(
            BacktestOutcomes.questions.first { $0.id == "sector-2024" }?.isScored(knownAsOf: Self.date(2024, 12, 27))
                == true)
    }

    // MARK: Model v2

    /// The CRPS of a sample against a point, by hand: for {1, 2, 3} and
    /// y = 2, E|X - y| = 2/3 and E|X - X'| = 8/9, so CRPS = 2/3 - 4/9 = 2/9;
    /// a point forecast's is its absolute error.
    @Test func crpsOfASampleAgainstAPoint() {
        #expect(ContinuousQuestion.crps([1, 2, 3], 2).backtestClose(2.0 / 9))
        #expect(ContinuousQuestion.crps([3, 1, 2], 2).backtestClose(2.0 / 9))
        #expect(ContinuousQuestion.crps([5], 2).backtestClose(3))
        #expect(ContinuousQuestion.crps([0, 10], 0).backtestClose(5 - 2.5))
    }

    /// A calibration bin by hand: three forecasts in 80-90%, two of whose
    /// events happened.
    @Test func aCalibrationBin() {
        func q(_ id: String, _ outcome: Bool) -> BacktestQuestion {
            BacktestQuestion(
                id: id, text: id, event: .releaseBy(Self.date(2026, 1, 1)), resolvesOn: Self.date(2026, 1, 1),
                outcome: outcome, observedOn: Self.date(2026, 1, 1), sources: [], caveat: "")
        }
        var file = BacktestFileResult(
            path: "x.r2s", scenario: "x", knownAsOf: Self.date(2025, 1, 1), trials: 100, seed: 1)
        file.scores = [
            QuestionScore(
                question: q("a", true), probability: Estimate(0.81, standardError: 0), unscoredReason: nil,
                referenceProbability: 0.5),
            QuestionScore(
                question: q("b", false), probability: Estimate(0.85, standardError: 0), unscoredReason: nil,
                referenceProbability: 0.5),
            QuestionScore(
                question: q("c", true), probability: Estimate(0.89, standardError: 0), unscoredReason: nil,
                referenceProbability: 0.5),
            QuestionScore(
                question: q("d", true), probability: Estimate(0.2, standardError: 0), unscoredReason: "not scored",
                referenceProbability: 0.5),
        ]
        let report = BacktestReport(
            files: [file], options: BacktestRunner.Options(questions: file.scores.map(\.question)))
        let bin = report.calibration[8]
        #expect(bin.count == 3)
        #expect(bin.meanForecast.backtestClose(0.85))
        #expect(bin.observed.backtestClose(2.0 / 3))
        #expect(report.calibration.filter { $0.count > 0 }.count == 1)
    }

    /// The naive forecasters: the cadence between V2 and V3 carried from V3,
    /// or the as-of date once past; the latest published share.
    @Test func naiveReferences() {
        let v3 = Self.date(2024, 12, 26).continuousMonth
        let gap = v3 - Self.date(2024, 5, 6).continuousMonth
        #expect(BacktestOutcomes.naiveFlagship(asOf: Self.date(2025, 1, 10)).backtestClose(v3 + gap))
        let late = Self.date(2025, 11, 5)
        #expect(BacktestOutcomes.naiveFlagship(asOf: late).backtestClose(late.continuousMonth))
        #expect(BacktestOutcomes.naiveShare(asOf: Self.date(2024, 12, 27)) == 0.10)
        #expect(BacktestOutcomes.naiveShare(asOf: Self.date(2025, 8, 14)) == 0.37)
        #expect(BacktestOutcomes.naiveShare(asOf: Self.date(2026, 4, 2)) == 0.41)
    }
}

extension Double {
    fileprivate func backtestClose(_ other: Double, tolerance: Double = 1e-9) -> Bool {
        abs(self - other) <= tolerance * Swift.max(1, abs(other))
    }
}
