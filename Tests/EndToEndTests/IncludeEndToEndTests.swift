import Foundation
import Testing

/// `include` through the built binary: `r2cast run` and the REPL.
@Suite(.serialized) struct IncludeEndToEndTests {
    /// The baseline's definitions: scenarios/baseline.r2s up to its first
    /// query, as the library's what-if files used to copy it.
    static func baselineDefinitions() throws -> String {
        let text = try String(
            contentsOf: Binary.root.appendingPathComponent("scenarios/baseline.r2s"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let end = try #require(lines.firstIndex(of: "forecast"))
        return lines[..<end].joined(separator: "\n") + "\n"
    }

    static let whatIf = """
        scenario hawk from baseline
        export h20 banned from 2025-10
        pressure 95% from 2025-10
        forecast
        compare baseline hawk by 2026-06

        """

    @Test func anIncludedBaselineForecastsAsAPastedOne() throws {
        let folder = try Binary.temporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("lib"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Binary.root.appendingPathComponent("scenarios/baseline.r2s"),
            to: folder.appendingPathComponent("lib/baseline.r2s"))
        let included = folder.appendingPathComponent("included.r2s")
        let pasted = folder.appendingPathComponent("pasted.r2s")
        try ("# the what-if\ninclude \"lib/baseline.r2s\"\n" + Self.whatIf).write(
            to: included, atomically: true, encoding: .utf8)
        try (Self.baselineDefinitions() + Self.whatIf).write(to: pasted, atomically: true, encoding: .utf8)
        let a = try Binary.run(["run", included.path, "--trials", "4000"])
        let b = try Binary.run(["run", pasted.path, "--trials", "4000"])
        #expect(a.status == 0, "\(a.stdout)\(a.stderr)")
        #expect(b.status == 0, "\(b.stdout)\(b.stderr)")
        // The baseline's own forecast and expectations do not run: only the what-if prints.
        #expect(
            a.stdout.hasPrefix("Forecast for hawk  (4,000 trials, seed 1, ")
                && a.stdout.contains("\n            given no flagship before 2025-08-14 (as of)\n"),
            "\(a.stdout)")
        #expect(a.stdout == b.stdout)
    }

    @Test func theLibraryWhatIfsRunAfterTheBaselineInOneSession() throws {
        // The what-if's include of the baseline is skipped: its forecast is the
        // one it makes alone.
        let alone = try Binary.run(["run", "scenarios/reban-max-pressure.r2s", "--trials", "3000"])
        let after = try Binary.run([
            "run", "scenarios/baseline.r2s", "scenarios/reban-max-pressure.r2s", "--trials", "3000",
        ])
        #expect(alone.status == 0 && after.status == 0)
        let forecast = try #require(alone.stdout.components(separatedBy: "PASS").first)
        #expect(after.stdout.contains(forecast))
    }

    /// A file named after one that included it would be a reload, whose
    /// queries do not run: `run` once exited 0 having run none of them.
    @Test func aFileAlreadyInTheRunIsAnError() throws {
        let after = try Binary.run([
            "run", "scenarios/reban-max-pressure.r2s", "scenarios/baseline.r2s", "--trials", "2000",
        ])
        #expect(after.status == 1)
        #expect(
            after.stderr.contains(
                "error: scenarios/baseline.r2s is already in this run: an earlier file's `include` brought it in, and an included file's queries do not run; run it on its own: r2cast run scenarios/baseline.r2s\n"
            ), "\(after.stderr)")
        // The first file's queries ran.
        #expect(after.stdout.contains("Forecast for reban_max_pressure"), "\(after.stdout)")
        let twice = try Binary.run(["run", "scenarios/baseline.r2s", "scenarios/baseline.r2s", "--trials", "2000"])
        #expect(twice.status == 1)
        #expect(
            twice.stderr.contains("error: scenarios/baseline.r2s is named twice; its queries ran at its first place\n"),
            "\(twice.stderr)")
    }

    @Test func theREPLCompletesAndIncludes() throws {
        let folder = try Binary.temporaryFolder()
        let env = [
            "R2CAST_HISTORY": folder.appendingPathComponent("history").path, "HOME": folder.path,
            "NO_COLOR": "1",
        ]
        let (out, status) = try PseudoTerminal.session(
            ["scenarios/baseline.r2s", "--trials", "2000"],
            keys: [
                .type("incl"), .tab, .type("\"scen"), .tab, .type("reban"), .tab, .enter(""),
                .enter("include \"scenarios/no-such.r2s\""),
                .enter("p(release by 2026-06)"),
                .enter(":cells"),
                .ctrlD,
            ], environment: env)
        #expect(status == 0)
        // Tab completed the keyword, the folder, then the file with its closing quote.
        #expect(out.contains("[2]  baseline> include \"scenarios/reban-max-pressure.r2s\""), "\(out)")
        // The what-if's scenario is current; its baseline include was a no-op.
        #expect(out.contains("reban_max_pressure>"), "\(out)")
        #expect(out.contains("error: cannot include `scenarios/no-such.r2s`: no such file"), "\(out)")
        #expect(out.contains("p(release by 2026-06) = "))
    }
}
