import R2Language
import R2Notebook
import Testing

@testable import R2REPL

/// Tab completion offers only the names that can come next where the
/// words before tell, and everything elsewhere.
@Suite struct CompleterTests {
    static func session() -> Session {
        let session = Session()
        _ = session.evaluate(SourceFile(name: "s.r2s", text: """
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
    }

    @Test func chipsAndEventsWhereOnlyTheyCanCome() {
        // `home` is current: it has h800 (from hawk), not hx.
        #expect(candidates("fleet h") == ["h800"])
        #expect(candidates("observe event h") == ["halt"])
    }

    @Test func elsewhereKeywordsAndEveryName() {
        let all = candidates("h")
        #expect(all.contains("hawk") && all.contains("h800") && all.contains("hist") && all.contains("halt"))
    }
}
