import Foundation
import R2Forecast
import Testing

@testable import R2Notebook

/// `:load` of a file loaded before replaces its definitions where they
/// stood: an unchanged file leaves the session's forecast bit for bit as a
/// fresh session's, and an edited one keeps nothing the file no longer says.
@Suite struct ReloadTests {
    static let first = """
        scenario base
        trials 3000
        chip h800 foreign perf 1 fail 2%
        fleet h800 1k to 3k
        r2 start 2025-02 needs 10k to 30k chip-months post 1 month
        fail h800 1% to 5% from 2025-06
        event reban 40% between 2025-10 and 2026-06: fleet h800 1k

        """

    /// `first` with an event that applies (an event cannot change a fleet;
    /// the edit test deletes that line).
    static let valid = first.replacingOccurrences(of: ": fleet h800 1k", with: ": pressure 50%")

    /// A file of `valid`, and where `:save` is to write beside it.
    static func fileAndSavedCopy() throws -> (path: String, saved: String) {
        let path = try file(valid)
        return (path, path.replacingOccurrences(of: ".r2s", with: "-saved.r2s"))
    }

    /// A session that has loaded `path`.
    static func session(loading path: String) -> Session {
        let session = Session(configuration: SessionConfiguration(threads: 2))
        session.load(path: path)
        return session
    }

    static func remove(_ paths: String...) {
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }

    static func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "r2cast-reload-\(UUID().uuidString).r2s")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The file has a drawn dated input (`fail ... from`), which applied
    /// twice is a second timeline entry with streams of its own: the
    /// second reload once rebuilt the file at each earlier load's cell too,
    /// and the forecast moved.
    @Test func reloadingAnUnchangedFileGivesAFreshSessionsBits() throws {
        let path = try Self.file(Self.valid)
        defer { Self.remove(path) }
        let fresh = Self.session(loading: path)
        let expected = fresh.evaluateCell("forecast").outputs[0].plainText
        let session = Self.session(loading: path)
        _ = session.evaluateCell("forecast")
        for _ in 0..<3 {
            let cell = session.load(path: path)
            #expect(cell.outputs[0].plainText.hasPrefix("reloaded \(path): unchanged (7 statements)"))
            #expect(session.evaluateCell("forecast").outputs[0].plainText == expected)
            #expect(session.workspace.scenario(named: "base") == fresh.workspace.scenario(named: "base"))
        }
    }

    /// `:rerun all` loads the file again (a reload) and asks the queries
    /// again: each round must print the first round's numbers.
    @Test func rerunningEverythingRepeatsTheForecast() throws {
        let path = try Self.file(Self.valid)
        defer { Self.remove(path) }
        let session = Self.session(loading: path)
        let first = session.evaluateCell("p(release by 2026-06)").outputs[0].plainText
        for _ in 0..<3 {
            let made = session.runCommand(":rerun all").cells
            #expect(made.count == 2)
            #expect(made.last?.outputs[0].plainText == first)
        }
    }

    /// Two files, each reloaded after an edit: each stands where it was
    /// first loaded, with its latest text, once.
    @Test func eachFileStandsOnceWithItsLatestText() throws {
        let path = try Self.file(Self.valid)
        let other = try Self.file("scenario base\npressure 20% from 2025-09\n")
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: other)
        }
        let session = Self.session(loading: path)
        session.load(path: other)
        try "scenario base\npressure 30% from 2025-09\n".write(toFile: other, atomically: true, encoding: .utf8)
        session.load(path: other)
        session.load(path: path)
        session.load(path: path)
        let fresh = Self.session(loading: path)
        fresh.load(path: other)
        #expect(session.workspace.scenario(named: "base") == fresh.workspace.scenario(named: "base"))
        #expect(
            session.evaluateCell("forecast").outputs[0].plainText
                == fresh.evaluateCell("forecast").outputs[0].plainText)
    }

    /// `:save` after reloads writes the file once, where it was first
    /// loaded, with its latest text: the saved file runs to the session's
    /// forecast (it once held a copy per load, so its statements applied
    /// once per copy).
    @Test func savingAfterReloadsWritesTheFileOnce() throws {
        let (path, saved) = try Self.fileAndSavedCopy()
        defer { Self.remove(path, saved) }
        let session = Self.session(loading: path)
        _ = session.evaluateCell("trials 4000")
        try Self.valid.replacingOccurrences(of: "fail h800 1% to 5%", with: "fail h800 2% to 6%")
            .write(toFile: path, atomically: true, encoding: .utf8)
        session.load(path: path)
        session.load(path: path)
        let expected = session.evaluateCell("forecast").outputs[0].plainText
        #expect(session.runCommand(":save \(saved)").cell?.failed == false)
        let text = try String(contentsOfFile: saved, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("fail h800") } == ["fail h800 2% to 6% from 2025-06"])
        #expect(lines.filter { $0.hasPrefix("# ---- cell ") }.count == 2)
        #expect(text.contains("# ---- cell 3 reloaded \(path): its latest text stands where it was first loaded"))
        // The typed cell follows the file, as in the session.
        #expect(
            try #require(text.range(of: "fail h800 2%")).lowerBound < #require(text.range(of: "trials 4000")).lowerBound
        )
        let again = Session(configuration: SessionConfiguration(threads: 2))
        #expect(again.load(path: saved).outputs.last?.plainText == expected)
    }

    /// Observations belong to the session, not the file: a reload keeps
    /// them, and its summary says so.
    @Test func aReloadSaysWhichObservationsStay() throws {
        let path = try Self.file(Self.valid)
        defer { Self.remove(path) }
        let session = Self.session(loading: path)
        _ = session.evaluateCell("observe event reban fired")
        let cell = session.load(path: path)
        #expect(
            cell.outputs[0].plainText
                == "reloaded \(path): unchanged (7 statements), the workspace is as a fresh session's; "
                + "observations still in force: 1 on `base`")
        #expect(session.observations["base"]?.count == 1)
    }

    /// A file that came in by an `include` and is then loaded is reloaded
    /// where it was included: loading it as a new file applied its
    /// statements twice (its drawn dated input drew again and the forecast
    /// moved). The reload is a command cell, so `:save` writes the include
    /// and no second copy.
    @Test func loadingAnIncludedFileReloadsItWhereItWasIncluded() throws {
        let (path, saved) = try Self.fileAndSavedCopy()
        defer { Self.remove(path, saved) }
        let session = Session(configuration: SessionConfiguration(threads: 2))
        session.evaluateCell("include \"\(path)\"")
        let expected = session.evaluateCell("forecast").outputs[0].plainText
        let cell = session.load(path: path)
        #expect(cell.kind == .command && cell.input == ":load \(path)")
        #expect(
            cell.outputs.map(\.plainText) == [
                "reloaded \(path), which an `include` brought in: its definitions read again where it was included "
                    + "(its queries are not run)"
            ])
        #expect(session.evaluateCell("forecast").outputs[0].plainText == expected)
        // Edited, it is read again where it was included.
        try Self.valid.replacingOccurrences(of: "trials 3000", with: "trials 2000")
            .write(toFile: path, atomically: true, encoding: .utf8)
        session.load(path: path)
        #expect(session.workspace.scenario(named: "base")?.trials == 2000)
        #expect(session.runCommand(":save \(saved)").cell?.failed == false)
        let text = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(text.components(separatedBy: "include ").count == 2)
        #expect(!text.contains("r2 start"))
    }

    @Test func anEditedFileReplacesWhatItDefined() throws {
        let path = try Self.file(Self.valid)
        defer { Self.remove(path) }
        let session = Self.session(loading: path)
        // A later cell builds on the file.
        _ = session.evaluateCell("scenario hawk from base\npressure 90%")
        // The event is deleted and the fleet changed.
        let edited = Self.first
            .replacingOccurrences(of: "event reban 40% between 2025-10 and 2026-06: fleet h800 1k\n", with: "")
            .replacingOccurrences(of: "fleet h800 1k to 3k", with: "fleet h800 2k")
        try edited.write(toFile: path, atomically: true, encoding: .utf8)
        let cell = session.load(path: path)
        #expect(
            cell.outputs[0].plainText.hasPrefix("reloaded \(path): 1 statement added or changed, 2 removed or changed"))
        let base = try #require(session.workspace.scenario(named: "base"))
        #expect(base.events.isEmpty)
        #expect(base.chips[0].fleet == .constant(2000))
        // The later cell's scenario is rebuilt on the new definitions.
        let hawk = try #require(session.workspace.scenario(named: "hawk"))
        #expect(hawk.events.isEmpty && hawk.chips[0].fleet == .constant(2000))
        #expect(session.currentScenarioName == "hawk")
    }
}
