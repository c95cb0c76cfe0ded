import Foundation
import R2Forecast
import R2Language
import Testing

@testable import R2Notebook

/// Observations are facts about the world: a scenario derived afterwards
/// starts with its parent's, says so, and every chart names them.
@Suite struct ConditioningTests {
    static let text = holdScenario(trials: "4k") + "observe no release by 2025-03\n"

    @Test func aDerivedScenarioInheritsItsParentsObservationsAndSaysSo() throws {
        let (session, e) = evaluate(Self.text + "scenario later from held\nforecast\n")
        #expect(!e.failed)
        let note = try #require(e.outputs.first { $0.plainText.hasPrefix("`later` starts") })
        #expect(
            note.plainText
                == "`later` starts with the observation in force for `held`: `observe no release by 2025-03` (`unobserve all` drops them)"
        )
        #expect(session.observations["later"]?.map(\.text) == ["observe no release by 2025-03"])
        // Its forecast is conditioned: K = 0 (release 2.5 months in) is
        // ruled out, so about half the trials are kept.
        let forecast = try #require(e.outputs.last?.plainText)
        #expect(forecast.contains("given observe no release by 2025-03"))
        // A scenario declared before the observation inherits nothing, and
        // switching back to an existing scenario copies nothing.
        let (again, e2) = evaluate(
            holdScenario(trials: "4k")
                + "scenario early from held\nuse held\nobserve no release by 2025-03\nuse early\nscenario early from held\n"
        )
        #expect(!e2.failed)
        #expect(again.observations["early"] == nil)
    }

    /// `trace N` under observations says whether trial N is one the
    /// forecast keeps: kept exactly when its release is after the observed
    /// month (the story of a rejected trial once read as any other).
    @Test func aTraceSaysWhetherItsTrialIsKept() throws {
        let text =
            """
            clock 2025-01 to 2027-12
            trials 2000
            chip h foreign perf 1
            fleet h 1k to 3k
            r2 start 2025-01 needs 10k to 30k chip-months
            observe no release by 2025-12

            """ + (1...12).map { "trace \($0)\n" }.joined()
        let (_, e) = evaluate(text)
        #expect(!e.failed)
        var seen: Set<Bool> = []
        for output in e.outputs.dropFirst() {
            let json = object(output)
            let kept = try #require(json["kept"] as? Bool)
            let release = try #require(json["release_months"] as? Double)
            #expect(kept == (release > 12), "trial \(json["trial"] ?? "?"): release \(release), kept \(kept)")
            #expect(
                output.plainText.contains("Not a kept trial: the forecast of `baseline` leaves it out") == !kept)
            seen.insert(kept)
        }
        // Both kinds among the twelve (about a third of trials are kept).
        #expect(seen == [true, false])
        // Unconditioned, every trial is kept and nothing is said.
        let (_, plain) = evaluate(holdScenario(trials: "1k") + "trace 1\n")
        #expect(object(plain.outputs[0])["kept"] as? Bool == true)
        #expect(!plain.outputs[0].plainText.contains("Not a kept trial"))
    }

    @Test func chartsNameWhatTheyAreConditionedOn() throws {
        for chart in ["hist release", "cdf release", "fan adoption"] {
            let (_, e) = evaluate(Self.text + chart + "\n")
            let out = try #require(e.outputs.last)
            let lines = out.plainText.split(separator: "\n")
            #expect(lines[1].hasPrefix("       given observe no release by 2025-03 ("), "\(chart): \(lines[1])")
            #expect(lines[1].hasSuffix(" of 4,000 trials kept)"))
            let svg = try #require(out.svg)
            #expect(svg.contains("given observe no release by 2025-03; "))
            // The kept trials of those simulated (the release charts' caption
            // once gave the kept count twice, "K of K trials").
            if chart != "fan adoption" {
                #expect(
                    svg.range(
                        of: #"given observe no release by 2025-03; [0-9,]+ of 4,000 trials kept; "#,
                        options: .regularExpression) != nil, "\(chart)")
            }
        }
        // Unconditioned: no such line.
        let (_, plain) = evaluate(holdScenario(trials: "4k") + "hist release\n")
        #expect(!(plain.outputs.last?.plainText.contains("given") ?? true))
    }
}

/// `:export FILE.ipynb`: the session as an nbformat 4.5 notebook.
@Suite struct JupyterExportTests {
    @Test func theNotebookHasOneCodeCellPerCellWithItsOutputs() throws {
        let session = Session(configuration: SessionConfiguration(threads: 2))
        session.evaluateCell(holdScenario(trials: "1k"))
        session.evaluateCell("hist release\np(release by 2025-04)")
        session.evaluateCell("fleet h80 3k")
        _ = session.runCommand(":cells")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("r2cast-\(getpid())-export.ipynb").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = session.runCommand(":export \(path)")
        #expect(result.cell?.outputs.first?.plainText == "exported 3 cells to \(path) (a Jupyter notebook)")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let nb = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(nb["nbformat"] as? Int == 4 && nb["nbformat_minor"] as? Int == 5)
        let kernel = try #require((nb["metadata"] as? [String: Any])?["kernelspec"] as? [String: Any])
        #expect(kernel["name"] as? String == "r2cast")
        let cells = try #require(nb["cells"] as? [[String: Any]])
        #expect(cells.map { $0["cell_type"] as? String } == ["markdown", "code", "code", "code"])
        // nbformat 4.5: every cell has a unique id of [a-zA-Z0-9-_], and a
        // code cell exactly these keys.
        let ids = cells.compactMap { $0["id"] as? String }
        #expect(
            Set(ids).count == 4
                && ids.allSatisfy { $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
        #expect(Set(cells[1].keys) == ["id", "cell_type", "metadata", "source", "outputs", "execution_count"])
        let outputs = try #require(cells[2]["outputs"] as? [[String: Any]])
        #expect(outputs.count == 2)
        let chart = try #require(outputs[0]["data"] as? [String: Any])
        #expect(outputs[0]["output_type"] as? String == "display_data")
        #expect((chart["image/svg+xml"] as? [String])?.joined().contains("<svg") == true)
        #expect((chart["application/json"] as? [String: Any])?["query"] as? String == "chart")
        let error = try #require((cells[3]["outputs"] as? [[String: Any]])?.first)
        #expect(error["output_type"] as? String == "stream" && error["name"] as? String == "stderr")
        #expect((error["text"] as? [String])?.first?.hasPrefix("error: unknown chip `h80`") == true)
    }

    /// Jupyter runs a notebook's kernel in the notebook's folder: a file
    /// loaded or included by a relative path is written relative to the
    /// folder the notebook is exported to, as `:save` does (it was written
    /// as typed, so the notebook's first cell failed anywhere else).
    @Test func loadAndIncludePathsRunFromTheNotebooksFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("r2cast-export-\(UUID().uuidString)")
            .resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: root) }
        let files = root.appendingPathComponent("files")
        let notebooks = root.appendingPathComponent("notebooks/2026")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        try holdScenario(trials: "1k").write(
            to: files.appendingPathComponent("held.r2s"), atomically: true, encoding: .utf8)
        try "let extra = 2\n".write(to: files.appendingPathComponent("extra.r2s"), atomically: true, encoding: .utf8)
        // Relative paths, as typed in the current directory (tests run in
        // parallel in one process, so this one does not change directory).
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath()
        let up = Array(repeating: "..", count: cwd.pathComponents.count - 1).joined(separator: "/")
        let typed = up + root.path
        let session = Session(configuration: SessionConfiguration(threads: 2))
        #expect(!session.load(path: typed + "/files/held.r2s").failed)
        #expect(!session.evaluateCell("include \"\(typed)/files/extra.r2s\"\nextra * 3").failed)
        _ = session.runCommand(":export \(notebooks.path)/n.ipynb")
        let data = try Data(contentsOf: notebooks.appendingPathComponent("n.ipynb"))
        let nb = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sources = try #require(nb["cells"] as? [[String: Any]]).dropFirst().map {
            ($0["source"] as? [String])?.joined()
        }
        #expect(sources == [":load ../../files/held.r2s", "include \"../../files/extra.r2s\"\nextra * 3"])
        // From the notebook's folder, where Jupyter starts the kernel, they
        // name the files.
        #expect(
            URL(
                fileURLWithPath: "../../files/held.r2s",
                relativeTo: URL(fileURLWithPath: notebooks.path, isDirectory: true)
            )
            .standardizedFileURL
                == files.appendingPathComponent("held.r2s").standardizedFileURL)
    }

    /// `:set trials` and `:set seed` change every later number: the
    /// notebook keeps them as cells (the kernel runs them), and `:save`,
    /// whose scenario file cannot hold them, says how to run at them. Both
    /// dropped them, so the file ran at other settings than the outputs shown.
    @Test func sessionSettingsTravelWithTheSession() throws {
        let session = Session(configuration: SessionConfiguration(threads: 2))
        session.evaluateCell(holdScenario(trials: "1k"))
        _ = session.runCommand(":set trials 2k")
        _ = session.runCommand(":set seed 3")
        session.evaluateCell("p(release by 2025-04)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("r2cast-set-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebook = folder.appendingPathComponent("n.ipynb").path
        #expect(
            session.runCommand(":export \(notebook)").cell?.outputs.first?.plainText
                == "exported 4 cells to \(notebook) (a Jupyter notebook)")
        let nb = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: notebook))) as? [String: Any])
        let sources = try #require(nb["cells"] as? [[String: Any]]).dropFirst().map {
            ($0["source"] as? [String])?.joined()
        }
        #expect(sources.dropFirst() == [":set trials 2k", ":set seed 3", "p(release by 2025-04)"])
        let saved = folder.appendingPathComponent("s.r2s").path
        _ = session.runCommand(":save \(saved)")
        let text = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(
            text.contains(
                "\n# The session's `:set` overrides the scenarios' trials or seed: run this file with `r2cast run FILE --trials 2000 --seed 3` for its numbers.\n"
            ), "\(text)")
    }
}
