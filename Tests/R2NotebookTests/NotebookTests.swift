import Foundation
import R2Forecast
import Testing

@testable import R2Notebook

@Suite struct NotebookTests {
    @Test func cellsAreNumberedAndFailedOnesMarked() {
        let session = Session(configuration: SessionConfiguration(threads: 1))
        session.evaluateCell("chip h800 foreign")
        session.evaluateCell("fleet h900 2k")
        _ = session.runCommand(":scenarios")
        #expect(session.notebook.cells.map(\.number) == [1, 2, 3])
        #expect(session.notebook.cells[1].failed)
        let listing = session.notebook.listing()
        #expect(listing.contains("   [1]  baseline> chip h800 foreign"))
        #expect(listing.contains("   [2]✗ baseline> fleet h900 2k"))
    }

    @Test func saveWritesARunnableFileWithoutFailedCells() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("r2cast-nb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let session = Session(configuration: SessionConfiguration(threads: 1))
        session.evaluateCell(holdScenario(trials: "1k"))
        session.evaluateCell("fleet nope 1k")
        session.evaluateCell("p(release by 2025-04)")
        let path = dir.appendingPathComponent("s.r2s").path
        let result = session.runCommand(":save \(path)")
        #expect(result.cell?.failed == false)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("# cell 2 failed and is left out:\n#   fleet nope 1k"))
        let again = Session(configuration: SessionConfiguration(threads: 1))
        let cell = again.load(path: path)
        #expect(!cell.failed)
        #expect(cell.outputs.last?.plainText == session.notebook.cells[2].outputs.last?.plainText)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["s.r2s"])
    }

    /// A path may be quoted, as `include` takes one (a space, an accent):
    /// `:load "a b/données.r2s"` read the quotes as part of the name.
    @Test func quotedPathsLoadAndSave() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("r2cast q \(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("données 🚀.r2s").path
        try holdScenario(trials: "1k").write(toFile: file, atomically: true, encoding: .utf8)
        let session = Session(configuration: SessionConfiguration(threads: 1))
        let loaded = try #require(session.runCommand(":load \"\(file)\"").cell)
        #expect(!loaded.failed, "\(loaded.outputs.map(\.plainText))")
        #expect(session.currentScenarioName == "held")
        let saved = dir.appendingPathComponent("saved copy.r2s").path
        #expect(session.runCommand(":save \"\(saved)\"").cell?.failed == false)
        #expect(FileManager.default.fileExists(atPath: saved))
    }

    /// `:lets` lists each name on one line, a definition written over
    /// several lines too (it broke the table), comments left out.
    @Test func letsListsEachNameOnOneLine() {
        let session = Session(configuration: SessionConfiguration(threads: 1))
        session.evaluateCell("let g = normal(1, # the mean\n  2)\nlet long_name = 3 to 4")
        let listing = session.runCommand(":lets").cell?.outputs.first?.plainText
        #expect(listing == "g         = normal(1, 2)  (In[1]:1)\nlong_name = 3 to 4  (In[1]:3)", "\(listing ?? "")")
    }

    @Test func saveIntoAMissingFolderIsAClearError() {
        let session = Session(configuration: SessionConfiguration(threads: 1))
        let result = session.runCommand(":save /no/such/folder/s.r2s")
        #expect(result.cell?.failed == true)
        #expect(
            result.cell?.outputs.first?.plainText
                == "error: cannot write /no/such/folder/s.r2s: the folder /no/such/folder does not exist")
    }

    @Test func exportWritesMarkdownWithPlots() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("r2cast-md-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let session = Session(configuration: SessionConfiguration(threads: 1))
        session.evaluateCell(holdScenario(trials: "1k") + "forecast")
        session.evaluateCell("hist release")
        let path = dir.appendingPathComponent("nb.md").path
        #expect(session.runCommand(":export \(path)").cell?.failed == false)
        let md = try String(contentsOfFile: path, encoding: .utf8)
        #expect(md.contains("## In [1] — baseline"))
        #expect(md.contains("```r2s\nscenario held"))
        #expect(md.contains("![Out[2] plot](nb-cell2-1.svg)"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("nb-cell2-1.svg").path))
    }

    @Test func rerunAndResultReferences() {
        let session = Session(configuration: SessionConfiguration(threads: 1))
        session.evaluateCell(holdScenario(h: "0%", trials: "500"))
        session.evaluateCell("p(release by 2025-03)")
        session.evaluateCell("r2 needs 3.5k chip-months")
        let rerun = session.runCommand(":rerun 2").cell
        #expect(rerun?.outputs.first?.plainText.hasPrefix("p(release by 2025-03) = 0.0%") == true)
        #expect(session.evaluateCell("_2").outputs.first?.plainText.hasPrefix("p(release by 2025-03) = 100.0%") == true)
        // `_` is the last result of statements: the rerun's.
        #expect(session.evaluateCell("_").outputs.first?.plainText.hasPrefix("p(release by 2025-03) = 0.0%") == true)
        #expect(session.runCommand(":rerun 99").cell?.failed == true)
    }

    /// `:rerun all` reruns the cells typed or loaded, not the copies earlier
    /// reruns made: repeated, it adds the same cells each time instead of
    /// doubling the notebook (the command fuzzer's timeout: six in a row).
    @Test func rerunAllSkipsTheCopiesOfEarlierReruns() {
        let session = Session(configuration: SessionConfiguration(threads: 1))
        session.evaluateCell("let x = 1")
        session.evaluateCell("let y = x + 1")
        _ = session.runCommand(":cells")
        for _ in 0..<3 {
            let made = session.runCommand(":rerun all").cells
            let inputs = made.map(\.input)
            let marked = made.map(\.isRerun)
            #expect(inputs == ["let x = 1", "let y = x + 1"])
            #expect(marked == [true, true])
        }
        // 2 typed, the :cells command, three reruns of 2 cells each.
        let cells = session.notebook.cells
        let typed = cells.filter { !$0.isRerun && $0.kind != .command }.map(\.number)
        #expect(cells.count == 9)
        #expect(typed == [1, 2])
        // A range still reruns whatever it names, copies included.
        let range = session.runCommand(":rerun 4-5").cells.map(\.input)
        #expect(range == ["let x = 1", "let y = x + 1"])
    }

    @Test func unknownCommandSuggestsTheNearest() {
        let session = Session(configuration: SessionConfiguration(threads: 1))
        let cell = session.runCommand(":sav x").cell
        #expect(cell?.outputs.first?.plainText == "error: unknown command :sav; did you mean :save?")
        #expect(
            session.runCommand(":help forcast").cell?.outputs.first?.plainText
                == "error: no help topic `forcast`; did you mean `forecast`?")
    }

    /// Every command has help, under its name with or without the colon
    /// (a statement of the same name keeps `:help NAME`).
    @Test func everyCommandHasHelp() {
        let session = Session(configuration: SessionConfiguration(threads: 1, style: Style(colors: false, width: 80)))
        func help(_ topic: String) -> String? { session.runCommand(":help " + topic).cell?.outputs.first?.plainText }
        for name in Session.commandNames {
            let text = help(name) ?? ""
            #expect(text.hasPrefix(name + " ") || text.hasPrefix(name + "\n"), "\(name): \(text)")
        }
        #expect(
            help(":set") == """
                :set [trials N | seed N | threads N]

                Overrides every scenario's trials or seed for this session's runs, or sets the
                threads (results do not depend on them); `:set` alone shows the settings.
                """)
        #expect(help("save")?.hasPrefix(":save FILE\n\nWrites the session as a scenario file") == true)
        #expect(help(":q")?.hasPrefix(":quit  (also :q, :exit, Ctrl-D)") == true)
        // `use` is a statement too: `:help use` is the statement's, `:help :use` the command's.
        #expect(help("use")?.hasPrefix("use NAME") == true)
        #expect(help(":use")?.hasPrefix(":use SCENARIO") == true)
        #expect(help(":sav") == "error: no help topic `:sav`; did you mean `:save`?")
    }

    /// The fuzzers' command dictionary (Tests/Corpus/fuzz-dictionaries,
    /// scripts/fuzz.sh) holds every command, so a new one gets fuzzed.
    @Test func everyCommandIsInTheFuzzDictionary() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/fuzz-dictionaries/command.dict")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        for name in Session.commandNames + Array(Session.commandAliases.keys) {
            #expect(lines.contains("\"\(name)\""), "add \(name) to command.dict")
        }
    }

    /// `:export` writes Markdown or a notebook; any other name would hold
    /// Markdown under an extension that says otherwise (it once did).
    @Test func exportRefusesANameThatIsNeitherMarkdownNorANotebook() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("r2cast-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = Session(configuration: SessionConfiguration(threads: 1))
        _ = session.evaluateCell("let x = 1")
        let path = folder.appendingPathComponent("notes.txt").path
        let cell = try #require(session.runCommand(":export \(path)").cell)
        #expect(cell.failed)
        #expect(
            cell.outputs.first?.plainText
                == "error: `:export` writes Markdown (FILE.md) or a Jupyter notebook (FILE.ipynb); did you mean `:export \(folder.path)/notes.md`?"
        )
        #expect(!FileManager.default.fileExists(atPath: path))
        let md = try #require(session.runCommand(":export \(folder.path)/notes.MD").cell)
        #expect(!md.failed)
    }

    /// A command typed without its colon, as a cell, points to the command;
    /// in a file, where commands are not read, it stays a plain unknown statement.
    @Test func aCommandWithoutItsColonPointsToTheCommand() {
        let session = Session(configuration: SessionConfiguration(threads: 1))
        #expect(
            session.evaluateCell("exit").outputs.map(\.plainText) == [
                """
                error: unknown statement `exit`
                 --> In[1]:1:1
                  |
                1 | exit
                  | ^^^^ did you mean `:quit`? commands start with `:`
                """
            ])
        #expect(
            session.evaluateCell("help").outputs.first?.plainText.hasSuffix(
                "^^^^ did you mean `:help`? commands start with `:`") == true)
        #expect(
            session.evaluateCell("forcast").outputs.first?.plainText.hasSuffix("^^^^^^^ did you mean `forecast`?")
                == true)
        let (_, file) = evaluate("help")
        #expect(file.outputs.first?.plainText.hasSuffix("| ^^^^") == true)
    }
}
