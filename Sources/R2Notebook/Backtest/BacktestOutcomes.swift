import R2Model

/// The facts observed after the as-of dates, as questions every forecast is
/// scored on, and the sector figures adoption is compared with. Sources are
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
            event: .noReleaseBy(date(2025, 12, 31)), resolvesOn: date(2025, 12, 31), outcome: true,
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
            event: .noReleaseBy(date(2026, 4, 24)), resolvesOn: date(2026, 4, 24), outcome: true,
            observedOn: date(2026, 4, 24),
            sources: ["seeds/2026-04-24-reuters-deepseek-v4-preview.md", timelineNote],
            caveat: "Reuters: no model named R2 as of the V4 preview; the successor line went V3.1, V3.2, V4.",
            reading: .byName),
        BacktestQuestion(
            id: "no-r2-2026-11",
            text: "No model named R2 released by 2026-11-22 (the date of this backtest)",
            event: .noReleaseBy(date(2026, 11, 22)), resolvesOn: date(2026, 11, 22), outcome: true,
            observedOn: date(2026, 11, 22),
            sources: [timelineNote, "seeds/2026-04-24-reuters-deepseek-v4-preview.md"],
            caveat: "After 2026-04-24 no card covers it: it rests on the timeline's note that no reliable report of "
                + "an R2 release was found up to the time of writing, read on 2026-11-22.",
            reading: .byName),
        BacktestQuestion(
            id: "share-2025",
            text: "Domestic share of the lab's compute at the end of 2025 within 41% +- 6 points (35% to 47%)",
            event: .adoptionBetween(month: date(2025, 12), low: 0.35, high: 0.47), resolvesOn: date(2025, 12, 31),
            outcome: true, observedOn: date(2026, 4, 1),
            sources: ["seeds/2026-04-01-idc-china-accelerators-2025.md"],
            caveat: "A proxy: IDC's ~41% is the sector's share of 2025 shipments by units. The lab's own share was never "
                + "reported; the outcome is 'true' only if the sector stands in for the lab. Units overstate compute, "
                + "and a frontier lab that trains on Nvidia should sit below the sector."),
        BacktestQuestion(
            id: "flagship-2026-04",
            text: "The next flagship, whatever its name, released by 2026-04-24 (the V4 preview)",
            event: .releaseBy(date(2026, 4, 24)), resolvesOn: date(2026, 4, 24), outcome: true,
            observedOn: date(2026, 4, 24),
            sources: ["seeds/2026-04-24-reuters-deepseek-v4-preview.md"],
            caveat: "The alternative reading of no-r2-2026-04: the model forecasts 'the next flagship', and the lab's was "
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
