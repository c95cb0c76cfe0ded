import Foundation
import Testing

/// `r2cast < file`: statements without banner, prompts, colour or history.
@Suite struct PipeModeTests {
    static let golden = Binary.root.appendingPathComponent("Tests/EndToEndTests/Golden")

    /// Compares with a golden file; R2CAST_RECORD=1 rewrites it.
    func expectGolden(_ text: String, _ name: String) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["R2CAST_RECORD"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected)
    }

    @Test func pipedStatementsPrintOutputsOnly() throws {
        let input = try String(contentsOf: Self.golden.appendingPathComponent("pipe-session.r2s"), encoding: .utf8)
        let r = try Binary.run([], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(!r.stdout.contains("In ["))
        #expect(!r.stdout.contains("\u{1B}["))
        try expectGolden(r.stdout, "pipe-session.out")
    }

    @Test func pipeModeStopsAtTheFirstErrorUnlessKeepGoing() throws {
        let input = "chip h800 foreign\nfleet h900 1k\nr2 start 2025-01 needs 1k chip-months\nfleet h800 1k\nforecast\n"
        let stop = try Binary.run([], stdin: input)
        #expect(stop.status == 1)
        #expect(stop.stdout.isEmpty)
        #expect(stop.stderr.hasPrefix("error: unknown chip `h900`\n --> <stdin>:2:7"))
        let go = try Binary.run(["--keep-going"], stdin: input)
        #expect(go.status == 1)
        #expect(go.stdout.hasPrefix("Forecast for baseline"))
    }

    @Test func filesGivenFirstAreLoadedBeforeStandardInput() throws {
        let r = try Binary.run(["scenarios/baseline.r2s", "--trials", "2000"], stdin: "scenario calm from baseline\npressure 0%\np(release by 2026-06)\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("p(release by 2026-06) = "))
    }
}
