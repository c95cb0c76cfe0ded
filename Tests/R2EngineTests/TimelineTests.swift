import R2Model
import Testing

@testable import R2Engine

/// The value of a timeline at step t is the last statement whose month is
/// <= t; same month: file order, event changes after the scenario's own.
@Suite("Timelines")
struct TimelineTests {
    /// The pressure of each month, as the engine holds it (in single precision).
    static func pressures(_ s: Scenario, trial: Int = 0) throws -> [Float] {
        Engine.trace(try Engine.compile(s), seed: 1, trial: trial).months.map { Float($0.pressure) }
    }

    @Test func lastStatementWinsAndFileOrderBreaksTies() throws {
        var s = Fixtures.scenario(months: 6)
        s.chips = [Chip(name: "h800", origin: .foreign, fleet: .constant(1))]
        Fixtures.pressure(&s, 0.5, fromStep: 3)
        Fixtures.pressure(&s, 0.2, fromStep: 1)  // earlier month, later in the file
        Fixtures.pressure(&s, 0.1)  // from the start
        Fixtures.pressure(&s, 0.9, fromStep: 3)  // same month as 0.5, later: wins
        #expect(try Self.pressures(s) == [0.1, 0.2, 0.2, 0.9, 0.9, 0.9])
    }

    @Test func datesInsideAMonthAndBeforeTheStart() throws {
        var s = Fixtures.scenario(months: 4)
        s.chips = [Chip(name: "h800", origin: .foreign, fleet: .constant(1))]
        s.timeline.append(
            TimelineEntry(
                target: .pressure, setting: .number(.constant(0.3)),
                from: .constant(Double(Fixtures.jan2025 - 5))))
        s.timeline.append(
            TimelineEntry(
                target: .pressure, setting: .number(.constant(0.6)),
                from: .constant(Double(Fixtures.jan2025 + 2) + 14.0 / 31)))
        #expect(try Self.pressures(s) == [0.3, 0.3, 0.6, 0.6])
    }

    @Test func eventChangesComeAfterTheScenariosOwnStatements() throws {
        var s = Fixtures.scenario(months: 5)
        s.chips = [Chip(name: "h800", origin: .foreign, fleet: .constant(1))]
        let m2 = Double(Fixtures.jan2025 + 2)
        s.events = [
            Event(
                name: "a", probability: .constant(1), windowStart: .constant(m2), windowEnd: .constant(m2),
                changes: [TimelineEntry(target: .pressure, setting: .number(.constant(0.4)))]),
            Event(
                name: "b", probability: .constant(1), windowStart: .constant(m2), windowEnd: .constant(m2),
                changes: [TimelineEntry(target: .pressure, setting: .number(.constant(0.7)))]),
        ]
        // Listed after the events' definitions, but a scenario statement: the
        // events of the same month still come after it, b after a.
        Fixtures.pressure(&s, 0.2, fromStep: 2)
        #expect(try Self.pressures(s) == [0, 0, 0.7, 0.7, 0.7])
        Fixtures.pressure(&s, 0.9, fromStep: 3)
        #expect(try Self.pressures(s) == [0, 0, 0.7, 0.9, 0.9])
    }

    @Test func aRandomDateAtTheStartKeepsFileOrder() throws {
        // A statement whose `from` is drawn (here always before the clock's
        // start, so step 0) competes with a fixed one of step 0 by file order.
        let before: Value = .monthWindow(
            from: .constant(Double(Fixtures.jan2025 - 3)), to: .constant(Double(Fixtures.jan2025 - 1)))
        var s = Fixtures.scenario(months: 3)
        s.chips = [Chip(name: "h800", origin: .foreign, fleet: .constant(1))]
        s.timeline.append(TimelineEntry(target: .pressure, setting: .number(.constant(0.9)), from: before))
        Fixtures.pressure(&s, 0.2)
        #expect(try Self.pressures(s) == [0.2, 0.2, 0.2])
        var t = Fixtures.scenario(months: 3)
        t.chips = s.chips
        Fixtures.pressure(&t, 0.2)
        t.timeline.append(TimelineEntry(target: .pressure, setting: .number(.constant(0.9)), from: before))
        #expect(try Self.pressures(t) == [0.9, 0.9, 0.9])
        // The bulk run agrees: mandated with probability 0.2, not 0.9.
        let r = try Fixtures.run(s, trials: 400)
        #expect(r.totals.mandated < 160)
    }

    @Test func anEventThatDoesNotFireChangesNothing() throws {
        var s = Fixtures.scenario(months: 3)
        s.chips = [Chip(name: "h800", origin: .foreign, fleet: .constant(1))]
        s.events = [
            Event(
                name: "never", probability: .constant(0), windowStart: .constant(Double(Fixtures.jan2025)),
                windowEnd: .constant(Double(Fixtures.jan2025 + 2)),
                changes: [TimelineEntry(target: .pressure, setting: .number(.constant(1)))])
        ]
        #expect(try Self.pressures(s) == [0, 0, 0])
        let r = try Fixtures.run(s, trials: 100)
        #expect(r.totals.eventFires == [0])
    }

    /// The parts of one statement dated by a drawn month (`yield a 50%
    /// rising 0% to 50% from between 2025-03 and 2025-10`: three entries
    /// of one provenance and one `from`) take effect in the same month of
    /// each trial; each part once drew a month of its own.
    @Test func aStatementsPartsShareTheirDrawnMonth() throws {
        var s = Fixtures.scenario(months: 12)
        s.chips = [Chip(name: "a", origin: .domestic, fleet: .constant(1))]
        let window: Value = .monthWindow(
            from: .constant(Double(Fixtures.jan2025 + 2)), to: .constant(Double(Fixtures.jan2025 + 9)))
        let statement = Provenance(location: "x.r2s:7", text: "yield a 50% rising 0% to 50% from ...")
        for (input, value) in [(ChipInput.yieldStart, 0.5), (.yieldGrowth, 0), (.yieldCap, 0.5)] {
            s.timeline.append(
                TimelineEntry(
                    target: .chip(0, input), setting: .number(.constant(value)), from: window, provenance: statement))
        }
        let compiled = try Engine.compile(s)
        var months = Set<Int>()
        for trial in 0..<40 {
            let trace = Engine.trace(compiled, seed: 3, trial: trial)
            let changed = trace.months.indices.filter { !trace.months[$0].changes.isEmpty }
            #expect(changed.count == 1, "trial \(trial): \(changed)")
            #expect(trace.months[changed[0]].changes.map(\.entry) == [0, 1, 2])
            months.insert(changed[0])
        }
        // The month is still drawn: over 40 trials, several of 2 ... 9.
        #expect(months.count > 3 && months.allSatisfy { (2...9).contains($0) }, "\(months)")
    }
}
