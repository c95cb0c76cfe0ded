import Foundation
import Testing

/// The REPL end to end through a pseudo-terminal.
@Suite(.serialized) struct REPLTests {
    let folder: URL
    let history: String
    let env: [String: String]

    init() throws {
        folder = try Binary.temporaryFolder()
        history = folder.appendingPathComponent("history").path
        env = ["R2CAST_HISTORY": history, "HOME": folder.path, "NO_COLOR": "1"]
    }

    @Test func typedStatementsCompletionRecallAndCtrlD() throws {
        let (out, status) = try PseudoTerminal.session(
            ["scenarios/baseline.r2s", "--trials", "2000"],
            keys: [
                .enter("p(release by 2026-06)"),
                .type("scenario hawk from base"), .tab, .enter(""),
                .enter("pressure 100% from 2025-09"),
                .type("forec"), .tab, .enter("", pause: 1.5),
                .up, .enter("", pause: 1.5),
                .enter(":cells"),
                .type(":load scen"), .tab, .type("base"), .tab, .enter("", pause: 1.5),
                .ctrlD,
            ], environment: env)
        #expect(status == 0)
        #expect(out.contains("In [1] baseline>") || out.contains("In [2] baseline>"))
        // Paths complete after :load: a folder, then a file in it.
        #expect(out.contains(":load scenarios/baseline.r2s"), "\(out)")
        #expect(out.contains("p(release by 2026-06) = "))
        // Tab completed `base` to `baseline` and the new scenario is current.
        #expect(out.contains("hawk>"))
        // `forec` + Tab completed to `forecast`, and Up recalled it.
        #expect(out.components(separatedBy: "Forecast for hawk").count - 1 == 2, "\(out)")
        #expect(out.contains("scenario hawk from baseline"))
        // The history file was written and holds the statements.
        let saved = try String(contentsOfFile: history, encoding: .utf8)
        #expect(saved.contains("pressure\\040100%\\040from\\0402025-09"))
    }

    @Test func ctrlCDropsTheLineAndCancelsARunKeepingTheSession() throws {
        let (out, status) = try PseudoTerminal.session(
            ["scenarios/baseline.r2s", "--trials", "2000"],
            keys: [
                .type("fleet h800 99k"), .ctrlC,
                .enter(":set trials 20M", pause: 0.5),
                .enter("forecast", pause: 1.5), .ctrlC,
                .enter(":set trials 2000", pause: 0.5),
                .enter("p(release by 2026-06)"),
                .enter(":cells"),
                .ctrlD,
            ], environment: env)
        #expect(status == 0)
        #expect(out.contains("cancelled"))
        #expect(out.contains("p(release by 2026-06) = "))
        // The dropped line never ran: no cell holds it.
        #expect(!out.contains("fleet h800 99k\n    ["))
        #expect(out.contains("✗ baseline> forecast"))
    }

    @Test func mistakesPrintDiagnosticsAndTheSessionGoesOn() throws {
        let saved = folder.appendingPathComponent("session.r2s").path
        let (out, status) = try PseudoTerminal.session(
            ["scenarios/baseline.r2s", "--trials", "2000"],
            keys: [
                .enter("fleet h80 3k"),
                .enter(":load no/such.r2s"),
                .enter(":save /no/such/folder/x.r2s"),
                .enter("pressure 95% from 2025-09"),
                .enter("forecast", pause: 1.5),
                .enter(":save \(saved)"),
                .enter(":quit"),
            ], environment: env)
        #expect(status == 0)
        #expect(out.contains("did you mean `h800`?"))
        #expect(out.contains("error: cannot read no/such.r2s: no such file"))
        #expect(out.contains("error: cannot write /no/such/folder/x.r2s: the folder /no/such/folder does not exist"))
        #expect(out.contains("saved"))
        // The saved session runs on its own and gives the same forecast as
        // the baseline with the same change typed after it.
        let rerun = try Binary.run(["run", saved, "--trials", "2000"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let typed = try #require(out.components(separatedBy: "Forecast for baseline").last?.components(separatedBy: "In [").first)
        let replayed = try #require(rerun.stdout.components(separatedBy: "Forecast for baseline").last)
        #expect(replayed.hasPrefix(typed.trimmingCharacters(in: .newlines)) || replayed.contains(typed.trimmingCharacters(in: .whitespacesAndNewlines)), "typed:\n\(typed)\nreplayed:\n\(replayed)")
        let text = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(text.contains("pressure 95% from 2025-09"))
        #expect(!text.contains("\nfleet h80 3k"))
    }
}
