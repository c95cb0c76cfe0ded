import R2Model
import Testing

@testable import R2Engine

@Suite("Compile")
struct CompileTests {
    @Test func missingStartOrNeedsIsAnError() {
        var s = Fixtures.scenario()
        s.r2.start = nil
        #expect(throws: CompileError.self) { try Engine.compile(s) }
        var t = Fixtures.scenario()
        t.r2.needs = nil
        do {
            _ = try Engine.compile(t)
            Issue.record("compiled without needs")
        } catch {
            #expect(error.path == "r2.needs")
        }
    }

    /// The lanes compute in single precision: a constant beyond 10^30 is
    /// refused with the input's name; 10^30 itself and a long clock's last
    /// allowed length compile, one month more does not.
    @Test func valuesAndClocksBeyondSinglePrecisionAreErrors() throws {
        var s = Fixtures.scenario()
        s.chips = [Chip(name: "h800", origin: .foreign, fleet: .constant(1e39))]
        do {
            _ = try Engine.compile(s)
            Issue.record("compiled a fleet of 1e39")
        } catch {
            #expect(error.path == "fleet h800")
            #expect(
                error.message == "1e+39 is too large to simulate: the engine computes in single precision, up to 1e30")
        }
        s.chips = [Chip(name: "h800", origin: .foreign, fleet: .constant(1e30))]
        _ = try Engine.compile(s)
        var long = Fixtures.scenario()
        long.clock = Clock(start: Fixtures.jan2025, end: Fixtures.jan2025 + (1 << 20))
        #expect(throws: CompileError.self) { try Engine.compile(long) }
    }

    @Test func chipIndexOutOfRangeIsAnError() {
        var s = Fixtures.scenario()
        s.chips = [Chip(name: "h800", origin: .foreign)]
        Fixtures.set(&s, chip: 3, .perf, .constant(1))
        do {
            _ = try Engine.compile(s)
            Issue.record("compiled a timeline on chip 3")
        } catch {
            #expect(error.path == "timeline[0]")
            #expect(error.message.contains("out of range"))
        }
    }

    @Test func forwardVariableAndBadMixtureAreErrors() {
        var s = Fixtures.scenario()
        s.variables = [Variable(name: "a", value: .variable(1)), Variable(name: "b", value: .constant(1))]
        #expect(throws: CompileError.self) { try Engine.compile(s) }
        var t = Fixtures.scenario()
        t.r2.post = .mixture(components: [.constant(1)], weights: [0])
        #expect(throws: CompileError.self) { try Engine.compile(t) }
    }

    @Test func constantsAreFoldedAndVariablesShared() throws {
        var s = Fixtures.scenario()
        s.variables = [Variable(name: "x", value: .normal(mean: .constant(0), sd: .constant(1)))]
        s.chips = [Chip(name: "h800", origin: .foreign, fleet: .binary(.add, .constant(1), .constant(2)))]
        s.r2.post = .variable(0)
        let c = try Engine.compile(s)
        let fleet = try #require(c.inputs.firstIndex { $0.kind == .fleet(chip: 0) })
        #expect(!c.inputs[fleet].isRandom)
        #expect(Engine.inputSamples(c, seed: 1, slot: fleet, trials: 0..<3) == [3, 3, 3])
        let post = try #require(c.inputs.firstIndex { $0.kind == .r2(.post) })
        #expect(
            Engine.inputSamples(c, seed: 1, slot: post, trials: 0..<50)
                == Engine.inputSamples(c, seed: 1, slot: 0, trials: 0..<50))
        // One pass for several slots gives each slot's own samples.
        let both = Engine.inputSamples(c, seed: 1, slots: [fleet, post], trials: 10..<40)
        #expect(both[0] == Engine.inputSamples(c, seed: 1, slot: fleet, trials: 10..<40))
        #expect(both[1] == Engine.inputSamples(c, seed: 1, slot: post, trials: 10..<40))
        #expect(Set(both[1]).count == 30)
        // ...the values the trials themselves drew (post is not clamped here: it is positive).
        for (n, trial) in (10..<40).enumerated() where both[1][n] > 0 {
            #expect(Engine.trace(c, seed: 1, trial: trial).programme.post == both[1][n])
        }
    }

    @Test func clampingOfSampledParameters() throws {
        // A probability above 1 acts as 1, a negative fleet as 0.
        var s = Fixtures.scenario(months: 12, start: 0, needs: 100)
        s.chips = [
            Chip(name: "h800", origin: .foreign, fleet: .constant(-50)),
            Chip(name: "h20", origin: .foreign, fleet: .constant(100)),
        ]
        Fixtures.set(&s, chip: 1, .fail, .constant(1.7))
        let r = try Fixtures.run(s, trials: 10)
        #expect(r.totals.failures == 120 && r.totals.completed == 0)
        #expect(r.totals.finalFleetTotal(chip: 0) == 0)
    }
}
