import R2Model
import Testing

@testable import R2Language

/// Runs to a precision as the language writes them: `QUERY to ±X`, the
/// scenario setting `trials to ±X`, their parse trees, what they resolve
/// to, and the diagnostics for each kind of bad precision.
@Suite("Precision language")
struct PrecisionLanguageTests {
    @Test func queriesAndTheSettingParse() {
        #expect(dump("forecast to ±0.5%") == "(to (precision 0.005) (forecast))")
        #expect(dump("forecast to +-0.5%, +-3 days max 1M") == "(to (precision 0.005 (days 3) max 1000000) (forecast))")
        #expect(dump("forecast in hawk to ±1%") == "(to (precision 0.01) (in hawk (forecast)))")
        #expect(dump("p(release by 2026-06) to ±0.2%") == "(to (precision 0.002) (p release-by 2026-06))")
        // `to ±` ends a range, a list of levels and a sector window.
        #expect(dump("quantile release 10%, 90% to ±3 days") == "(to (precision (days 3)) (quantile release 0.1 0.9))")
        #expect(dump("median sector share in 2026 to ±1%") == "(to (precision 0.01) (median sector-share-in 2026))")
        #expect(
            dump("median sector share in 2025-03 to 2025-08 to ±1%")
                == "(to (precision 0.01) (median sector-share-in 2025-03 to 2025-08))")
        #expect(
            dump("expect p(release by 2026-06) above 50% to ±0.5%")
                == "(to (precision 0.005) (expect (p release-by 2026-06) (above 0.5)))")
        #expect(dump("trials to ±0.5%, ±2 days max 500k") == "(trials (precision 0.005 (days 2) max 500000))")
        // A range is still a range.
        #expect(dump("fleet h800 1k to 2k") == "(fleet h800 (to 1000 2000))")
    }

    @Test func precisionsResolve() throws {
        let (ws, items) = workspace(
            prelude + """
                forecast to ±0.5%, ±3 days
                p(release by 2026-06) to ±0.2% max 100k
                median release to ±1 week
                trials to ±1% max 40k

                """)
        #expect(diagnostics(items).isEmpty)
        let qs = queries(items)
        #expect(
            qs.map(\.precision) == [
                Precision(share: 0.005, months: 3 * (1 / CalendarDate.averageDaysPerMonth)),
                Precision(share: 0.002, months: nil, cap: 100_000),
                Precision(share: nil, months: 7 * (1 / CalendarDate.averageDaysPerMonth)),
            ])
        #expect(ws.currentScenario?.precision == Precision(share: 0.01, cap: 40_000))
        // `trials N` afterwards gives a trial count back.
        let (again, _) = workspace(prelude + "trials to ±1%\ntrials 30k\n")
        #expect(again.currentScenario?.precision == nil)
        #expect(again.currentScenario?.trials == 30_000)
    }

    @Test func badPrecisionsAreDiagnosed() {
        #expect(
            errors(prelude + "forecast to 0.5%") == """
                error: expected `±` and a precision, such as `±0.5%` or `±3 days`, found `0.5%`
                 --> x.r2s:7:13
                  |
                7 | forecast to 0.5%
                  |             ^^^^ a precision is a standard error: `to ±0.5%` for shares, `to ±3 days` for dates (`+-` types `±`)
                """)
        #expect(
            errors(prelude + "median release to ±0.5%") == """
                error: this metric is a date: give its precision in time, such as `±3 days`
                 --> x.r2s:7:19
                  |
                7 | median release to ±0.5%
                  |                   ^^^^^
                """)
        #expect(
            errors(prelude + "p(release by 2026-06) to ±3 days") == """
                error: this metric is a share: give its precision as a share, such as `±0.5%`
                 --> x.r2s:7:26
                  |
                7 | p(release by 2026-06) to ±3 days
                  |                          ^^^^^^^
                """)
        #expect(
            errors(prelude + "forecast to ±0%") == """
                error: a precision must be above zero (and a share at most ±50%)
                 --> x.r2s:7:14
                  |
                7 | forecast to ±0%
                  |              ^^ this is 0%
                """)
        #expect(
            errors(prelude + "forecast to ±1%, ±0.5%") == """
                error: a precision gives its share target once
                 --> x.r2s:7:19
                  |
                7 | forecast to ±1%, ±0.5%
                  |                   ^^^^
                """)
        #expect(
            errors(prelude + "trials to ±1% max 15k") == """
                error: the most trials of a run to a precision must be a multiple of 10,000 between 20,000 and 50,000,000
                 --> x.r2s:7:19
                  |
                7 | trials to ±1% max 15k
                  |                   ^^^ this is 15000; a run to a precision adds blocks of 10,000 trials
                """)
        #expect(
            errors(prelude + "forecast to ±2025-06") == """
                error: expected a share such as `±0.5%` or a time such as `±3 days`, found a date
                 --> x.r2s:7:14
                  |
                7 | forecast to ±2025-06
                  |              ^^^^^^^
                """)
        // Only queries that report estimates take a precision.
        #expect(errors(prelude + "trace 1 to ±1%").contains("error: expected the end of the statement, found `to`"))
    }

    /// A value typed on its own is a query of its distribution; a word that
    /// is no `let` is still an unknown statement with its suggestion.
    @Test func valuesTypedAlone() {
        #expect(dump("x") == "(value x)")
        #expect(dump("ascend_output_2025 / 12") == "(value (/ ascend_output_2025 12))")
        #expect(dump("2k * 3") == "(value (* 2000 3))")
        #expect(dump("mean x") == "(mean-value x)")
        #expect(dump("mean release") == "(mean release)")
        #expect(
            errors(prelude + "forcast") == """
                error: unknown statement `forcast`
                 --> x.r2s:7:1
                  |
                7 | forcast
                  | ^^^^^^^ did you mean `forecast`?
                """)
        let (_, items) = workspace(prelude + "let x = 10 to 20\nx * 2\n")
        #expect(diagnostics(items).isEmpty)
        guard case .value(let v)? = queries(items).first?.query else {
            Issue.record("not a value query")
            return
        }
        #expect(v.dimension == .number && v.constant == nil && !v.meanOnly)
    }

    /// `p` is a value's name unless `(` follows it: `let p = beta(2, 5)`
    /// then `p` showed "expected `(`". Without a `let p`, `p` alone and `p`
    /// without its parenthesis still say what a probability is.
    @Test func aValueNamedP() {
        #expect(dump("p") == "(value p)")
        #expect(dump("p * 2") == "(value (* p 2))")
        #expect(dump("mean p") == "(mean-value p)")
        #expect(dump("p(release by 2026-06)") == "(p release-by 2026-06)")
        let (_, items) = workspace(prelude + "let p = beta(2, 5)\np\n")
        #expect(diagnostics(items).isEmpty)
        guard case .value(let v)? = queries(items).first?.query else {
            Issue.record("not a value query")
            return
        }
        #expect(v.dimension == .number && v.constant == nil && !v.meanOnly)
        #expect(
            errors(prelude + "p") == """
                error: unknown statement `p`
                 --> x.r2s:7:1
                  |
                7 | p
                  | ^ a probability is `p(release by DATE)`, `p(folded by DATE)` or `p(adoption at DATE above X)`
                """)
        #expect(
            errors(prelude + "p release by 2026-06") == """
                error: expected `(`, found `release`
                 --> x.r2s:7:3
                  |
                7 | p release by 2026-06
                  |   ^^^^^^^
                """)
    }
}
