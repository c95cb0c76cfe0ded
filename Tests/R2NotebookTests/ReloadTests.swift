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
        event reban 40% between 2025-10 and 2026-06: fleet h800 1k

        """

    static func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "r2cast-reload-\(UUID().uuidString).r2s")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func reloadingAnUnchangedFileGivesAFreshSessionsBits() throws {
        let path = try Self.file(
            Self.first.replacingOccurrences(
                of: "event reban 40% between 2025-10 and 2026-06: fleet h800 1k\n",
                with: "event reban 40% between 2025-10 and 2026-06: pressure 50%\n"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fresh = Session(configuration: SessionConfiguration(threads: 2))
        fresh.load(path: path)
        let expected = fresh.evaluateCell("forecast").outputs[0].plainText
        let session = Session(configuration: SessionConfiguration(threads: 2))
        session.load(path: path)
        _ = session.evaluateCell("forecast")
        for _ in 0..<2 {
            let cell = session.load(path: path)
            #expect(cell.outputs[0].plainText.hasPrefix("reloaded \(path): unchanged (6 statements)"))
            #expect(session.evaluateCell("forecast").outputs[0].plainText == expected)
        }
        #expect(session.workspace.scenario(named: "base") == fresh.workspace.scenario(named: "base"))
    }

    @Test func anEditedFileReplacesWhatItDefined() throws {
        let path = try Self.file(Self.first.replacingOccurrences(of: ": fleet h800 1k", with: ": pressure 50%"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let session = Session(configuration: SessionConfiguration(threads: 2))
        session.load(path: path)
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
