import Testing

@testable import R2Language

@Suite("Parse trees")
struct ParserTests {
    @Test func chipDeclaration() {
        #expect(dump("chip h800 foreign perf 1.0 fail 1%") == "(chip h800 foreign perf 1 fail 0.01)")
        #expect(
            dump("chip ascend910c domestic perf 0.3 to 0.6 fail 15% to 40%")
                == "(chip ascend910c domestic perf (to 0.3 0.6) fail (to 0.15 0.4))")
    }

    @Test func fleetWithSuffixes() {
        #expect(dump("fleet h800 2k to 4k") == "(fleet h800 (to 2000 4000))")
        #expect(dump("fleet h800 1_500") == "(fleet h800 1500)")
        #expect(dump("fleet h800 1.5M") == "(fleet h800 1500000)")
        #expect(dump("fleet h800 2B") == "(fleet h800 2000000000)")
    }

    @Test func makeWithYield() {
        #expect(
            dump("make ascend910c 1k to 3k per month yield 25% to 45% rising 1% per month to 70%")
                == "(make ascend910c (per-month (to 1000 3000)) yield (to 0.25 0.45) rising (per-month 0.01) to 0.7)"
        )
    }

    @Test func exportAndPressureTimelines() {
        #expect(dump("export h20 banned from 2025-04-15") == "(export h20 banned from 2025-04-15)")
        #expect(dump("export h20 licensed 40% from 2025-06") == "(export h20 licensed 0.4 from 2025-06)")
        #expect(dump("pressure 80% from 2025-08") == "(pressure 0.8 from 2025-08)")
    }

    @Test func r2ClausesInAnyOrder() {
        #expect(
            dump("r2 start 2025-02 needs 8k to 20k chip-months post 1 to 3 months")
                == "(r2 start 2025-02 needs (chip-months (to 8000 20000)) post (months (to 1 3)))")
        #expect(
            dump("r2 hold 20% for 1 month switch after 3 failures port 2 weeks restart 5%")
                == "(r2 hold 0.2 for (months 1) switch after 3 port (weeks 2) restart 0.05)")
        #expect(dump("r2 switch never") == "(r2 switch never)")
    }

    @Test func eventWithSeveralChanges() {
        #expect(
            dump("event reban 30% between 2025-10 and 2026-06: export h20 banned; pressure 90%")
                == "(event reban 0.3 between 2025-10 2026-06 : (export h20 banned) (pressure 0.9))")
        #expect(
            dump("event deal 10% at 2026-01: buy h20 5k") == "(event deal 0.1 at 2026-01 : (buy h20 5000))")
    }

    @Test func precedenceAndCalls() {
        #expect(dump("let x = 1 + 2 * 3 - -4") == "(let x (- (+ 1 (* 2 3)) (- 4)))")
        #expect(dump("let x = (1 + 2) * 3") == "(let x (* (+ 1 2) 3))")
        #expect(dump("let x = normal(3, 1) months") == "(let x (months (normal 3 1)))")
        #expect(
            dump("let x = mixture(2 months @ 3, 6 months)")
                == "(let x (mixture (@ (months 2) 3) (months 6)))")
        #expect(dump("let x = between 2025-10 and 2026-06") == "(let x (between 2025-10 2026-06))")
        #expect(dump("let x = 2025-06 + 2 weeks") == "(let x (+ 2025-06 (weeks 2)))")
        #expect(dump("let x = 2 * 3 months") == "(let x (* 2 (months 3)))")
    }

    @Test func aTrailingRateAppliesToTheWholeTerm() {
        #expect(dump("let x = a / 12 * s / y per month") == "(let x (per-month (/ (* (/ a 12) s) y)))")
        #expect(dump("let x = a + b per year") == "(let x (per-year (+ a b)))")
        #expect(dump("let x = a / (b per month)") == "(let x (/ a (per-month b)))")
        #expect(dump("let x = 1k per month * 3 months") == "(let x (* (per-month 1000) (months 3)))")
    }

    @Test func scenariosAndSettings() {
        #expect(dump("scenario hawkish from baseline") == "(scenario hawkish from baseline)")
        #expect(dump("use baseline") == "(use baseline)")
        #expect(dump("as of 2025-06-30") == "(as-of 2025-06-30)")
        #expect(dump("clock 2025-01 to 2027-12") == "(clock 2025-01 2027-12)")
        #expect(dump("trials 20k") == "(trials 20000)")
    }

    @Test func cites() {
        #expect(
            dump("fleet h800 2k cite seeds/h800-fleet.md, seeds/other_card.md")
                == "(fleet h800 2000) [cite seeds/h800-fleet.md seeds/other_card.md]")
    }

    @Test func queries() {
        #expect(dump("forecast") == "(forecast)")
        #expect(dump("p(release by 2026-06)") == "(p release-by 2026-06)")
        #expect(dump("p(no release by 2025-11)") == "(p no-release-by 2025-11)")
        #expect(dump("p(adoption at 2026-12 above 30%)") == "(p adoption-at 2026-12 above 0.3)")
        #expect(dump("quantile release") == "(quantile release)")
        #expect(dump("quantile release 5%, 95%") == "(quantile release 0.05 0.95)")
        #expect(dump("quantile adoption at 2026-12 50%") == "(quantile adoption-at 2026-12 0.5)")
        // The levels may come first, as in an expectation's metric.
        #expect(dump("quantile 5%, 95% release") == "(quantile release 0.05 0.95)")
        #expect(dump("quantile 50% adoption at 2026-12") == "(quantile adoption-at 2026-12 0.5)")
        #expect(
            dump("quantile relase 90%") == """
                error: expected `release`, `named release` or `adoption at DATE`, found `relase`
                 --> x.r2s:1:10
                  |
                1 | quantile relase 90%
                  |          ^^^^^^
                """)
        #expect(dump("median release") == "(median release)")
        #expect(dump("adoption at 2026-12") == "(adoption-at 2026-12)")
        #expect(
            dump("expect p(release by 2026-06) between 30% and 50%")
                == "(expect (p release-by 2026-06) (between 0.3 0.5))")
        #expect(
            dump("expect median release in hawkish later than baseline by 2 months or more")
                == "(expect (median release) in hawkish (later-than baseline by (months 2)))")
        #expect(
            dump("expect quantile 90% adoption at 2026-12 below 40%")
                == "(expect (quantile 0.9 adoption-at 2026-12) (below 0.4))")
        #expect(
            dump("compare baseline hawkish by 2026-01, 2026-06 at 2026-12")
                == "(compare baseline hawkish by 2026-01 2026-06 at 2026-12)")
        #expect(dump("compare baseline, hawkish, dovish") == "(compare baseline hawkish dovish)")
        #expect(
            dump("compare baseline, by 2026-01") == """
                error: expected a scenario name, found `by`
                 --> x.r2s:1:19
                  |
                1 | compare baseline, by 2026-01
                  |                   ^^
                """)
        #expect(dump("sensitivity of p(release by 2026-06)") == "(sensitivity (p release-by 2026-06))")
        // `of` may be left out; a bare `sensitivity` is of the median release.
        #expect(dump("sensitivity median release") == dump("sensitivity of median release"))
        #expect(dump("sensitivity median release") != dump("sensitivity"))
        #expect(dump("sensitivity p(release by 2026-06)") == "(sensitivity (p release-by 2026-06))")
        #expect(dump("sensitivity mdian release").hasPrefix("error: "))
        // `in NAME` after a query about one scenario.
        #expect(dump("median release in hawk") == "(in hawk (median release))")
        #expect(dump("quantile release 10%, 90% in hawk") == "(in hawk (quantile release 0.1 0.9))")
        #expect(dump("forecast in hawk") == "(in hawk (forecast))")
        #expect(dump("explain in hawk") == "(in hawk (explain))")
        #expect(dump("explain x in hawk") == "(in hawk (explain x))")
        #expect(dump("plot release in hawk to h.svg") == "(in hawk (plot release \"h.svg\"))")
        #expect(dump("sensitivity in hawk") == "(in hawk (sensitivity))")
        #expect(dump("quantile release in hawk") == "(in hawk (quantile release))")
        #expect(dump("quantile adoption at 2026-01 in hawk") == "(in hawk (quantile adoption-at 2026-01))")
        #expect(dump("trace 3 in hawk") == "(in hawk (trace 3))")
        #expect(dump("tornado in hawk") == "(in hawk (tornado))")
        #expect(dump("observe no release by 2025-11") == "(observe no-release-by 2025-11)")
        #expect(dump("observe export h20 banned at 2025-05") == "(observe export h20 banned at 2025-05)")
        #expect(dump("observe event reban not fired") == "(observe event reban not-fired)")
        #expect(dump("unobserve all") == "(unobserve all)")
        #expect(dump("trace where release after 2026-06") == "(trace where release after 2026-06)")
        #expect(dump("trace 17") == "(trace 17)")
        #expect(dump("explain h800") == "(explain h800)")
        #expect(dump("fan adoption") == "(fan adoption)")
        #expect(dump("plot cdf to out/release-cdf.svg") == "(plot cdf \"out/release-cdf.svg\")")
        #expect(dump("plot fan to fan.svg") == "(plot adoption \"fan.svg\")")
        #expect(dump("plot hist to h.svg") == "(plot release \"h.svg\")")
        #expect(dump("plot tornado to t.svg") == "(plot sensitivity \"t.svg\")")
    }

    @Test func continuationLinesFormOneStatement() {
        let text = """
            make ascend910c 1k to \\
              3k per month
            r2 start 2025-02
              needs (8k to
              20k)
            """
        #expect(
            dumps(text) == [
                "(make ascend910c (per-month (to 1000 3000)))",
                "(r2 start 2025-02)",
                // The `r2` line ends with a date, so it ends the statement.
                """
                error: unknown statement `needs`
                 --> x.r2s:4:3
                  |
                4 |   needs (8k to
                  |   ^^^^^ did you mean `seed`?
                """,
            ])
    }

    /// A dangling operator or range word does not swallow the next
    /// statement: each error shows at its own line, and the next statement
    /// applies.
    @Test func aDanglingOperatorStopsAtTheNextStatement() {
        let text = """
            fleet h800 2k to
            pressure 50%
            buy h20 1k *
            forecast
            """
        #expect(
            dumps(text) == [
                """
                error: expected a quantity, found the end of the statement
                 --> x.r2s:1:17
                  |
                1 | fleet h800 2k to
                  |                 ^
                """,
                "(pressure 0.5)",
                """
                error: expected a quantity, found the end of the statement
                 --> x.r2s:3:13
                  |
                3 | buy h20 1k *
                  |             ^
                """,
                "(forecast)",
            ])
        // Not a statement keyword: the line goes on as before.
        #expect(dumps("fleet h800 2k to\n  8k") == ["(fleet h800 (to 2000 8000))"])
        // After `:` an event's statements may start the next line.
        #expect(dumps("event reban 20% between 2025-10 and 2026-12:\n  export h20 banned").count == 1)
        // The REPL still asks for the rest of an unfinished line.
        #expect(Parser.needsContinuation("fleet h800 2k to"))
    }

    @Test func commentsAndBlankLines() {
        #expect(dumps("# a comment\n\nforecast  # trailing\n\n") == ["(forecast)"])
    }
}
