import Foundation
import Testing

@testable import R2Notebook

/// `QUERY in NAME` asks about another scenario without making it current.
@Suite struct QueryInScenarioTests {
    @Test func aQueryInAnotherScenarioAnswersForItAndLeavesTheCurrentOne() throws {
        // Two scenarios in closed form: 2.5k chip-months on 1k chips completes
        // at 2.5 months (2025-03-16), on 500 chips at 5 months (2025-06-01).
        let text = """
            scenario fast
            trials 2k
            chip h800 foreign perf 1 fail 0
            fleet h800 1k
            r2 start 2025-01 needs 2.5k chip-months
            scenario slow from fast
            fleet h800 500
            use fast
            median release in slow
            median release
            p(release by 2025-04) in slow
            quantile release 50% in slow
            fleet h800 2k
            median release in slow

            """
        let (session, e) = evaluate(text)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let answers = e.outputs.map(\.plainText)
        #expect(answers[0].hasPrefix("median release in slow = 2025-06-01"), "\(answers[0])")
        #expect(answers[1].hasPrefix("median release = 2025-03-16"), "\(answers[1])")
        #expect(answers[2].hasPrefix("p(release by 2025-04) in slow = 0.0%"), "\(answers[2])")
        #expect(answers[3].contains("2025-06-01"), "\(answers[3])")
        // `fleet h800 2k` went to `fast`, still current: `slow` is unchanged.
        #expect(answers[4].hasPrefix("median release in slow = 2025-06-01"), "\(answers[4])")
        #expect(session.currentScenarioName == "fast")
    }

    @Test func anUnknownScenarioIsNamedWithASuggestion() {
        let (_, e) = evaluate(
            "scenario hawk\nchip h800 foreign perf 1 fail 0\nfleet h800 1k\nr2 start 2025-01 needs 1k\nmedian release in hwak\n"
        )
        #expect(e.failed)
        #expect(e.outputs.map(\.plainText).joined().contains("did you mean `hawk`?"))
    }
}
