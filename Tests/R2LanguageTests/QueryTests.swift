import R2Model
import Testing

@testable import R2Language

@Suite("Queries")
struct QueryTests {
    /// The resolved query of the last line of `text` after the prelude.
    func resolved(_ text: String) -> Query? {
        let (_, items) = workspace(prelude + "scenario dovish from baseline\nuse baseline\n" + text)
        let found = diagnostics(items).map { $0.render() }
        #expect(found.isEmpty)
        return queries(items).last?.query
    }

    @Test func forecastsAndMetrics() {
        #expect(resolved("forecast") == .forecast)
        #expect(
            resolved("p(release by 2026-06)")
                == .metric(.releaseProbability(by: end(2026, 6), released: true, reading: .flagship)))
        #expect(
            resolved("p(no release by 2025-11-15)")
                == .metric(.releaseProbability(by: end(2025, 11, 15), released: false, reading: .flagship)))
        #expect(
            resolved("p(adoption at 2026-12 above 30%)")
                == .metric(.adoptionProbability(month: 2026 * 12 + 11, .above, threshold: 0.3)))
        #expect(resolved("median release") == .metric(.releaseQuantile(0.5, .flagship)))
        #expect(resolved("mean release") == .metric(.releaseMean(.flagship)))
        #expect(resolved("adoption at 2026-12") == .metric(.adoptionMean(month: 2026 * 12 + 11)))
        #expect(resolved("quantile release") == .releaseQuantiles([0.1, 0.5, 0.9], .flagship))
        #expect(
            resolved("quantile adoption at 2026-01 25%, 75%")
                == .adoptionQuantiles(month: 2026 * 12, [0.25, 0.75]))
    }

    @Test func expectations() {
        #expect(
            resolved("expect p(release by 2026-06) between 30% and 50%")
                == .expect(
                    Expectation(
                        metric: .releaseProbability(by: end(2026, 6), released: true, reading: .flagship),
                        scenario: "baseline",
                        bound: .between(0.3, 0.5))))
        #expect(
            resolved("expect median release before 2026-09")
                == .expect(
                    Expectation(
                        metric: .releaseQuantile(0.5, .flagship), scenario: "baseline", bound: .below(month(2026, 9)))))
        #expect(
            resolved("expect mean release in dovish later than baseline by 2 months or more")
                == .expect(
                    Expectation(
                        metric: .releaseMean(.flagship), scenario: "dovish",
                        bound: .aboveScenario("baseline", margin: 2)
                    )))
        #expect(
            resolved("expect adoption at 2026-12 below dovish by 5% or more")
                == .expect(
                    Expectation(
                        metric: .adoptionMean(month: 2026 * 12 + 11), scenario: "baseline",
                        bound: .belowScenario("dovish", margin: 0.05))))
        #expect(
            resolved("expect censored below 10%")
                == .expect(Expectation(metric: .censoredShare, scenario: "baseline", bound: .below(0.1))))
    }

    @Test func dateBoundsCoverWholeMonths() {
        #expect(
            resolved("expect median release between 2026-01 and 2026-09")
                == .expect(
                    Expectation(
                        metric: .releaseQuantile(0.5, .flagship), scenario: "baseline",
                        bound: .between(month(2026, 1), end(2026, 9)))))
        #expect(
            resolved("expect median release after 2026-09-14")
                == .expect(
                    Expectation(
                        metric: .releaseQuantile(0.5, .flagship), scenario: "baseline", bound: .above(end(2026, 9, 14)))
                ))
        #expect(resolved("trace where release after 2026-02") == .trace(.releaseAfter(end(2026, 2))))
    }

    @Test func otherQueries() {
        #expect(
            resolved("compare baseline dovish by 2026-01, 2026-06 at 2026-12")
                == .compare(
                    scenarios: ["baseline", "dovish"], releaseBy: [end(2026, 1), end(2026, 6)],
                    adoptionAt: [2026 * 12 + 11]))
        #expect(resolved("sensitivity") == .sensitivity(.releaseQuantile(0.5, .flagship)))
        #expect(
            resolved("observe no release by 2025-11")
                == .observe(.release(by: end(2025, 11), happened: false)))
        #expect(
            resolved("observe export h20 banned at 2025-12")
                == .observe(.export(chip: 1, month: 2025 * 12 + 11, status: .banned)))
        #expect(resolved("observe event reban not fired") == .observe(.event(0, fired: false)))
        #expect(
            resolved("observe adoption at 2026-01 above 10%")
                == .observe(.adoption(month: 2026 * 12, comparison: .above, threshold: 0.1)))
        #expect(resolved("unobserve") == .unobserve(.last))
        #expect(resolved("unobserve 2") == .unobserve(.number(2)))
        #expect(resolved("trace 17") == .trace(.trial(17)))
        #expect(resolved("trace where no release") == .trace(.noRelease))
        #expect(resolved("explain") == .explain(.all))
        #expect(resolved("explain ascend910c") == .explain(.chip(2)))
        #expect(resolved("explain reban") == .explain(.event(0)))
        #expect(resolved("tornado") == .chart(.tornado))
        #expect(resolved("plot adoption to \"out/fan.svg\"") == .plot(.adoption, path: "out/fan.svg"))
    }

    @Test func queryItemsCarryScenarioRangeAndText() throws {
        let (_, items) = workspace(prelude + "scenario dovish from baseline\nforecast")
        let item = try #require(queries(items).first)
        #expect(item.scenario == "dovish")
        #expect(item.text == "forecast")
        #expect(item.location == "x.r2s:8")
    }

    @Test func aScenarioWithoutR2IsReportedAtTheQuery() {
        let text = """
            chip h800 foreign
            fleet h800 2k
            observe no release by 2025-11
            forecast
            """
        #expect(
            errors(text) == """
                error: scenario `baseline` cannot be simulated: it has no `r2 start` and no `r2 needs`
                 --> x.r2s:4:1
                  |
                4 | forecast
                  | ^^^^^^^^ add `r2 start DATE needs COMPUTE chip-months` before this
                """)
        var ws = Workspace()
        let file = SourceFile(name: "x.r2s", text: "chip h800 foreign\nr2 start 2025-03\nforecast")
        _ = ws.evaluate(file)
        let found = ws.simulationDiagnostics(
            forScenario: "baseline", at: SourceRange(start: 35, end: 43), in: file)
        #expect(
            found.map(\.message.text) == ["scenario `baseline` cannot be simulated: it has no `r2 needs`"])
    }

    @Test func queryErrors() {
        let base = prelude + "scenario dovish from baseline\n"
        #expect(errors(base + "compare dovish hawkis").contains("error: unknown scenario `hawkis`"))
        #expect(errors(base + "compare dovish").hasPrefix("error: `compare` needs at least two scenarios"))
        #expect(errors(base + "observe event rebn fired").contains("did you mean `reban`?"))
        #expect(
            errors(base + "adoption at 2030-01").hasPrefix(
                "error: 2030-01 lies outside the clock 2025-01 to 2027-12"))
        // A release after the clock is censored: whether it came by a later
        // date is not known, in a query, an expectation, `compare` or `observe`.
        let byLater = errors(base + "p(release by 2030-01)")
        #expect(byLater.hasPrefix("error: 2030-01 lies outside the clock 2025-01 to 2027-12"))
        #expect(
            byLater.hasSuffix(
                "a release after 2027-12 is censored, its date not known: ask about 2027-12 or earlier, or extend `clock`"
            ))
        #expect(errors(base + "expect p(no release by 2028-01) below 5%").contains("2028-01 lies outside the clock"))
        #expect(errors(base + "compare baseline dovish by 2026-06, 2029-01").contains("2029-01 lies outside the clock"))
        #expect(errors(base + "observe release by 2028-03").contains("2028-03 lies outside the clock"))
        #expect(errors(base + "trace where release after 2028-03").contains("2028-03 lies outside the clock"))
        // The clock's last month and dates before its start are fine.
        #expect(errors(base + "p(release by 2027-12-31)\np(release by 2024-06)") == "")
        #expect(
            errors(base + "expect median release above 30%").hasPrefix(
                "error: this bound does not fit a release date"))
        #expect(
            errors(base + "expect p(release by 2026-01) after 2026-01").hasPrefix(
                "error: this bound does not fit a probability"))
        #expect(
            errors(base + "expect p(release by 2026-01) between 60% and 40%").hasPrefix(
                "error: the upper bound of `between`"))
        #expect(errors(base + "trace 0").hasPrefix("error: trials are numbered from 1"))
        // A number past any run is not "numbered from 1" (it once said so).
        #expect(
            errors(base + "trace 99999999999999999999").hasPrefix("error: there is no trial 1e+20")
                && errors(base + "trace 99999999999999999999").hasSuffix("a run has at most 50,000,000 trials"))
        #expect(errors(base + "plot cdf to out.png").hasPrefix("error: a plot is written to an `.svg` file"))
        #expect(errors(base + "explain h8000").contains("did you mean `h800`?"))
        #expect(errors(base + "quantile release 150%").hasPrefix("error: a probability must lie between"))
    }
}

@Suite("Continuation and completion")
struct ContinuationTests {
    static let open: [String] = [
        "make asc 1k to", "r2 start 2025-02 \\", "let x = normal(1,", "let x = 1 +",
        "event e 10% at 2025-05:",
        "event e 10% at 2025-05: pressure 5%;", "fleet h800 2k cite a.md,", "let x = between",
        "let x = between 2025-01 and",
        "pressure 5% from", "let x =", "let x = mixture(1 @", "compare a b by 2026-01,",
        "scenario hawkish from",
        "let x = (1 +\n 2", "fleet h800 2k \\ # a comment",
    ]
    static let closed: [String] = [
        "forecast", "fleet h800 2k", "let x = normal(1, 2)", "r2 start 2025-02 needs 8k", "",
        "# only a comment",
        "let x = 1 +\n 2", "fleet h800 2k cite a.md", "make asc 1k to 3k", "trials 5k\n",
        "fleet h800 2k # a comment \\",
    ]

    @Test(arguments: open)
    func needsAnotherLine(text: String) {
        #expect(Parser.needsContinuation(text))
    }

    @Test(arguments: closed)
    func isComplete(text: String) {
        #expect(!Parser.needsContinuation(text))
    }

    @Test func completionNames() {
        var ws = Workspace()
        _ = ws.evaluate(prelude + "let demand = 5\nscenario hawkish from baseline")
        #expect(Workspace.keywords.contains("forecast"))
        #expect(Workspace.keywords.contains("chip-months"))
        #expect(ws.chipNames == ["h800", "h20", "ascend910c"])
        #expect(ws.scenarioNames == ["baseline", "hawkish"])
        #expect(ws.letNames == ["demand"])
        #expect(ws.eventNames == ["reban"])
    }
}
