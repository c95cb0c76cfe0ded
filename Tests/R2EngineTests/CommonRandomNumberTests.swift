import R2Model
import Testing

@testable import R2Engine

/// The monthly draws are counter-based per purpose (StreamID): a change that
/// adds draws for one purpose leaves every other purpose's draws in place.
@Suite("Common random numbers")
struct CommonRandomNumberTests {
    @Test func anExtraChipsOrdersDoNotMoveTrainingDraws() throws {
        let a = Fixtures.rich()
        // The same scenario with one more foreign chip that orders every
        // month (a draw a month, blocked by pressure in some) but is far too
        // small ever to be trained on or switched to.
        var b = a
        b.chips.append(Chip(name: "tiny", origin: .foreign, fleet: .constant(10)))
        Fixtures.set(&b, chip: 4, .perf, .constant(0.0001))
        Fixtures.set(&b, chip: 4, .buy, .constant(50))
        Fixtures.export(&b, chip: 4, .licensed(.constant(0.5)))
        let ra = try Fixtures.run(a, trials: 4000)
        let rb = try Fixtures.run(b, trials: 4000)
        // Training saw the same failures, mandates and switches in every
        // trial, so every release is the same to the bit...
        let differing = zip(ra.releases, rb.releases).filter { $0.bitPattern != $1.bitPattern }.count
        #expect(differing == 0, "\(differing) of 4000 releases moved")
        #expect(ra.totals.failures == rb.totals.failures && ra.totals.switches == rb.totals.switches)
        // ...while the new chip did draw (its fleet grew in some trials only).
        let grown = rb.totals.finalFleetSum[4].doubleValue / SimulationTotals.fleetScale / 4000
        #expect(grown > 10 && grown < 10 + 50 * 36)
        // The run exercises what could have been shifted.
        #expect(ra.totals.failures > 0 && ra.totals.switches > 0 && ra.totals.mandated > 0)
    }
}
