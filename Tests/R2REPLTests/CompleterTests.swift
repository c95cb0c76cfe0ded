import Foundation
import R2Language
import R2Notebook
import Testing

@testable import R2REPL

/// Tab completion offers only the names that can come next where the
/// words before tell, and everything elsewhere.
@Suite struct CompleterTests {
    static func session() -> Session {
        let session = Session()
        _ = session.evaluate(
            SourceFile(
                name: "s.r2s",
                text: """
                    chip h800 foreign
                    chip hx domestic
                    event halt 10% in 2026-01: pressure 90%
                    scenario hawk
                    chip h800 foreign
                    event halt 10% in 2026-01: pressure 90%
                    scenario home from hawk

                    """))
        return session
    }

    func candidates(_ line: String) -> [String] {
        Completer(session: Self.session()).complete(line: line, cursor: line.utf8.count).candidates
    }

    @Test func scenariosWhereOnlyAScenarioCanCome() {
        #expect(candidates("median release in h") == ["hawk", "home"])
        #expect(candidates("use h") == ["hawk", "home"])
        #expect(candidates("compare hawk h") == ["hawk", "home"])
        #expect(candidates("scenario x from h") == ["hawk", "home"])
        // The command as the statement (it offered every keyword: `hist`, `hold`).
        #expect(candidates(":use h") == ["hawk", "home"])
    }

    /// After `explain`, what it explains: chips, lets, events, r2, pressure.
    @Test func explainOffersWhatItExplains() {
        #expect(candidates("explain h") == ["h800", "halt"])
        #expect(candidates("explain ") == ["h800", "halt", "in", "pressure", "r2"])
        #expect(candidates("explain p") == ["pressure"])
    }

    @Test func chipsAndEventsWhereOnlyTheyCanCome() {
        // `home` is current: it has h800 (from hawk), not hx.
        #expect(candidates("fleet h") == ["h800"])
        #expect(candidates("observe event h") == ["halt"])
    }

    /// After `:help`, the topics: statements, queries and commands.
    @Test func helpOffersTopicsAndCommands() {
        #expect(candidates(":help :s") == [":save", ":scenarios", ":set"])
        #expect(candidates(":help sec") == ["sector"])
        #expect(candidates(":help fo") == ["forecast"])
    }

    @Test func elsewhereKeywordsAndEveryName() {
        let all = candidates("h")
        #expect(all.contains("hawk") && all.contains("h800") && all.contains("hist") && all.contains("halt"))
    }

    /// Where the statement so far allows only some keywords, only they come.
    @Test func keywordsWhereTheStatementTells() {
        #expect(candidates("export h800 ") == ["allowed", "banned", "licensed"])
        #expect(candidates("export h800 b") == ["banned"])
        #expect(candidates("plot ") == ["adoption", "cdf", "release", "sector", "sensitivity"])
        #expect(candidates("r2 ") == ["fold", "from", "hold", "needs", "post", "restart", "start", "switch"])
        #expect(
            candidates("r2 start 2025-03 ") == [
                "chip-months", "fold", "from", "hold", "months", "needs", "per", "post", "restart", "start", "switch",
                "to",
            ])
        #expect(
            candidates("p(") == [
                "adoption", "flagship", "folded", "installed", "named", "no", "not", "release", "sector",
            ])
        #expect(candidates("p(n") == ["named", "no", "not"])
        #expect(candidates("fan ") == ["adoption", "sector"])
        #expect(candidates("hist ") == ["named", "release"])
        #expect(candidates("chip x ") == ["domestic", "foreign"])
        // Inside an event, the change being typed.
        #expect(candidates("event e 10% in 2026-01: export h800 ") == ["allowed", "banned", "licensed"])
        #expect(
            candidates("event e 10% in 2026-01: pressure 50%; r2 ") == [
                "fold", "from", "hold", "needs", "post", "restart", "start", "switch",
            ])
    }

    /// `:load` offers scenario files and folders only.
    @Test func loadOffersScenarioFilesAndFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("r2cast-complete-\(getpid())")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("more"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.r2s", "notes.md", "b.r2s"] {
            try "".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let prefix = folder.path + "/"
        #expect(candidates(":load " + prefix) == [prefix + "a.r2s", prefix + "b.r2s", prefix + "more/"])
        #expect(candidates(":save " + prefix).contains(prefix + "notes.md"))
    }
}
