import Foundation
import R2Forecast
import R2Language
import Testing

@testable import R2Notebook

/// `explain`: each statement once, where it is written, its evidence, and
/// the uncertain inputs it sets with their 10/50/90 values under it.
@Suite struct ExplainTests {
    static let text = """
        scenario s
        trials 2k
        chip h800 foreign perf 1 fail 1% to 4% cite seeds/a.md
        chip asc domestic perf 0.5 fail 20%
        fleet h800 1k to 4k cite seeds/b.md, seeds/c.md
        pressure 10%
        pressure uniform(40%, 60%) from 2025-06
        r2 start 2025-02 needs 10k to 30k chip-months post 1 month
        explain

        """

    /// A `let` holding a date or a duration reads as one in `explain`,
    /// `trace` and `sensitivity`, as it does typed on its own: they guessed
    /// a let's unit from its values and showed the date `between 2025-03
    /// and 2025-08` as "24,304" and the duration `2 to 6 weeks` as "64.6%".
    @Test func letsReadInTheirOwnUnits() throws {
        let (_, e) = evaluate(
            """
            scenario s
            clock 2025-01 to 2025-12
            trials 2k
            chip f foreign perf 1 fail 0
            fleet f 1000
            let m = between 2025-03 and 2025-08
            let d = 2 to 6 weeks
            let r = 1k to 2k per month
            r2 start m needs 3000 chip-months post d
            buy f r
            explain
            trace 1
            sensitivity

            """)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let explain = e.outputs[0].plainText.split(separator: "\n").map(String.init)
        let m = try #require(explain.first { $0.hasPrefix("    let m ") })
        #expect(m.hasSuffix("10/50/90: 2025-03-01 / 2025-05-01 / 2025-08-01"), "\(m)")
        let d = try #require(explain.first { $0.hasPrefix("    let d ") })
        #expect(d.hasSuffix("10/50/90: 0.5 months / 0.8 months / 1.2 months"), "\(d)")
        let r = try #require(explain.first { $0.hasPrefix("    let r ") })
        #expect(r.hasSuffix("10/50/90: 1,100 / 1,408 / 1,833"), "\(r)")
        let trace = e.outputs[1].plainText
        // Trial 1's draws, which the same trace shows again as r2's inputs.
        #expect(trace.contains("  let m = 2025-05-01\n") && trace.contains("  r2 start = 2025-05-01\n"), "\(trace)")
        #expect(trace.contains("  let d = 0.6 months\n") && trace.contains("  r2 post = 0.6 months\n"), "\(trace)")
        let tornado = e.outputs[2].plainText
        #expect(
            tornado.contains("let m [2025-03..2025-08]") && tornado.contains("let d [0.5 mo..1.2 mo]"), "\(tornado)")
    }

    @Test func eachStatementOnceWithItsUncertainInputsUnderIt() throws {
        let (_, e) = evaluate(Self.text)
        #expect(!e.failed, "\(e.outputs.map(\.plainText))")
        let lines = e.outputs[0].plainText.split(separator: "\n").map(String.init)
        // The chip statement appears once, although it sets perf and fail.
        #expect(lines.filter { $0.hasPrefix("chip h800") }.count == 1)
        let chip = try #require(lines.firstIndex { $0.hasPrefix("chip h800") })
        #expect(lines[chip + 1] == "    at test.r2s:3")
        // A card that cannot be read shows `?` for its grade.
        #expect(lines[chip + 2] == "    evidence: seeds/a.md\u{00A0}[?]")
        #expect(
            lines[chip + 3].hasPrefix("    fail h800") && lines[chip + 3].contains("10/50/90: 1.")
                && lines[chip + 3].hasSuffix("%"))
        // A constant input gets no line of its own.
        #expect(!lines.contains { $0.hasPrefix("    perf h800") })
        // Two pressure statements, told apart by their dates.
        let pressure = try #require(lines.firstIndex { $0.hasPrefix("pressure uniform") })
        #expect(lines[pressure + 2].hasPrefix("    pressure from 2025-06"))
        #expect(lines.contains("pressure 10%"))
        // The programme's one statement sets two uncertain inputs; the dates read as dates.
        let r2 = try #require(lines.firstIndex { $0.hasPrefix("r2 start") })
        #expect(lines[r2 + 2].hasPrefix("    r2 needs"))
        #expect(!lines.contains { $0.hasPrefix("    r2 start") })
        let json = object(e.outputs[0])
        let statements = try #require(json["statements"] as? [[String: Any]])
        #expect(statements.count == 6)  // two chips, a fleet, two pressures, the programme
        let fleet = try #require(statements.first { ($0["statement"] as? String)?.hasPrefix("fleet h800") == true })
        #expect(fleet["cites"] as? [String] == ["seeds/b.md", "seeds/c.md"])
        let quantiles = try #require((fleet["uncertain"] as? [[String: Any]])?.first)
        let p10 = try #require(quantiles["p10"] as? Double), p90 = try #require(quantiles["p90"] as? Double)
        // `1k to 4k` is a 90% interval: its 10th and 90th percentiles lie inside it.
        #expect(p10 > 1000 && p10 < p90 && p90 < 4000)
    }

    @Test func aTargetNarrowsTheList() throws {
        let (_, e) = evaluate(Self.text.replacingOccurrences(of: "explain\n", with: "explain pressure\n"))
        let lines = e.outputs[0].plainText.split(separator: "\n").map(String.init)
        #expect(
            lines.filter { !$0.hasPrefix(" ") }.dropFirst(2) == [
                "pressure 10%", "pressure uniform(40%, 60%) from 2025-06",
            ])
    }

    /// Percentiles are shown as the engine uses the input: clamped into
    /// its allowed range, with the share of draws the clamp moved.
    @Test func clampedInputsShowTheValuesUsedAndTheClampedShare() throws {
        // normal(1k, 1k) below 0 with Phi(-1) = 15.9%: 2,000 draws give a
        // standard error of 0.8 points; its 10th percentile (-282) is used as 0.
        // normal(100%, 20%) is above 100% half the time (se 1.1 points).
        let text = """
            trials 2k
            chip a domestic perf 1 fail normal(100%, 20%)
            fleet a normal(1k, 1k)
            r2 start 2025-02 needs 1k post 1 month
            explain a

            """
        let (_, e) = evaluate(text)
        // The outputs open with the two clamp warnings.
        let explained = try #require(e.outputs.first { $0.plainText.hasPrefix("Inputs of") })
        let lines = explained.plainText.split(separator: "\n").map(String.init)
        let fail = try #require(lines.first { $0.hasPrefix("    fail a") })
        // A share as a percentage, clamped at 100%; a count as a whole number, clamped at 0.
        #expect(fail.hasSuffix(" / 100%  (" + fail.split(separator: "(").last!))
        let fleet = try #require(lines.first { $0.hasPrefix("    fleet a") })
        #expect(fleet.contains("10/50/90: 0 / "))
        let json = object(explained)
        let statements = try #require(json["statements"] as? [[String: Any]])
        func input(_ prefix: String) throws -> [String: Any] {
            let statement = try #require(statements.first { ($0["statement"] as? String)?.hasPrefix(prefix) == true })
            return try #require((statement["uncertain"] as? [[String: Any]])?.first)
        }
        let failShare = try #require(try input("chip a")["clamped"] as? Double)
        #expect(abs(failShare - 0.5) <= 4 * 0.0112)
        #expect(try input("chip a")["p90"] as? Double == 1)
        let fleetShare = try #require(try input("fleet a")["clamped"] as? Double)
        #expect(abs(fleetShare - 0.1587) <= 4 * 0.0082)
        #expect(try input("fleet a")["p10"] as? Double == 0)
        // A value inside its range is not marked.
        #expect(!Self.text.isEmpty && !(evaluate(Self.text).1.outputs[0].plainText.contains("clamped")))
    }

    /// Long statements and citation lists wrap at spaces within the width,
    /// hanging; the `cite` clause is shown once, as the evidence line.
    @Test func longStatementsWrapAndCitationsShowOnce() throws {
        let text = """
            chip asc domestic perf 0.3 to 0.6 fail pert(25%, 45%, 75%) cite seeds/2025-02-00-ascend-910c-inference-60pct.md, seeds/2025-08-14-ft-r2-ascend-training-failed.md
            r2 start 2025-02 needs 1k post 1 month
            explain asc

            """
        let session = Session(configuration: SessionConfiguration(threads: 2, style: Style(colors: false, width: 61)))
        let (_, e) = evaluate(text, in: session)
        #expect(
            e.outputs[0].plainText.split(separator: "\n").dropFirst(2).prefix(5) == [
                "chip asc domestic perf 0.3 to 0.6 fail pert(25%, 45%, 75%)",
                "    at test.r2s:1",
                "    evidence: seeds/2025-02-00-ascend-910c-inference-60pct.md\u{00A0}[M],",
                "              seeds/2025-08-14-ft-r2-ascend-training-failed.md\u{00A0}[M]",
                "    perf asc                       10/50/90: 0.327 / 0.418 / 0.559",
            ])
        // The JSON keeps the statement as written.
        let statements = try #require(object(e.outputs[0])["statements"] as? [[String: Any]])
        #expect((statements[0]["statement"] as? String)?.hasSuffix("training-failed.md") == true)
        // A statement longer than the width hangs by two columns.
        let long = """
            let a_rather_long_name_for_a_share = pert(0.5%, 1.5%, 4%) * uniform(90%, 110%) * 1
            explain a_rather_long_name_for_a_share

            """
        let (_, f) = evaluate(
            long, in: Session(configuration: SessionConfiguration(threads: 2, style: Style(colors: false, width: 61))))
        let lines = f.outputs[0].plainText.split(separator: "\n").map(String.init)
        // 60 columns less the two of the hanging indent.
        #expect(lines[2] == "let a_rather_long_name_for_a_share = pert(0.5%, 1.5%, 4%)")
        #expect(lines[3] == "  * uniform(90%, 110%) * 1")
    }
}
