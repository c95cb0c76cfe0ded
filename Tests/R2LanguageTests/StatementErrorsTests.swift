import R2Model
import Testing

@testable import R2Language

/// A statement whose independent parts each fail reports every error, in
/// source order, and still changes nothing.
@Suite struct StatementErrorsTests {
    @Test func aChipReportsItsPerfAndItsFail() {
        #expect(
            errors("chip h800 foreign perf -1 fail 150%") == """
                error: `perf` cannot be negative
                 --> x.r2s:1:24
                  |
                1 | chip h800 foreign perf -1 fail 150%
                  |                        ^^ this is -1

                error: a probability must lie between 0% and 100%
                 --> x.r2s:1:32
                  |
                1 | chip h800 foreign perf -1 fail 150%
                  |                                ^^^^ this is 150%
                """)
        let (ws, _) = workspace("chip h800 foreign perf -1 fail 150%")
        #expect(ws.currentScenario?.chips.isEmpty ?? true)
    }

    @Test func aChangeReportsItsChipAndItsValue() {
        let text = "chip h800 foreign perf 1 fail 0\nbuy h8000 -5 from 2025-13"
        // The date is a lexical error: the statement stops there.
        #expect(errors(text).hasPrefix("error: no such date `2025-13`"))
        #expect(
            errors("chip h800 foreign perf 1 fail 0\nbuy h8000 -5") == """
                error: unknown chip `h8000`
                 --> x.r2s:2:5
                  |
                2 | buy h8000 -5
                  |     ^^^^^ did you mean `h800`?

                error: a purchase cannot be negative
                 --> x.r2s:2:11
                  |
                2 | buy h8000 -5
                  |           ^^ this is -5
                """)
    }

    @Test func aFleetReportsItsChipAndItsValue() {
        let columns = errors("chip h800 foreign perf 1 fail 0\nfleet h8000 -5").split(separator: "\n")
            .filter { $0.hasPrefix(" -->") }
        #expect(columns == [" --> x.r2s:2:7", " --> x.r2s:2:13"])
    }

    @Test func r2ClausesAreCheckedApartAndApplyAllOrNothing() {
        let text = "r2 start 2025-02 needs -1k post 2 months hold 150% for 1 month"
        let rendered = errors(text)
        #expect(rendered.components(separatedBy: "error: ").count == 3)
        #expect(rendered.hasPrefix("error: the compute R2 needs cannot be negative\n --> x.r2s:1:24"))
        #expect(rendered.contains("error: a probability must lie between 0% and 100%\n --> x.r2s:1:47"))
        // The good clauses did not apply either.
        var ws = Workspace()
        _ = ws.evaluate(SourceFile(name: "x.r2s", text: "r2 start 2025-03\n" + text))
        #expect(ws.currentScenario?.r2.start == .constant(Double(2025 * 12 + 2)))
        #expect(ws.currentScenario?.r2.post == .constant(0))
    }

    @Test func anEventReportsItsProbabilityWindowAndChanges() {
        let text = "event e 120% between 2026-05 and 2026-01: pressure 150%; fail zz 10%"
        let rendered = errors(text)
        let heads = rendered.split(separator: "\n").filter { $0.hasPrefix("error:") || $0.hasPrefix(" -->") }
        #expect(
            heads == [
                "error: a probability must lie between 0% and 100%", " --> x.r2s:1:9",
                "error: the window ends before it starts", " --> x.r2s:1:22",
                "error: a probability must lie between 0% and 100%", " --> x.r2s:1:52",
                "error: unknown chip `zz`", " --> x.r2s:1:63",
            ])
        let (ws, _) = workspace(text)
        #expect(ws.currentScenario?.events.isEmpty ?? true)
    }

    @Test func aYieldReportsEachOfItsParts() {
        let text = "chip a domestic perf 1 fail 0\nyield a 120% rising 200% per month to 150%"
        let columns = errors(text).split(separator: "\n").filter { $0.hasPrefix(" -->") }
        #expect(columns == [" --> x.r2s:2:9", " --> x.r2s:2:21", " --> x.r2s:2:39"])
    }
}
