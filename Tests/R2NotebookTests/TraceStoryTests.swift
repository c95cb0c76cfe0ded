import Foundation
import R2Forecast
import Testing

@testable import R2Notebook

/// How `trace` names and shows the sampled inputs, and how it fits the width.
@Suite struct TraceStoryTests {
    static let text = """
        chip h800 foreign perf 1 fail 0
        fleet h800 1k
        pressure uniform(10%, 20%)
        pressure uniform(30%, 40%) from 2025-06
        r2 start between 2025-02 and 2025-03 needs 3k post 1 month
        trace 1

        """

    @Test func inputsAreNamedAsExplainNamesThemAndDatesReadAsDates() throws {
        let (_, e) = evaluate(Self.text)
        let lines = e.outputs[0].plainText.split(separator: "\n").map(String.init)
        // Two pressures told apart by their `from`, as `explain` does.
        // Shares as percentages.
        #expect(lines.contains { $0.hasPrefix("  pressure = 1") && $0.hasSuffix("%") })
        #expect(lines.contains { $0.hasPrefix("  pressure from 2025-06 = 3") && $0.hasSuffix("%") })
        // The start is a date, not the absolute month 24,301.
        let start = try #require(lines.first { $0.hasPrefix("  r2 start = ") })
        #expect(start == "  r2 start = 2025-02-01" || start == "  r2 start = 2025-03-01", "\(start)")
    }

    @Test func monthLinesBreakBetweenItemsWithinTheWidth() throws {
        let narrow = Session(configuration: SessionConfiguration(threads: 2, style: Style(colors: false, width: 50)))
        let (_, e) = evaluate(Self.text, in: narrow)
        let lines = e.outputs[0].plainText.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex { $0.hasPrefix("  2025-01  ") })
        #expect(
            Array(lines[first...].prefix(3)) == [
                "  2025-01  perf h800 -> 1.00; fail h800 -> 0%;",
                "           pressure -> 1" + lines[first + 1].dropFirst(24),
                "  2025-02  " + lines[first + 2].dropFirst(11),
            ])
        #expect(lines[first + 1].hasSuffix("]"))
        #expect(lines.allSatisfy { $0.count <= 49 }, "\(lines.filter { $0.count > 49 })")
    }

    /// Failures are numbered as they happen: a switch blocked by pressure
    /// lets the count pass k, and the failure that then triggers the move
    /// is #2 (the story once printed #k, here #1); a move resets the count.
    @Test func failuresAreNumberedPastABlockedSwitch() throws {
        let (_, e) = evaluate(
            """
            clock 2025-01 to 2025-12
            chip a domestic perf 1 fail 100%
            chip h foreign perf 1
            fleet a 100
            fleet h 100
            pressure 100%
            pressure 0% from 2025-02
            r2 start 2025-01 needs 40 switch after 1 failure port 1.5 months
            trace 1

            """)
        // Month lines wrapped at the width, read as one.
        let text = e.outputs[0].plainText.replacingOccurrences(of: "\n           ", with: " ")
        #expect(text.contains("FAILURE #1, month lost; tries to switch: mandated to stay"), "\(text)")
        #expect(
            text.contains("2025-02  pressure -> 0%; FAILURE #2, month lost; switches to h (port 1.5 months)"), "\(text)"
        )
    }
}
