import R2Model
import Testing

@testable import R2Language

@Suite("Scenarios and timelines")
struct ScenarioTests {
    @Test func statementsBeforeAnyScenarioGoToBaseline() throws {
        let (ws, items) = workspace("chip h800 foreign\nfleet h800 2k")
        #expect(diagnostics(items).isEmpty)
        let baseline = try #require(ws.scenario(named: "baseline"))
        #expect(baseline.clock == Clock(start: 2025 * 12, end: 2027 * 12 + 11))
        #expect(baseline.chips[0].fleet == .constant(2000))
        #expect(ws.currentScenario?.name == "baseline")
    }

    @Test func derivedScenarioIsIndependentOfLaterChangesToItsParent() throws {
        let text = """
            scenario baseline
            chip h800 foreign perf 1
            fleet h800 2k
            scenario hawkish from baseline
            export h800 banned from 2025-06
            use baseline
            fleet h800 3k
            pressure 50%
            """
        let (ws, items) = workspace(text)
        #expect(diagnostics(items).isEmpty)
        let hawkish = try #require(ws.scenario(named: "hawkish"))
        let baseline = try #require(ws.scenario(named: "baseline"))
        #expect(hawkish.parent == "baseline")
        #expect(hawkish.chips[0].fleet == .constant(2000))
        #expect(baseline.chips[0].fleet == .constant(3000))
        #expect(hawkish.timeline.map(\.target) == [.chip(0, .perf), .export(chip: 0)])
        #expect(baseline.timeline.map(\.target) == [.chip(0, .perf), .pressure])
        #expect(ws.scenarioNames == ["baseline", "hawkish"])
    }

    @Test func redeclaringAScenarioSwitchesToIt() {
        let (ws, items) = workspace("scenario a\nscenario b\nscenario a\nchip x foreign")
        #expect(diagnostics(items).isEmpty)
        #expect(ws.scenario(named: "a")?.chips.count == 1)
        #expect(ws.scenario(named: "b")?.chips.count == 0)
    }

    @Test func unknownParentSuggestsAName() {
        #expect(
            errors("scenario baseline\nscenario hawkish from baselin") == """
                error: unknown scenario `baselin`
                 --> x.r2s:2:23
                  |
                2 | scenario hawkish from baselin
                  |                       ^^^^^^^ did you mean `baseline`?
                """)
    }

    @Test func letsAreSharedVariables() throws {
        let text = """
            chip h800 foreign
            chip h20 foreign
            let supply = 1k to 3k
            buy h800 supply per month
            buy h20 supply / 2
            let supply = 5
            fleet h20 supply
            """
        let (ws, items) = workspace(text)
        #expect(diagnostics(items).isEmpty)
        let s = try #require(ws.currentScenario)
        #expect(s.variables.map(\.name) == ["supply", "supply"])
        #expect(s.variables[0].value == .interval90(low: .constant(1000), high: .constant(3000)))
        #expect(s.timeline[0].setting == .number(.variable(0)))
        #expect(s.timeline[1].setting == .number(.binary(.divide, .variable(0), .constant(2))))
        #expect(s.chips[1].fleet == .variable(1))
        #expect(ws.letNames == ["supply"])
    }

    @Test func unknownLetSuggestsAName() {
        #expect(errors("let demand = 5\nlet y = demnd * 2").contains("did you mean `demand`?"))
    }

    @Test func timelineEntriesInFileOrder() throws {
        let text = """
            chip h20 foreign perf 0.5 fail 2%
            chip asc domestic
            export h20 banned from 2025-04-15
            make asc 1k per month yield 30% rising 1% per month to 70% from 2025-03
            pressure 80% from 2025-08
            """
        let (ws, items) = workspace(text)
        #expect(diagnostics(items).isEmpty)
        let t = try #require(ws.currentScenario).timeline
        #expect(
            t.map(\.target) == [
                .chip(0, .perf), .chip(0, .fail), .export(chip: 0), .chip(1, .make), .chip(1, .yieldStart),
                .chip(1, .yieldGrowth), .chip(1, .yieldCap), .pressure,
            ])
        #expect(t[0].from == nil)
        #expect(t[2].setting == .export(.banned))
        #expect(t[2].from == .constant(month(2025, 4, 15)))
        #expect(t[3].from == .constant(month(2025, 3)))
        #expect(t[5].setting == .number(.constant(0.01)))
        #expect(t[7].from == .constant(month(2025, 8)))
        #expect(t[0].provenance.location == "x.r2s:1")
        #expect(t[7].provenance.text == "pressure 80% from 2025-08")
    }

    @Test func redeclaringAChipUpdatesItsEntries() throws {
        let text = """
            chip h800 foreign perf 1 fail 1%
            scenario strained from baseline
            chip h800 foreign fail 5%
            """
        let (ws, items) = workspace(text)
        #expect(diagnostics(items).isEmpty)
        let t = try #require(ws.scenario(named: "strained")).timeline
        #expect(t.map(\.target) == [.chip(0, .perf), .chip(0, .fail)])
        #expect(t[1].setting == .number(.constant(0.05)))
        #expect(ws.scenario(named: "baseline")?.timeline[1].setting == .number(.constant(0.01)))
        #expect(
            errors(text + "\nchip h800 domestic").hasPrefix("error: chip `h800` is already declared foreign"))
    }

    @Test func originsAreChecked() {
        let chips = "chip h800 foreign\nchip asc domestic\n"
        #expect(
            errors(chips + "buy asc 1k").hasPrefix("error: `buy` does not apply to `asc`, a domestic chip"))
        #expect(
            errors(chips + "make h800 1k").hasPrefix("error: `make` does not apply to `h800`, a foreign chip")
        )
        #expect(errors(chips + "export asc banned").hasPrefix("error: `export` does not apply to `asc`"))
    }

    @Test func eventsCollectTheirChanges() throws {
        let text = """
            chip h20 foreign
            event reban 30% between 2025-10 and 2026-06: export h20 banned; pressure 90% cite seeds/a.md
            event deal 10% at 2026-01-15: buy h20 5k
            """
        let (ws, items) = workspace(text)
        #expect(diagnostics(items).isEmpty)
        let events = try #require(ws.currentScenario).events
        #expect(events.map(\.name) == ["reban", "deal"])
        #expect(events[0].probability == .constant(0.3))
        #expect(events[0].windowStart == .constant(month(2025, 10)))
        #expect(events[0].windowEnd == .constant(month(2026, 6)))
        #expect(events[0].changes.map(\.target) == [.export(chip: 0), .pressure])
        #expect(events[0].changes.allSatisfy { $0.from == nil })
        #expect(events[0].changes[1].provenance.text == "pressure 90%")
        #expect(events[0].provenance.cites == ["seeds/a.md"])
        #expect(events[1].windowStart == events[1].windowEnd)
        #expect(ws.eventNames == ["reban", "deal"])
    }

    @Test func eventBodiesAreRestricted() {
        #expect(
            errors("event e 10% at 2025-05: clock 2025-01 to 2025-12").hasPrefix(
                "error: `clock` cannot change inside an event"))
        #expect(
            errors("event e 10% at 2025-05: pressure 5% from 2025-06") == """
                error: a statement inside an event takes effect from the event's month
                 --> x.r2s:1:37
                  |
                1 | event e 10% at 2025-05: pressure 5% from 2025-06
                  |                                     ^^^^^^^^^^^^ remove this `from`
                """)
        #expect(
            errors("event e 10% between 2026-01 and 2025-01: pressure 5%").hasPrefix(
                "error: the window ends before it starts"))
    }

    @Test func r2ProgrammeAndSettings() throws {
        let text = """
            as of 2025-06-30
            clock 2025-01 to 2026-12
            trials 5k
            seed 42
            r2 start 2025-02 needs 8k to 20k chip-months post 1 to 3 months cite seeds/r2.md
            r2 hold 20% for 2 weeks switch after 3 failures port 1 month restart 5%
            """
        let (ws, items) = workspace(text)
        #expect(diagnostics(items).isEmpty)
        let s = try #require(ws.currentScenario)
        #expect(s.knownAsOf == CalendarDate(year: 2025, month: 6, day: 30))
        #expect(s.clock == Clock(start: 2025 * 12, end: 2026 * 12 + 11))
        #expect(s.trials == 5000)
        #expect(s.seed == 42)
        #expect(s.r2.start == .constant(month(2025, 2)))
        #expect(s.r2.needs == .interval90(low: .constant(8000), high: .constant(20000)))
        #expect(s.r2.post == .interval90(low: .constant(1), high: .constant(3)))
        #expect(s.r2.holdProbability == .constant(0.2))
        #expect(s.r2.holdMonths == .constant(14 / 30.436875))
        #expect(s.r2.switchAfter == .constant(3))
        #expect(s.r2.portMonths == .constant(1))
        #expect(s.r2.restart == .constant(0.05))
        #expect(s.r2.provenance["start"]?.cites == ["seeds/r2.md"])
        #expect(s.r2.provenance["hold"]?.location == "x.r2s:6")
    }

    @Test func aFailedStatementChangesNothing() throws {
        var ws = Workspace()
        _ = ws.evaluate("chip h800 foreign\nr2 start 2025-03")
        let before = ws
        let items = ws.evaluate("r2 start 2025-05 needs -4")
        #expect(diagnostics(items).count == 1)
        #expect(ws == before)
        #expect(ws.currentScenario?.r2.start == .constant(month(2025, 3)))
    }

    @Test func trialsMustBeWhole() {
        #expect(errors("trials 2.5").hasPrefix("error: the trial count must be a whole number"))
        #expect(errors("trials 50M").isEmpty)
    }
}

@Suite("Stepwise evaluation")
struct SteppingTests {
    @Test func eachQuerySeesTheWorkspaceAsItWasWritten() {
        var ws = Workspace()
        var fleets: [Value?] = []
        let text = prelude + "forecast\nfleet h800 5k\nforecast\nforcast\nforecast"
        ws.evaluate(SourceFile(name: "x.r2s", text: text)) { item, snapshot in
            if case .query = item { fleets.append(snapshot.currentScenario?.chips[0].fleet) }
            return fleets.count < 2
        }
        #expect(fleets == [.constant(2000), .constant(5000)])
        #expect(ws.currentScenario?.chips[0].fleet == .constant(5000))
    }
}
