import R2Model
import Testing

@testable import R2Language

/// Hints for the usual slips: a unit mistyped or written out, a percentage
/// without its `%`, a date written `2025/10`, `from` mistyped, a keyword
/// cut short, and a window or `from` date outside the clock.
@Suite("Slip hints")
struct SlipHintTests {
    // MARK: Units

    @Test func aMistypedUnitIsAnUnknownUnitWhereItIs() {
        #expect(
            errors(prelude + "r2 post 3 mnths") == """
                error: unknown unit `mnths`
                 --> x.r2s:7:11
                  |
                7 | r2 post 3 mnths
                  |           ^^^^^ did you mean `months`?
                """)
        #expect(
            errors(prelude + "fleet h800 3 mnths") == """
                error: unknown unit `mnths`
                 --> x.r2s:7:14
                  |
                7 | fleet h800 3 mnths
                  |              ^^^^^ did you mean `months`?
                """)
        #expect(
            errors(prelude + "let bad = 5 monts") == """
                error: unknown unit `monts`
                 --> x.r2s:7:13
                  |
                7 | let bad = 5 monts
                  |             ^^^^^ did you mean `months`?
                """)
        // Abbreviations edit distance would take elsewhere (`mos` is one
        // edit from `mo`).
        #expect(
            errors(prelude + "let x = 3 mths") == """
                error: unknown unit `mths`
                 --> x.r2s:7:11
                  |
                7 | let x = 3 mths
                  |           ^^^^ did you mean `months`?
                """)
        #expect(
            errors(prelude + "let x = 3 mos") == """
                error: unknown unit `mos`
                 --> x.r2s:7:11
                  |
                7 | let x = 3 mos
                  |           ^^^ did you mean `months`?
                """)
        #expect(errors("let x = 2 wks").contains("^^^ did you mean `weeks`?"))
        #expect(errors("let x = 5 dayz").contains("^^^^ did you mean `days`?"))
        // A value typed on its own says so too.
        #expect(
            errors(prelude + "let x = 2\nx * 3 mnths") == """
                error: unknown unit `mnths`
                 --> x.r2s:8:7
                  |
                8 | x * 3 mnths
                  |       ^^^^^ did you mean `months`?
                """)
    }

    @Test func aPercentageWrittenOutIsWrittenWithPercent() {
        #expect(
            errors(prelude + "pressure 50 percent") == """
                error: unknown unit `percent`
                 --> x.r2s:7:13
                  |
                7 | pressure 50 percent
                  |             ^^^^^^^ write `50%`
                """)
        #expect(
            errors(prelude + "pressure 50 per cent") == """
                error: unknown unit `per cent`
                 --> x.r2s:7:13
                  |
                7 | pressure 50 per cent
                  |             ^^^^^^^^ write `50%`
                """)
    }

    /// Units as written stay units, the words of the language after a
    /// number are read as before, and a word near no unit gets the error
    /// it always had.
    @Test func otherWordsAfterANumberAreLeftAlone() {
        #expect(errors("let x = 3 month") == "")
        #expect(errors("let x = 3 mo + 2 weeks") == "")
        #expect(errors(prelude + "r2 hold 20% for 2 weeks switch after 1 failure port 1 month") == "")
        #expect(
            errors(prelude + "fleet h800 3 xyzzy") == """
                error: expected the end of the statement, found `xyzzy`
                 --> x.r2s:7:14
                  |
                7 | fleet h800 3 xyzzy
                  |              ^^^^^
                """)
    }

    // MARK: Percentages

    @Test func aBareNumberAsAProbabilitySuggestsPercent() {
        #expect(
            errors(prelude + "pressure 50") == """
                error: a probability must lie between 0% and 100%
                 --> x.r2s:7:10
                  |
                7 | pressure 50
                  |          ^^ did you mean `50%`? this is 5000%
                """)
        #expect(
            errors(prelude + "chip h9 foreign perf 1 fail 10") == """
                error: a probability must lie between 0% and 100%
                 --> x.r2s:7:29
                  |
                7 | chip h9 foreign perf 1 fail 10
                  |                             ^^ did you mean `10%`? this is 1000%
                """)
        #expect(
            errors(prelude + "r2 fold 50") == """
                error: a probability must lie between 0% and 100%
                 --> x.r2s:7:9
                  |
                7 | r2 fold 50
                  |         ^^ did you mean `50%`? this reaches 5000% a month
                """)
    }

    /// Only a number written bare from 1 to 100 is taken for a percentage
    /// without `%`: not `101%` (the number 1.01), nor 150.
    @Test func otherProbabilitiesOutOfRangeKeepTheirHelp() {
        #expect(
            errors(prelude + "pressure 101%") == """
                error: a probability must lie between 0% and 100%
                 --> x.r2s:7:10
                  |
                7 | pressure 101%
                  |          ^^^^ this is 101%
                """)
        #expect(
            errors(prelude + "pressure 150") == """
                error: a probability must lie between 0% and 100%
                 --> x.r2s:7:10
                  |
                7 | pressure 150
                  |          ^^^ this is 15000%
                """)
        #expect(errors(prelude + "pressure 5000%").hasSuffix("^^^^^ this is 5000%"))
    }

    // MARK: Dates

    @Test func aDateWrittenWithASlashIsShownWithADash() {
        #expect(
            errors(prelude + "r2 start 2025/10") == """
                error: expected a date such as `2025-07`, found a number
                 --> x.r2s:7:10
                  |
                7 | r2 start 2025/10
                  |          ^^^^^^^ dates are written `2025-10`
                """)
        #expect(
            errors(prelude + "as of 2025/10") == """
                error: expected a date such as `2025-07`, found a number
                 --> x.r2s:7:7
                  |
                7 | as of 2025/10
                  |       ^^^^^^^ dates are written `2025-10`
                """)
        #expect(
            errors(prelude + "clock 2025/01 to 2027/12") == """
                error: expected a date such as `2025-07`, found a number
                 --> x.r2s:7:7
                  |
                7 | clock 2025/01 to 2027/12
                  |       ^^^^^^^ dates are written `2025-01`

                error: expected a date such as `2025-07`, found a number
                 --> x.r2s:7:18
                  |
                7 | clock 2025/01 to 2027/12
                  |                  ^^^^^^^ dates are written `2027-12`
                """)
        #expect(
            errors(prelude + "event e 10% between 2025/10 and 2026/01: pressure 5%") == """
                error: expected a date such as `2025-07`, found a number
                 --> x.r2s:7:21
                  |
                7 | event e 10% between 2025/10 and 2026/01: pressure 5%
                  |                     ^^^^^^^ dates are written `2025-10`

                error: expected a date such as `2025-07`, found a number
                 --> x.r2s:7:33
                  |
                7 | event e 10% between 2025/10 and 2026/01: pressure 5%
                  |                                 ^^^^^^^ dates are written `2026-01`
                """)
        for text in ["event e 10% at 2025/10: pressure 5%", "pressure 5% from 2025/10"] {
            #expect(errors(prelude + text).hasSuffix("^^^^^^^ dates are written `2025-10`"), "\(text)")
        }
    }

    /// `let d = 2025/10` is a number (202.5), accepted; used as a date, its
    /// `let` is traced.
    @Test func aSlashDateBoundByALetIsTraced() {
        #expect(errors("let d = 2025/10") == "")
        #expect(
            errors(prelude + "let d = 2025/10\nr2 start d") == """
                error: expected a date such as `2025-07`, found a number
                 --> x.r2s:8:10
                  |
                8 | r2 start d
                  |          ^ `d` is `2025/10`, a number: dates are written `2025-10`
                """)
        // No month 13: the error alone.
        #expect(
            errors(prelude + "r2 start 2025/13") == """
                error: expected a date such as `2025-07`, found a number
                 --> x.r2s:7:10
                  |
                7 | r2 start 2025/13
                  |          ^^^^^^^
                """)
        // A `let` that is more than the division: not traced.
        let sum = errors(prelude + "let d = 2025/10 + 1\nr2 start d")
        #expect(sum.hasSuffix("8 | r2 start d\n  |          ^"))
    }

    // MARK: Keywords

    @Test func aMistypedFromSuggestsFrom() {
        #expect(
            errors(prelude + "scenario x form baseline") == """
                error: expected `from PARENT` or the end of the statement, found `form`
                 --> x.r2s:7:12
                  |
                7 | scenario x form baseline
                  |            ^^^^ did you mean `from`?
                """)
        #expect(
            errors(prelude + "scenario x frm baseline") == """
                error: expected `from PARENT` or the end of the statement, found `frm`
                 --> x.r2s:7:12
                  |
                7 | scenario x frm baseline
                  |            ^^^ did you mean `from`?
                """)
        #expect(
            errors(prelude + "scenario x y") == """
                error: expected `from PARENT` or the end of the statement, found `y`
                 --> x.r2s:7:12
                  |
                7 | scenario x y
                  |            ^
                """)
        #expect(dump("scenario x from baseline") == "(scenario x from baseline)")
        #expect(dump("scenario x") == "(scenario x)")
    }

    @Test func aKeywordCutShortSuggestsTheOneItStarts() {
        #expect(
            errors(prelude + "export h20 ban") == """
                error: expected `allowed`, `licensed P` or `banned`, found `ban`
                 --> x.r2s:7:12
                  |
                7 | export h20 ban
                  |            ^^^ did you mean `banned`?
                """)
        #expect(
            errors(prelude + "export h20 lic 50%") == """
                error: expected `allowed`, `licensed P` or `banned`, found `lic`
                 --> x.r2s:7:12
                  |
                7 | export h20 lic 50%
                  |            ^^^ did you mean `licensed`?
                """)
    }

    @Test func prefixSuggestionsAreSparing() {
        let statuses = ["allowed", "licensed", "banned"]
        #expect(Suggestion.nearest(to: "ban", in: statuses) == "banned")
        #expect(Suggestion.nearest(to: "lic", in: statuses) == "licensed")
        // Too short to stand for a word, or the start of several: no guess.
        #expect(Suggestion.nearest(to: "ba", in: statuses) == nil)
        #expect(Suggestion.nearest(to: "exp", in: Keywords.statements) == nil)
        // The one word it starts beats a word a few edits away (`seed`);
        // a word differing in case alone beats both.
        #expect(Suggestion.nearest(to: "sect", in: Keywords.statements) == "sector")
        #expect(Suggestion.nearest(to: "Banned", in: ["bannedx", "banned"]) == "banned")
        // Misspellings as before.
        #expect(Suggestion.nearest(to: "forcast", in: Keywords.statements) == "forecast")
        #expect(Suggestion.nearest(to: "h80", in: ["h800", "h20", "ascend910c"]) == "h800")
        #expect(Suggestion.nearest(to: "needs", in: Keywords.statements) == "seed")
    }

    // MARK: Windows outside the clock

    /// In a scenario that states no clock, a window waits for the first
    /// query that runs the scenario; the warning comes before the query,
    /// and the event still applies.
    @Test func aWindowBeforeTheDefaultClockIsWarnedAtTheQuery() {
        let text = prelude + "event early 20% between 2024-01 and 2024-06: pressure 90%\nforecast\n"
        #expect(
            errors(text) == """
                warning: this window lies before the clock (2025-01 to 2027-12): the event applies from 2025-01
                 --> x.r2s:7:25
                  |
                7 | event early 20% between 2024-01 and 2024-06: pressure 90%
                  |                         ^^^^^^^^^^^^^^^^^^^ widen the clock to include it: `clock 2024-01 to 2027-12`
                """)
        let (ws, items) = workspace(text)
        #expect(ws.currentScenario?.events.map(\.name) == ["reban", "early"])
        let kinds = items.suffix(2).map { item -> String in
            switch item {
            case .declaration: return "declaration"
            case .query: return "query"
            case .diagnostic(let d): return d.severity.rawValue
            }
        }
        #expect(kinds == ["warning", "query"])
        // Nothing runs the scenario: nothing is warned yet.
        #expect(errors(prelude + "event early 20% at 2024-06: pressure 90%") == "")
    }

    @Test func aWindowAfterAStatedClockIsWarnedAtOnce() {
        #expect(
            errors(prelude + "clock 2025-01 to 2026-12\nevent late 20% at 2027-03: pressure 90%") == """
                warning: this window lies after the clock (2025-01 to 2026-12): the event never takes effect
                 --> x.r2s:8:19
                  |
                8 | event late 20% at 2027-03: pressure 90%
                  |                   ^^^^^^^ widen the clock to include it: `clock 2025-01 to 2027-03`
                """)
    }

    /// A `clock` after the events checks them against itself: once, and
    /// with no warning for a window the default clock would have left out.
    @Test func aClockAfterTheEventsChecksThem() {
        let narrowed = "event late 20% at 2027-03: pressure 90%\nclock 2025-01 to 2026-12\nforecast\n"
        #expect(
            errors(prelude + narrowed) == """
                warning: this window lies after the clock (2025-01 to 2026-12): the event never takes effect
                 --> x.r2s:7:19
                  |
                7 | event late 20% at 2027-03: pressure 90%
                  |                   ^^^^^^^ widen the clock to include it: `clock 2025-01 to 2027-03`
                """)
        let widened = "event early 20% at 2024-06: pressure 90%\nclock 2024-01 to 2027-12\nforecast\n"
        #expect(errors(prelude + widened) == "")
    }

    @Test func aFromDateOutsideTheClockIsWarned() {
        #expect(
            errors(prelude + "pressure 50% from 2028-02\nforecast\n") == """
                warning: this date lies after the clock (2025-01 to 2027-12): the setting never applies
                 --> x.r2s:7:19
                  |
                7 | pressure 50% from 2028-02
                  |                   ^^^^^^^ widen the clock to include it: `clock 2025-01 to 2028-02`
                """)
        #expect(
            errors(prelude + "pressure 50% from 2024-06\nforecast\n") == """
                warning: this date lies before the clock (2025-01 to 2027-12): the setting applies from 2025-01
                 --> x.r2s:7:19
                  |
                7 | pressure 50% from 2024-06
                  |                   ^^^^^^^ widen the clock to include it: `clock 2024-06 to 2027-12`
                """)
        #expect(
            errors(prelude + "r2 needs 12k chip-months from 2028-02\nforecast\n").hasPrefix(
                "warning: this date lies after the clock (2025-01 to 2027-12): the setting never applies"))
    }

    /// An uncertain window is warned of only when all of it lies outside.
    @Test func anUncertainWindowIsWarnedOnlyWhenWhollyOutside() {
        #expect(errors(prelude + "event e 20% between 2024-06 and 2025-03: pressure 90%\nforecast\n") == "")
        #expect(errors(prelude + "event e 20% at 2027-10 + (1 to 3) months: pressure 90%\nforecast\n") == "")
        let drawn = "event early 20% at between 2024-01 and 2024-06: pressure 90%\nforecast\n"
        #expect(
            errors(prelude + drawn) == """
                warning: this window lies before the clock (2025-01 to 2027-12): the event applies from 2025-01
                 --> x.r2s:7:20
                  |
                7 | event early 20% at between 2024-01 and 2024-06: pressure 90%
                  |                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^ widen the clock to include it: `clock 2024-01 to 2027-12`
                """)
    }

    /// A derived scenario shares its parent's windows: a query running
    /// both warns once, and later queries not again. An event declared
    /// again replaces its window.
    @Test func eachWindowIsWarnedOnce() {
        let text =
            prelude + """
                event early 20% at 2024-06: pressure 90%
                scenario dovish from baseline
                compare baseline dovish
                forecast

                """
        #expect(
            errors(text) == """
                warning: this window lies before the clock (2025-01 to 2027-12): the event applies from 2025-01
                 --> x.r2s:7:20
                  |
                7 | event early 20% at 2024-06: pressure 90%
                  |                    ^^^^^^^ widen the clock to include it: `clock 2024-06 to 2027-12`
                """)
        let again = """
            event late 20% at 2028-03: pressure 90%
            event late 20% at 2026-03: pressure 90%
            forecast

            """
        #expect(errors(prelude + again) == "")
    }
}
