import Testing

@testable import R2Language

@Suite("Rendered diagnostics")
struct DiagnosticTests {
    @Test func unknownChipSuggestsTheNearestName() {
        let text = """
            chip h800 foreign
            chip ascend910c domestic
            fleet h80 2k
            """
        #expect(
            errors(text, file: "scenarios/x.r2s") == """
                error: unknown chip `h80`
                 --> scenarios/x.r2s:3:7
                  |
                3 | fleet h80 2k
                  |       ^^^ did you mean `h800`?
                """)
    }

    @Test func chipUsedBeforeItIsDeclared() {
        let text = """
            fleet h800 2k
            chip h800 foreign
            """
        #expect(
            errors(text) == """
                error: unknown chip `h800`
                 --> x.r2s:1:7
                  |
                1 | fleet h800 2k
                  |       ^^^^ declare it first with `chip h800 foreign` or `chip h800 domestic`
                """)
    }

    @Test func dateThatDoesNotExist() {
        #expect(
            errors("as of 2025-02-30") == """
                error: no such date `2025-02-30`
                 --> x.r2s:1:7
                  |
                1 | as of 2025-02-30
                  |       ^^^^^^^^^^ February 2025 has 28 days
                """)
        #expect(
            errors("pressure 50% from 2025-13") == """
                error: no such date `2025-13`
                 --> x.r2s:1:19
                  |
                1 | pressure 50% from 2025-13
                  |                   ^^^^^^^ months run from 01 to 12
                """)
    }

    @Test func probabilityAboveOne() {
        #expect(
            errors("pressure 150%") == """
                error: a probability must lie between 0% and 100%
                 --> x.r2s:1:10
                  |
                1 | pressure 150%
                  |          ^^^^ this is 150%
                """)
    }

    @Test func betaWithShapeZero() {
        #expect(
            errors("let share = beta(0, 2)") == """
                error: `beta` needs both shapes above 0
                 --> x.r2s:1:18
                  |
                1 | let share = beta(0, 2)
                  |                  ^ this is 0
                """)
    }

    @Test func intervalRunningBackwards() {
        #expect(
            errors("chip h800 foreign\nfleet h800 5 to 3") == """
                error: the low end of `a to b` is above its high end
                 --> x.r2s:2:12
                  |
                2 | fleet h800 5 to 3
                  |            ^^^^^^ 5 is above 3
                """)
    }

    /// A lognormal's parameters are logarithms: `lognormal(1000, 1)` meant
    /// as a median of 1000 draws e^1000, infinite in single precision, and
    /// once simulated every trial silently (a fleet of infinitely many chips).
    @Test func lognormalDrawingBeyondTheLargestValue() {
        #expect(
            errors("chip h20 foreign\nfleet h20 lognormal(1000, 1)") == """
                error: `lognormal` draws values above 1e30, the largest r2cast simulates, in more than one trial in a million
                 --> x.r2s:2:11
                  |
                2 | fleet h20 lognormal(1000, 1)
                  |           ^^^^^^^^^^^^^^^^^^ its parameters are in log space (the median is e^mu): for a median of 1000, write `lognormal(6.908, ...)`, or a 90% interval `a to b`
                """)
        #expect(
            errors("let x = 1 to 1e25") == """
                error: `a to b` (lognormal when both ends are above 0) draws values above 1e30, the largest r2cast simulates, in more than one trial in a million
                 --> x.r2s:1:9
                  |
                1 | let x = 1 to 1e25
                  |         ^^^^^^^^^ this 90% interval spans 25 orders of magnitude; narrow it
                """)
        // The bound: the quantile at z = 4.75 against ln 1e30 = 69.08.
        #expect(errors("let x = lognormal(20, 10)") == "")
        #expect(errors("let x = lognormal(0.5, 14.5)").contains("lower mu or sigma"))
        #expect(errors("let x = 1 to 1e9") == "")
        #expect(errors("let x = -1 to 1e29") == "")
    }

    /// A misspelt keyword where one of a few is expected gets the nearest.
    @Test func misspeltKeywordsSuggestTheNearest() {
        #expect(
            errors("chip h800 foriegn") == """
                error: expected `foreign` or `domestic`, found `foriegn`
                 --> x.r2s:1:11
                  |
                1 | chip h800 foriegn
                  |           ^^^^^^^ did you mean `foreign`?
                """)
        #expect(
            errors("chip h20 foreign\nexport h20 licenced 50%") == """
                error: expected `allowed`, `licensed P` or `banned`, found `licenced`
                 --> x.r2s:2:12
                  |
                2 | export h20 licenced 50%
                  |            ^^^^^^^^ did you mean `licensed`?
                """)
        // Nothing near: no suggestion.
        #expect(errors("chip h800 abroad").hasSuffix("^^^^^^"))
    }

    /// `from A to B` reads as a setting that stops at B, but `to` makes a
    /// 90% interval: of two dates, a lognormal over months since year 0.
    @Test func intervalOfTwoDates() {
        #expect(
            errors("chip h20 foreign\nbuy h20 2k per month from 2025-09 to 2026-01") == """
                error: `a to b` of two dates is not a date window, nor a setting's end
                 --> x.r2s:2:27
                  |
                2 | buy h20 2k per month from 2025-09 to 2026-01
                  |                           ^^^^^^^^^^^^^^^^^^ an uncertain month is `between 2025-09 and 2026-01`; a setting that stops takes a second statement from the month it stops
                """)
        // The clock's `to` is its own syntax, not an interval.
        #expect(errors("clock 2025-01 to 2026-12") == "")
    }

    @Test func clockEndingBeforeItStarts() {
        #expect(
            errors("clock 2027-12 to 2025-01") == """
                error: the clock ends before it starts
                 --> x.r2s:1:7
                  |
                1 | clock 2027-12 to 2025-01
                  |       ^^^^^^^^^^^^^^^^^^ 2025-01 is before 2027-12
                """)
    }

    @Test func trialCountOutOfRange() {
        #expect(
            errors("trials 0") == """
                error: the trial count must lie between 1 and 50000000
                 --> x.r2s:1:8
                  |
                1 | trials 0
                  |        ^ this is 0
                """)
        #expect(
            errors("trials 60M") == """
                error: the trial count must lie between 1 and 50000000
                 --> x.r2s:1:8
                  |
                1 | trials 60M
                  |        ^^^ this is 60000000
                """)
    }

    @Test func unknownStatementSuggestsAKeyword() {
        #expect(
            errors("forcast") == """
                error: unknown statement `forcast`
                 --> x.r2s:1:1
                  |
                1 | forcast
                  | ^^^^^^^ did you mean `forecast`?
                """)
    }

    @Test func durationWithoutUnit() {
        #expect(
            errors("r2 post 2") == """
                error: expected a duration such as `2 months`, found a number
                 --> x.r2s:1:9
                  |
                1 | r2 post 2
                  |         ^
                """)
    }

    @Test func everyErrorOfAFileIsReported() {
        let text = """
            chip h800 foreign
            fleet h80 2k
            pressure 120%
            forcast
            fleet h800 1k
            """
        #expect(
            errors(text) == """
                error: unknown chip `h80`
                 --> x.r2s:2:7
                  |
                2 | fleet h80 2k
                  |       ^^^ did you mean `h800`?

                error: a probability must lie between 0% and 100%
                 --> x.r2s:3:10
                  |
                3 | pressure 120%
                  |          ^^^^ this is 120%

                error: unknown statement `forcast`
                 --> x.r2s:4:1
                  |
                4 | forcast
                  | ^^^^^^^ did you mean `forecast`?
                """)
    }

    @Test func gutterWidensWithTheLineNumber() {
        let text = String(repeating: "\n", count: 11) + "seed -1"
        #expect(
            errors(text) == """
                error: the seed must be a whole number from 0 to 9007199254740992
                  --> x.r2s:12:6
                   |
                12 | seed -1
                   |      ^^ this is -1
                """)
    }

    @Test func notesFollowTheSource() {
        let file = SourceFile(name: "n.r2s", text: "forecast\n")
        let message = DiagnosticMessage(id: "demo", severity: .warning, text: "demonstration")
        let d = Diagnostic(
            message, in: file, at: SourceRange(start: 0, end: 8), help: "here", note: "and more")
        #expect(
            d.render() == """
                warning: demonstration
                 --> n.r2s:1:1
                  |
                1 | forecast
                  | ^^^^^^^^ here
                  = note: and more
                """)
    }

    /// A chart asked of the other chart's subject names the chart that shows it.
    @Test func chartOfTheWrongSubjectNamesTheRightChart() {
        #expect(
            errors("hist adoption") == """
                error: expected `release`, found `adoption`
                 --> x.r2s:1:6
                  |
                1 | hist adoption
                  |      ^^^^^^^^ adoption's monthly bands are `fan adoption`
                """)
        #expect(
            errors("fan release") == """
                error: expected `adoption`, found `release`
                 --> x.r2s:1:5
                  |
                1 | fan release
                  |     ^^^^^^^ the release's distribution is `hist release` or `cdf release`
                """)
        #expect(
            errors("cdf relase") == """
                error: expected `release`, found `relase`
                 --> x.r2s:1:5
                  |
                1 | cdf relase
                  |     ^^^^^^ did you mean `release`?
                """)
    }

    @Test func colours() {
        var ws = Workspace()
        let items = ws.evaluate(SourceFile(name: "x.r2s", text: "forcast"))
        let rendered = diagnostics(items)[0].render(colors: true)
        #expect(
            rendered.hasPrefix("\u{1B}[1;31merror\u{1B}[0m\u{1B}[1m: unknown statement `forcast`\u{1B}[0m\n"))
        #expect(rendered.contains("\u{1B}[1;34m-->\u{1B}[0m x.r2s:1:1"))
    }

    @Test func diagnosticsCarryIdsAndLocations() {
        var ws = Workspace()
        let d = diagnostics(ws.evaluate(SourceFile(name: "x.r2s", text: "\n  pressure 2")))[0]
        #expect(d.id == "probability-out-of-range")
        #expect(d.severity == .error)
        #expect(d.location == SourceLocation(line: 2, column: 12))
        #expect(d.range == SourceRange(start: 12, end: 13))
    }

    /// Given a terminal's width, the message, help and note wrap at spaces,
    /// each under its own first word; without one nothing wraps.
    @Test func longDiagnosticsWrapToTheWidth() throws {
        let text = "chip h800 foreign perf 1 fail 0\nfleet h800 (1k to 2k) - (500 to 2k)"
        var ws = Workspace(tailSampler: TailSampler(draws: 20_000) { _, _, _, _ in 0.227 })
        let items = ws.evaluate(SourceFile(name: "x.r2s", text: text))
        let diagnostic = try #require(
            items.compactMap { item -> Diagnostic? in
                if case .diagnostic(let d) = item { return d }
                return nil
            }.first)
        #expect(
            diagnostic.render(width: 50) == """
                warning: about 22.7% of the draws of a fleet are
                         negative; the engine clamps them to 0
                 --> x.r2s:2:12
                  |
                2 | fleet h800 (1k to 2k) - (500 to 2k)
                  |            ^^^^^^^^^^^^^^^^^^^^^^^^
                  |            `max(0, ...)` makes the clamp
                  |            explicit
                  = note: estimated from 20,000 draws of the
                          value: arithmetic on distributions has
                          no closed form here
                """)
        #expect(
            diagnostic.render(width: 70).split(separator: "\n").contains {
                $0 == "  |            ^^^^^^^^^^^^^^^^^^^^^^^^ `max(0, ...)` makes the clamp"
            })
        #expect(!diagnostic.render().contains("\n         negative"))
        #expect(diagnostic.render(width: 50).split(separator: "\n").allSatisfy { $0.count <= 50 })
    }
}
