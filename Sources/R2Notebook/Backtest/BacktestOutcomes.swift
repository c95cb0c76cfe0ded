import R2Model

/// The facts observed after the as-of dates, as questions every forecast is
/// scored on (model v2: "no model named R2" reads the named release, the
/// sector's yearly share replaces the first round's adoption proxy), and the
/// sector figures adoption is compared with. Sources are
/// the evidence cards in seeds/ and the note at the end of
/// shared/spec/evidence-timeline.md; see docs/BACKTEST.md.
public enum BacktestOutcomes {
    static func date(_ y: Int, _ m: Int, _ d: Int? = nil) -> CalendarDate {
        CalendarDate(year: y, month: m, day: d)!
    }

    static let timelineNote =
        "shared/spec/evidence-timeline.md (closing note: no reliable report of an R2 release)"

    /// The questions, in table order.
    public static let questions: [BacktestQuestion] = [
        BacktestQuestion(
            id: "no-r2-2025",
            text: "No model named R2 released by 2025-12-31",
            event: .noNamedReleaseBy(date(2025, 12, 31)), resolvesOn: date(2025, 12, 31), outcome: true,
            observedOn: date(2026, 4, 24),
            sources: [
                "seeds/2025-08-21-deepseek-v3-1-fp8.md", "seeds/2025-09-29-deepseek-v3-2-exp-ascend.md",
                "seeds/2026-04-24-reuters-deepseek-v4-preview.md", timelineNote,
            ],
            caveat: "The lab shipped V3.1 (2025-08-21) and V3.2 (experimental 2025-09-29, final 2025-12) instead; "
                + "the model's release is the next flagship and cannot tell an interim version from it."),
        BacktestQuestion(
            id: "no-r2-2026-04",
            text: "No model named R2 released by 2026-04-24 (the day of the V4 preview)",
            event: .noNamedReleaseBy(date(2026, 4, 24)), resolvesOn: date(2026, 4, 24), outcome: true,
            observedOn: date(2026, 4, 24),
            sources: ["seeds/2026-04-24-reuters-deepseek-v4-preview.md", timelineNote],
            caveat: "Reuters: no model named R2 as of the V4 preview; the successor line went V3.1, V3.2, V4.",
            reading: .byName),
        BacktestQuestion(
            id: "no-r2-2026-11",
            text: "No model named R2 released by 2026-11-22 (the date of this backtest)",
            event: .noNamedReleaseBy(date(2026, 11, 22)), resolvesOn: date(2026, 11, 22), outcome: true,
            observedOn: date(2026, 11, 22),
            sources: [timelineNote, "seeds/2026-04-24-reuters-deepseek-v4-preview.md"],
            caveat: "After 2026-04-24 no card covers it: it rests on the timeline's note that no reliable report of "
                + "an R2 release was found up to the time of writing, read on 2026-11-22.",
            reading: .byName),
        BacktestQuestion(
            id: "sector-2024",
            text: "China's domestic share of AI accelerators (units) in 2024 between 29% and 38%",
            event: .sectorShareBetween(year: 2024, low: 0.29, high: 0.38), resolvesOn: date(2024, 12, 31),
            outcome: true, observedOn: date(2025, 12, 31),
            sources: [
                "seeds/2025-05-06-morgan-stanley-gpu-self-sufficiency.md",
                "seeds/2025-05-15-trendforce-import-share.md",
                "seeds/2025-00-00-idc-china-accelerators-2024.md",
            ],
            caveat: "The sources disagree (IDC about 30%, Morgan Stanley 34%, TrendForce 37%): the band spans them. "
                + "Scored only for forecasts made before the first of them was published (2025-05-06).",
            knowableOn: date(2025, 5, 6)),
        BacktestQuestion(
            id: "sector-2025",
            text: "China's domestic share of AI accelerators (units) in 2025 between 36% and 46% (IDC: about 41%)",
            event: .sectorShareBetween(year: 2025, low: 0.36, high: 0.46), resolvesOn: date(2025, 12, 31),
            outcome: true, observedOn: date(2026, 4, 1),
            sources: ["seeds/2026-04-01-idc-china-accelerators-2025.md"],
            caveat: "IDC's count by units (about 4.0M cards, 1.65M domestic), +- 5 points for the counting's spread; "
                + "by value Bernstein puts domestic near 55%. Scored for forecasts made before IDC published it.",
            knowableOn: date(2026, 4, 1)),
        BacktestQuestion(
            id: "flagship-2026-04",
            text: "The next flagship, whatever its name, released by 2026-04-24 (the V4 preview)",
            event: .releaseBy(date(2026, 4, 24)), resolvesOn: date(2026, 4, 24), outcome: true,
            observedOn: date(2026, 4, 24),
            sources: ["seeds/2026-04-24-reuters-deepseek-v4-preview.md"],
            caveat:
                "The alternative reading of no-r2-2026-04: the model forecasts 'the next flagship', and the lab's was "
                + "V4 (a preview counts as the release). Scored in its own mean.",
            reading: .nextFlagship),
        BacktestQuestion(
            id: "flagship-2026-11",
            text: "The next flagship, whatever its name, released by 2026-11-22",
            event: .releaseBy(date(2026, 11, 22)), resolvesOn: date(2026, 11, 22), outcome: true,
            observedOn: date(2026, 4, 24),
            sources: ["seeds/2026-04-24-reuters-deepseek-v4-preview.md"],
            caveat: "The alternative reading of no-r2-2026-11: V4 was previewed on 2026-04-24. Scored in its own mean.",
            reading: .nextFlagship),
    ]

    /// The lab's flagships before the clock (card dates): V2 on 2024-05-06,
    /// V3 on 2024-12-26 (its report the next day). Their gap is the naive
    /// forecaster's cadence.
    static let flagships = [date(2024, 5, 6), date(2024, 12, 26)]

    /// The naive forecaster of the next flagship: the last flagship plus the
    /// gap between the last two; once that date has passed without one, the
    /// as-of date itself ("any day now").
    static func naiveFlagship(asOf: CalendarDate) -> Double {
        let known = flagships.filter { $0.continuousMonth <= asOf.continuousMonth }
        guard known.count >= 2 else { return asOf.continuousMonth }
        let last = known[known.count - 1].continuousMonth
        let next = last + (last - known[known.count - 2].continuousMonth)
        return Swift.max(next, asOf.continuousMonth)
    }

    /// The naive forecaster of a year's sector share: the latest yearly
    /// domestic share published by the as-of date, carried forward.
    static func naiveShare(asOf: CalendarDate) -> Double {
        let published: [(CalendarDate, Double)] = [
            (date(2023, 12, 31), 0.10),  // IDC, H1 2023: about 10% domestic (year-only card)
            (date(2025, 5, 6), 0.34),  // Morgan Stanley: 34% in 2024
            (date(2025, 5, 15), 0.37),  // TrendForce: 63% imported in 2024
            (date(2026, 4, 1), 0.41),  // IDC: about 41% in 2025
        ]
        return published.last { $0.0.continuousMonth <= asOf.continuousMonth }?.1 ?? 0.10
    }

    /// The quantities scored as continuous forecasts (CRPS).
    public static let continuous: [ContinuousQuestion] = [
        ContinuousQuestion(
            id: "flagship-date", text: "The date of the lab's next flagship (the V4 preview, 2026-04-24), in months",
            quantity: .flagshipRelease, outcome: date(2026, 4, 24).continuousMonth, knowableOn: date(2026, 4, 24),
            sources: ["seeds/2026-04-24-reuters-deepseek-v4-preview.md"],
            naive: { naiveFlagship(asOf: $0) },
            naiveRule:
                "the last flagship plus the gap between the last two (V2 2024-05-06, V3 2024-12-26), or the as-of date once that has passed"
        ),
        ContinuousQuestion(
            id: "sector-2024-share", text: "China's domestic share of AI accelerators (units) in 2024: about 33.5%",
            quantity: .sectorShare(year: 2024), outcome: 0.335, knowableOn: date(2025, 5, 6),
            sources: [
                "seeds/2025-05-06-morgan-stanley-gpu-self-sufficiency.md",
                "seeds/2025-05-15-trendforce-import-share.md",
            ],
            naive: { naiveShare(asOf: $0) },
            naiveRule: "the latest yearly domestic share published by the as-of date, carried forward"),
        ContinuousQuestion(
            id: "sector-2025-share", text: "China's domestic share of AI accelerators (units) in 2025: about 41% (IDC)",
            quantity: .sectorShare(year: 2025), outcome: 0.41, knowableOn: date(2026, 4, 1),
            sources: ["seeds/2026-04-01-idc-china-accelerators-2025.md"],
            naive: { naiveShare(asOf: $0) },
            naiveRule: "the latest yearly domestic share published by the as-of date, carried forward"),
    ]

    /// The first round's result (model v1 library, `r2cast backtest` of
    /// 2026-11-22): kept beside the new scores.
    public static let firstRound =
        "first round (model v1 library, 18 scored pairs, 2026-11-22): mean Brier 0.465 against the coin flip's 0.250 (skill -0.86), log 1.322 against 0.693"

    /// The month adoption is compared with the sector at (the end of 2025).
    public static let adoptionMonth = date(2025, 12)

    /// The sector's domestic share, by units.
    public static let sector: [SectorFigure] = [
        SectorFigure(
            source: "IDC", year: 2025, share: 0.41, basis: "shipments by units, about 4M cards (Huawei about 812k)",
            card: "seeds/2026-04-01-idc-china-accelerators-2025.md"),
        SectorFigure(
            source: "TrendForce", year: 2024, share: 0.37, basis: "AI-server accelerators by units (63% imported)",
            card: "seeds/2025-05-15-trendforce-import-share.md"),
    ]
}
