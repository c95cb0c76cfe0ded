import Foundation
import Testing

@testable import R2Notebook

/// A `yield` statement sets the whole yield: a part it leaves out is at its
/// default (growth 0, cap 100%) from its month, as the language reference
/// and spec/model-v1.md say ("defaults g = 0, ymax = 1"); it once kept an
/// earlier statement's growth and cap.
@Suite struct YieldStatementTests {
    /// h: 100 units of compute; a: 100 dies a month at 10% rising 10% a
    /// month to 90%, so 10, 20, 30, 40, 50 good units from January to May
    /// (150). From June the yield is 50% flat: 50 more, 200 against 100,
    /// adoption 2/3. Keeping the growth and cap gave min(90%, 50% + 5 x 10%):
    /// 90 more, 240 against 100 (70.6%).
    static let head = """
        clock 2025-01 to 2027-12
        trials 200
        chip h foreign perf 1
        chip a domestic perf 1
        fleet h 100
        make a 100 per month yield 10% rising 10% per month to 90%
        r2 start 2025-01 needs 1M

        """

    static func adoptionInJune(_ text: String) throws -> (above66: Double, above68: Double) {
        let (_, e) = evaluate(head + text + "p(adoption at 2025-06 above 66.6%)\np(adoption at 2025-06 above 68%)\n")
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let values = e.outputs.suffix(2).map { object($0)["value"] as? Double }
        return (try #require(values[0]), try #require(values[1]))
    }

    @Test func aDatedYieldWithoutGrowthStopsTheGrowth() throws {
        #expect(try Self.adoptionInJune("yield a 50% from 2025-06\n") == (1, 0))
    }

    @Test func anEventsYieldWithoutGrowthStopsTheGrowth() throws {
        #expect(try Self.adoptionInJune("event e 100% in 2025-06: yield a 50%\n") == (1, 0))
    }

    /// Undated, after the statement that set the growth: the later one wins
    /// from step 0, whole: 50% flat, 50 a month, 300 by June.
    @Test func anUndatedYieldAfterAnotherReplacesItWhole() throws {
        let (_, e) = evaluate(
            Self.head + "yield a 50%\np(adoption at 2025-06 above 74%)\np(adoption at 2025-06 above 76%)\n")
        #expect(e.outputs.map { object($0)["value"] as? Double } == [1, 0])
    }

    /// A first `yield` that leaves the growth out adds no entry for it:
    /// nothing to stop, and no stream or trace line changes.
    @Test func aFirstYieldWithoutGrowthAddsNothing() throws {
        let (session, e) = evaluate(
            """
            chip a domestic perf 1
            yield a 50%

            """)
        #expect(!e.failed)
        let timeline = try #require(session.workspace.scenario(named: "baseline")).timeline
        #expect(timeline.filter(\.isImplied).isEmpty)
    }
}
