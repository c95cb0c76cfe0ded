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

    @Test func commandsRunBetweenStatementsAndDiagnosticsKeepTheirLines() throws {
        let folder = try Binary.temporaryFolder()
        let saved = folder.appendingPathComponent("piped.r2s").path
        let input = """
            scenario calm from baseline
            :set trials 2000
            pressure 0%
            p(release by 2026-06)
            :scenarios
            _
            :save \(saved)
            event late 50% between 2026-01 and
              2026-06: pressure 50%
            fleet h80 1k
            :quit
            forecast

            """
        let r = try Binary.run(["scenarios/baseline.r2s"], stdin: input)
        #expect(r.status == 1)
        // The command ran: 2,000 trials; `_` repeats the probability.
        #expect(r.stdout.contains("trials 2,000 (overrides the scenarios' own)"))
        #expect(r.stdout.components(separatedBy: "p(release by 2026-06) = ").count == 3, "\(r.stdout)")
        #expect(r.stdout.contains("* calm  (from baseline)"))
        #expect(r.stdout.contains("saved "))
        // A statement continued over two lines is one statement, and the
        // error points at its line in standard input, after the commands.
        #expect(
            r.stderr.hasPrefix("error: unknown chip `h80`\n  --> <stdin>:10:7\n   |\n10 | fleet h80 1k"), "\(r.stderr)")
        // It stopped at the error: neither :quit nor the forecast ran.
        #expect(!r.stdout.contains("Forecast for calm"))
        // The saved session runs on its own.
        let rerun = try Binary.run(["run", saved, "--trials", "2000"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
    }

    @Test func warningsGoToStandardErrorAndNothingFails() throws {
        let input = """
            scenario s
            chip h800 foreign perf 1 fail 50% to 90%
            fleet h800 1k
            r2 start 2025-02 needs 2k chip-months
            expect p(release by 2025-12) above 50%
            p(release by 2025-12)

            """
        let piped = try Binary.run([], stdin: input)
        #expect(piped.status == 0)
        #expect(piped.stderr.hasPrefix("warning: about 1.3% of this probability's draws fall outside 0% to 100%"))
        #expect(piped.stdout.contains("p(release by 2025-12) = "))
        // In the test runner the file passes.
        let folder = try Binary.temporaryFolder()
        let file = folder.appendingPathComponent("warned.r2s")
        try input.write(to: file, atomically: true, encoding: .utf8)
        let tested = try Binary.run(["test", file.path])
        #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
        #expect(tested.stdout.contains("1 passed, 0 failed"))
    }

    @Test func quitEndsAPipedSession() throws {
        let r = try Binary.run(["scenarios/baseline.r2s", "--trials", "2000"], stdin: ":quit\np(release by 2025-12)\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Forecast for baseline"))
        #expect(!r.stdout.contains("p(release by 2025-12) ="))
    }

    @Test func filesGivenFirstAreLoadedBeforeStandardInput() throws {
        let r = try Binary.run(
            ["scenarios/baseline.r2s", "--trials", "2000"],
            stdin: "scenario calm from baseline\npressure 0%\np(release by 2026-06)\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("p(release by 2026-06) = "))
    }
}
