import R2Model
import Testing

@testable import R2Language

/// No knowledge from the future: a scenario as of D citing a card dated
/// after D is an error naming the card and both dates, whether the citation
/// or the `as of` comes first; a card's date is read from the card.
@Suite struct KnowledgeTests {
    static let early = "# Early\n\n- Date: 2025-06-12\n- Outlet: x\n- Citation: x\n- Grade: M\n"
    static let late = "# Late\n\n- Date: 2026-04-01\n- Outlet: x\n- Citation: x\n- Grade: A\n"
    static let month = "# A month\n\n- Date: 2025-08 (day not recorded)\n- Grade: M\n"
    static let files = [
        "seeds/early.md": early, "seeds/late.md": late, "seeds/month.md": month,
        "seeds/2020-01-01-misnamed.md": late,
    ]

    static func evaluate(_ text: String) -> String {
        var ws = Workspace()
        let loader = MemoryLoader(files)
        return ws.evaluate(SourceFile(name: "scenarios/x.r2s", text: text, path: "scenarios/x.r2s"), loader: loader)
            .compactMap { item -> String? in
                if case .diagnostic(let d) = item { return d.render() }
                return nil
            }.joined(separator: "\n\n")
    }

    @Test func aLaterCardIsAnErrorAtItsCitation() {
        let text = """
            as of 2025-08-14
            chip h800 foreign
            fleet h800 2k cite seeds/early.md, seeds/late.md
            """
        #expect(
            Self.evaluate(text) == """
                error: `seeds/late.md` is dated 2026-04-01, after the scenario's as-of date 2025-08-14
                 --> scenarios/x.r2s:3:36
                  |
                3 | fleet h800 2k cite seeds/early.md, seeds/late.md
                  |                                    ^^^^^^^^^^^^^ a scenario as of 2025-08-14 uses only what that date knew: cite cards dated on or before it
                """)
    }

    @Test func anAsOfAfterALaterCitationIsAnErrorAtTheAsOf() {
        let text = """
            chip h800 foreign
            fleet h800 2k cite seeds/late.md
            as of 2025-08-14
            """
        #expect(
            Self.evaluate(text) == """
                error: `seeds/late.md` is dated 2026-04-01, after the scenario's as-of date 2025-08-14
                 --> scenarios/x.r2s:3:1
                  |
                3 | as of 2025-08-14
                  | ^^^^^^^^^^^^^^^^ a scenario as of 2025-08-14 uses only what that date knew: move `as of`, or drop the citation
                  = note: cited at scenarios/x.r2s:2: `fleet h800 2k cite seeds/late.md`
                """)
    }

    /// The card's own date counts, not its file name; a month-only date
    /// counts from the month's last day (when it was certainly out); a
    /// derived scenario inherits the date.
    @Test func theCardsOwnDateCounts() {
        #expect(
            Self.evaluate("as of 2025-08-14\npressure 50% cite seeds/2020-01-01-misnamed.md").contains(
                "dated 2026-04-01"))
        #expect(Self.evaluate("as of 2025-08-14\npressure 50% cite seeds/month.md").contains("dated 2025-08"))
        #expect(Self.evaluate("as of 2025-08-31\npressure 50% cite seeds/month.md") == "")
        #expect(Self.evaluate("as of 2026-04-01\npressure 50% cite seeds/late.md") == "")
        #expect(
            Self.evaluate("as of 2025-08-14\nscenario child from baseline\npressure 50% cite seeds/late.md")
                .contains("after the scenario's as-of date 2025-08-14"))
        // Without an as-of date, anything may be cited.
        #expect(Self.evaluate("pressure 50% cite seeds/late.md") == "")
    }

    @Test func cardsAreReadForTheirDateAndGrade() {
        let card = EvidenceCard(text: Self.late)
        #expect(card.date == CalendarDate(year: 2026, month: 4, day: 1))
        #expect(card.grade == .analyst)
        #expect(
            EvidenceCard(text: "- Date: 2025-00-00 (year only)\n- Grade: L").date
                == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(
            EvidenceCard(text: "- Date: 2025 (year of publication)").date
                == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(
            EvidenceCard(text: "- Date: 2024-02 (day not recorded)").date == CalendarDate(year: 2024, month: 2, day: 29)
        )
        #expect(EvidenceCard(text: "- Date: 2025-00-00 (year only)\n- Grade: L").grade == .low)
        #expect(EvidenceCard(text: "no fields").date == nil)
        #expect(
            EvidenceCard.candidatePaths("seeds/a.md", citing: "/w/p/scenarios/b.r2s")
                == ["/w/p/scenarios/seeds/a.md", "/w/p/seeds/a.md", "/w/seeds/a.md", "seeds/a.md"])
    }
}
