import R2Model
import Testing

@testable import R2Engine

@Suite("Trace")
struct TraceTests {
    @Test(arguments: [0, 1, 17, 2047, 2048, 4999])
    func traceMatchesTheBulkRun(trial: Int) throws {
        let compiled = try Engine.compile(Fixtures.rich())
        let run = try Engine.run(compiled, options: SimulationOptions(trials: 5000, seed: 21))
        let trace = Engine.trace(compiled, seed: 21, trial: trial)
        #expect(trace.release.bitPattern == run.releases[trial].bitPattern)
        #expect(trace.months.count == compiled.steps)
        #expect(trace.inputs.count == compiled.inputs.count)
    }

    @Test func traceTellsTheStory() throws {
        // The port scenario: a failure on the domestic chip, a refused
        // switch (no foreign capacity), a second failure, a switch, a port.
        let s = ClosedFormTests.portScenario(port: 1.5)
        let trace = Engine.trace(try Engine.compile(s), seed: 1, trial: 0)
        let m0 = try #require(trace.months[0].training)
        #expect(m0.chip == 1 && m0.mandated == false && m0.failed && m0.failures == 1)
        #expect(m0.switchAttempt == TrialTrace.Switch(to: nil, succeeded: false))
        let m1 = try #require(trace.months[1].training)
        #expect(trace.months[1].supply == [TrialTrace.Supply(chip: 0, outcome: .delivered, added: 1000)])
        #expect(m1.switchAttempt == TrialTrace.Switch(to: 0, succeeded: true) && m1.portLeft == 1.5)
        let m2 = try #require(trace.months[2].training)
        #expect(m2.chip == 0 && m2.fraction == 0 && m2.portLeft == 0.5)
        let m3 = try #require(trace.months[3].training)
        #expect(m3.fraction == 0.5 && m3.progress == 500)
        #expect(trace.completion == 6.5 && trace.release == 6.5)
        #expect(trace.months.last?.fleets == [1000, 500])
    }

    @Test func traceRecordsEventsAndChanges() throws {
        var s = Fixtures.rich(months: 24)
        s.events[1].probability = .constant(1)
        let trace = Engine.trace(try Engine.compile(s), seed: 2, trial: 9)
        #expect(trace.events[1].fired && trace.events[1].month == Int(Fixtures.month(2025, 6)))
        let june = trace.months[5]
        #expect(june.changes.contains { $0.label == "pressure (event push)" && $0.value == 1 })
        #expect(june.pressure == 1)
        #expect(june.events == ["push"])
        #expect(trace.months.filter { $0.events.contains("push") }.count == 1)
    }
}
