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

    /// A window resized during a session gets charts that fit it: the
    /// width was read once at start-up, and a chart drawn for 100 columns
    /// wrapped into a mess at 50.
    @Test func chartsFollowAResizedTerminal() throws {
        let (out, status) = try PseudoTerminal.session(
            ["scenarios/baseline.r2s", "--trials", "2000"],
            keys: [.enter("fan adoption", pause: 4), .ctrlD], startup: 12, environment: env,
            resize: (columns: (100, 50), after: 6))
        #expect(status == 0)
        let chart = try #require(out.range(of: "Adoption: domestic share of compute"), "\(out)")
        let lines = out[chart.lowerBound...].split(separator: "\n").prefix(17)
        #expect(lines.count == 17 && lines.allSatisfy { $0.count <= 50 }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("└┬") })
    }

    /// Ctrl-C during the load of the files on the command line says the
    /// load was cancelled (it said "with errors", blaming the file).
    @Test func ctrlCDuringTheFirstLoadSaysCancelled() throws {
        let (out, status) = try PseudoTerminal.session(
            ["scenarios/baseline.r2s", "--trials", "2M"],
            // A second Ctrl-D in case the first came while the cancelled
            // load was still closing (typed-ahead keys are dropped then).
            keys: [PseudoTerminal.Key(text: "\u{03}", pause: 4), PseudoTerminal.Key(text: "\u{04}", pause: 3), .ctrlD],
            startup: 6, environment: env)
        #expect(status == 0)
        #expect(out.contains("62 lines, cancelled (Ctrl-C) before its end"), "\(out.suffix(600))")
        #expect(!out.contains("with errors"))
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
        let typed = try #require(
            out.components(separatedBy: "Forecast for baseline").last?.components(separatedBy: "In [").first)
        let replayed = try #require(rerun.stdout.components(separatedBy: "Forecast for baseline").last)
        #expect(
            replayed.hasPrefix(typed.trimmingCharacters(in: .newlines))
                || replayed.contains(typed.trimmingCharacters(in: .whitespacesAndNewlines)),
            "typed:\n\(typed)\nreplayed:\n\(replayed)")
        let text = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(text.contains("pressure 95% from 2025-09"))
        #expect(!text.contains("\nfleet h80 3k"))
    }

    /// A value typed at the prompt, `:lets`, `:edit` of a cell, `:rerun`,
    /// `:set` alone and `:reset` that asks first.
    @Test func valuesEditRerunSetAndReset() throws {
        let (out, status) = try PseudoTerminal.session(
            ["scenarios/baseline.r2s", "--trials", "2000"],
            keys: [
                .enter("ascend_output_2025 / 12", pause: 1.5),
                .enter("mean ascend_fail"),
                .enter(":lets"),
                .enter("p(release by 2026-06)", pause: 1.5),
                // Cell 5 back in the editor: change the date and run it.
                .enter(":edit 5", pause: 0.6), .type("\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}\u{7F}"),
                .enter("2026-12)", pause: 1.5),
                .enter(":rerun 5-6", pause: 2.0),
                .enter(":set"),
                .enter(":reset"), .enter("n"),
                .enter(":cells"),
                .enter(":reset"), .enter("y"),
                .enter(":cells"),
                .ctrlD,
            ], environment: env)
        #expect(status == 0)
        #expect(out.contains("ascend_output_2025 / 12  (20,000 draws, seed 1)\n  p10 "), "\(out)")
        #expect(out.contains("mean ascend_fail = "))
        #expect(out.contains("ascend_output_2025 = 0.2M to 0.8M  (scenarios/baseline.r2s:76)"))
        // The edited cell ran as typed.
        #expect(out.contains("p(release by 2026-12) = "))
        // :rerun 5-6 ran both statement cells again, in order.
        let rerun = try #require(out.components(separatedBy: ":rerun 5-6").last)
        let first = try #require(rerun.range(of: "p(release by 2026-06) = "))
        let second = try #require(rerun.range(of: "p(release by 2026-12) = "))
        #expect(first.lowerBound < second.lowerBound)
        #expect(out.contains("trials   2,000 (overrides the scenarios' own)"))
        #expect(out.contains("drop the workspace and its "))
        #expect(out.contains("kept"))
        #expect(out.contains("the workspace is empty and "))
        // After the reset only the reset itself is a cell.
        let after = try #require(out.components(separatedBy: "cells dropped").last)
        #expect(after.contains("   [1]  baseline> :reset\n") && !after.contains("[2]  baseline> ascend"))
    }

    /// Completion in context through the terminal: the statuses after
    /// `export h20 `, the clauses after `r2 `.
    @Test func completionKnowsWhereItIs() throws {
        let (out, status) = try PseudoTerminal.session(
            ["scenarios/baseline.r2s", "--trials", "2000"],
            keys: [
                .type("export h20 ba"), .tab, .enter("from 2026-01"),
                .type("plot sen"), .tab, .type("to "), .ctrlC,
                .enter(":cells"),
                .ctrlD,
            ], environment: env)
        #expect(status == 0)
        // The cell holds the completed word.
        #expect(out.contains("baseline> export h20 banned from 2026-01\n"), "\(out)")
    }

    /// Through the terminal: reloading an unchanged file gives a fresh
    /// session's bits, reloading an edited one says what changed, and a
    /// chart of a state that changed is refused with the reason.
    @Test func reloadAndChartsFollowTheState() throws {
        let file = folder.appendingPathComponent("held.r2s")
        let text = """
            scenario held
            clock 2025-01 to 2026-12
            seed 11
            chip h800 foreign perf 1 fail 0
            fleet h800 800 to 1.5k
            r2 start 2025-01 needs 2.5k chip-months
            r2 hold 50% for 1 month

            """
        try text.write(to: file, atomically: true, encoding: .utf8)
        let (out, status) = try PseudoTerminal.session(
            [file.path, "--trials", "2000"],
            keys: [
                .enter("p(release by 2025-04)"),
                .enter(":load \(file.path)", pause: 1.5),
                .enter("p(release by 2025-04)"),
                .enter("sensitivity", pause: 2.0),
                .enter("observe no release by 2025-03"),
                .enter("tornado"),
                .enter(":load \(file.path)", pause: 1.5),
                .ctrlD,
            ], environment: env)
        #expect(status == 0)
        // The same forecast after a reload of the unchanged file.
        let values = out.components(separatedBy: "p(release by 2025-04) = ").dropFirst().map {
            $0.prefix { $0 != "\n" }
        }
        #expect(values.count == 2 && values[0] == values[1], "\(values)")
        #expect(out.contains("reloaded"), "\(out)")
        // The tornado of the state before the observation is refused.
        #expect(out.contains("error: `held` has changed since its sensitivity analysis"))
        #expect(out.contains("unchanged (7 statements), the workspace is as a fresh session's"))
    }
}
