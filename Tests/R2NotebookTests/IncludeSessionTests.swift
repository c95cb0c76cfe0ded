import Foundation
import R2Language
import Testing

@testable import R2Notebook

/// `include` through a session, on real files in a temporary folder.
@Suite struct IncludeSessionTests {
    /// A folder holding `files` (names may contain `/`).
    func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "r2cast-include-\(UUID().uuidString)")
        for (name, text) in files {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return url
    }

    /// `holdScenario` with queries and an expectation that fails, so that
    /// running any of them would show.
    let base =
        holdScenario(trials: "1k") + """
            let spare = 1
            forecast
            p(release by 2025-04)
            expect p(release by 2025-04) above 99%
            observe no release by 2025-03

            """

    @Test func definitionsArriveAndNothingRuns() throws {
        let dir = try folder(["lib/what.r2s": "include \"base.r2s\"\n"])
        let plot = dir.appendingPathComponent("never.svg").path
        try (base + "plot cdf to \"\(plot)\"\n").write(
            to: dir.appendingPathComponent("lib/base.r2s"), atomically: true, encoding: .utf8)
        let session = Session(configuration: SessionConfiguration(threads: 1))
        let cell = session.load(path: dir.appendingPathComponent("lib/what.r2s").path)
        #expect(!cell.failed)
        #expect(cell.outputs.isEmpty)
        #expect(session.expectationResults.isEmpty)
        #expect(session.observations.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: plot))
        #expect(session.workspace.scenarioNames == ["held"])
        #expect(session.currentScenarioName == "held")
        // The included definitions are there to query.
        let after = session.evaluateCell("p(release by 2025-04)")
        #expect(after.outputs.first?.plainText.hasPrefix("p(release by 2025-04) = ") == true)
    }

    @Test func relativePathsFollowTheIncludingFile() throws {
        let dir = try folder([
            "common/base.r2s": base,
            "asof/first.r2s": "include \"../common/base.r2s\"\nscenario first from held\n",
            "asof/second.r2s": "include first.r2s\nscenario second from first\nforecast\n",
        ])
        let session = Session(configuration: SessionConfiguration(threads: 1))
        let cell = session.load(path: dir.appendingPathComponent("asof/second.r2s").path)
        #expect(!cell.failed, "\(cell.text)")
        #expect(session.workspace.scenarioNames == ["held", "first", "second"])
        #expect(cell.outputs.count == 1)
        #expect(cell.text.hasPrefix("Forecast for second"))
        // Provenance names the included file.
        let explain = session.evaluateCell("explain h800").text
        #expect(explain.contains("at \(dir.appendingPathComponent("common/base.r2s").path):5"), "\(explain)")
    }

    @Test func aMissingFileFailsTheCellWithItsLocation() throws {
        let dir = try folder(["lib/baseline.r2s": base, "lib/what.r2s": "# what\ninclude \"basline.r2s\"\n"])
        let session = Session(configuration: SessionConfiguration(threads: 1))
        let path = dir.appendingPathComponent("lib/what.r2s").path
        let cell = session.load(path: path)
        #expect(cell.failed)
        #expect(
            cell.text == """
                error: cannot include `\(dir.path)/lib/basline.r2s`: no such file
                 --> \(path):2:9
                  |
                2 | include "basline.r2s"
                  |         ^^^^^^^^^^^^^ did you mean `baseline.r2s`?
                """)
    }

    @Test func saveRewritesIncludePathsForTheSavedFilesFolder() throws {
        let dir = try folder([
            "lib/base.r2s": base,
            "lib/what.r2s": "include \"base.r2s\"\nscenario what from held\nfleet h800 2k\n",
            "saved/.keep": "",
        ])
        let session = Session(configuration: SessionConfiguration(threads: 1))
        #expect(!session.load(path: dir.appendingPathComponent("lib/what.r2s").path).failed)
        // A typed include, relative to the current directory.
        let typed = relativeToCurrentDirectory(dir.appendingPathComponent("lib/base.r2s").path)
        #expect(!session.evaluateCell("include \"\(typed)\"\np(release by 2025-05)").failed)
        let saved = dir.appendingPathComponent("saved/session.r2s").path
        #expect(session.runCommand(":save \(saved)").cell?.failed == false)
        let text = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(text.contains("\ninclude \"../lib/base.r2s\"\nscenario what from held\n"), "\(text)")
        #expect(text.contains("\ninclude \"../lib/base.r2s\"\np(release by 2025-05)\n"), "\(text)")
        // The saved session runs on its own and prints what the session did.
        let again = Session(configuration: SessionConfiguration(threads: 1))
        let cell = again.load(path: saved)
        #expect(!cell.failed, "\(cell.text)")
        #expect(cell.text == session.notebook.cells[1].text)
    }

    @Test func aLoadedFileALaterIncludeReliesOnIsSavedAsAnInclude() throws {
        let dir = try folder([
            "lib/base.r2s": base,
            "lib/what.r2s": "include \"base.r2s\"\nscenario what from held\nfleet h800 2k\nforecast\n",
        ])
        let session = Session(configuration: SessionConfiguration(threads: 1))
        #expect(!session.load(path: dir.appendingPathComponent("lib/base.r2s").path).failed)
        #expect(!session.load(path: dir.appendingPathComponent("lib/what.r2s").path).failed)
        // The nested include was skipped: `held` holds its statements once.
        #expect(session.workspace.scenario(named: "held")?.variables.count == 1)
        let saved = dir.appendingPathComponent("session.r2s").path
        #expect(session.runCommand(":save \(saved)").cell?.failed == false)
        let text = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(text.contains("\ninclude \"lib/base.r2s\"\n"), "\(text)")
        #expect(text.contains("\ninclude \"lib/base.r2s\"\nscenario what from held\n"), "\(text)")
        let again = Session(configuration: SessionConfiguration(threads: 1))
        let cell = again.load(path: saved)
        #expect(!cell.failed, "\(cell.text)")
        #expect(again.workspace.scenario(named: "held")?.variables.count == 1)
        let what = try #require(session.workspace.scenario(named: "what"))
        #expect(again.workspace.scenario(named: "what")?.fingerprint == what.fingerprint)
        // Only the loaded file's own queries are not run again; the
        // observation it made is replayed (an include runs no query), so
        // `what` inherits it as it did in the session.
        #expect(
            text.contains("\n# ---- the observations it made:\nuse held\nobserve no release by 2025-03\nuse held\n"),
            "\(text)")
        let observed = session.notebook.cells[0].text.components(separatedBy: "\n").filter {
            $0.hasPrefix("held: 1 observation") || $0.hasPrefix("warning: fewer than")
        }
        #expect(observed.count == 2)
        #expect(cell.text == observed.joined(separator: "\n") + "\n" + session.notebook.cells[1].text)
    }

    @Test func testRunnerDoesNotRunTheIncludedExpectationsAgain() throws {
        let dir = try folder([
            "base.r2s": holdScenario(trials: "1k") + "expect censored below 1%\n",
            "what.r2s": "include base.r2s\nscenario what from held\nexpect censored below 2%\n",
        ])
        var options = TestRunner.Options(threads: 2)
        options.paths = [dir.path]
        var lines: [String] = []
        let status = TestRunner(options: options).run { lines.append($0) }
        #expect(status == 0)
        #expect(lines.last == "2 passed, 0 failed")
        #expect(lines.filter { $0.contains("base.r2s:9") }.count == 1)
        #expect(lines.contains { $0.contains("what.r2s:3") })
    }

    /// `path` relative to the current directory (through `..` as needed).
    func relativeToCurrentDirectory(_ path: String) -> String {
        let from = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath()
            .pathComponents
        let to = URL(fileURLWithPath: path).resolvingSymlinksInPath().pathComponents
        var common = 0
        while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }
}
