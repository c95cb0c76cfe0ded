import Foundation
import Testing

@testable import R2Language

@Suite("Help catalogue and docs/LANGUAGE.md", .serialized)
struct LanguageDocTests {
    static let context = prelude + "scenario dovish from baseline\nuse baseline\n"

    static var docsURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/LANGUAGE.md")
    }

    @Test(arguments: HelpCatalogue.topics.map(\.name))
    func exampleRunsWithoutError(name: String) throws {
        let topic = try #require(HelpCatalogue.topic(named: name))
        var ws = Workspace()
        let contextItems = ws.evaluate(SourceFile(name: "context.r2s", text: Self.context))
        #expect(diagnostics(contextItems).isEmpty)
        // `include` examples read the prelude as `baseline.r2s`.
        let loader = MemoryLoader(["baseline.r2s": prelude])
        let items = ws.evaluate(SourceFile(name: "example.r2s", text: topic.example), loader: loader)
        let problems = diagnostics(items).map { $0.render() }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        #expect(items.count == topic.example.split(separator: "\n").count)
    }

    @Test func everyStatementKeywordHasATopic() {
        for keyword in Keywords.statements {
            #expect(HelpCatalogue.topic(named: keyword) != nil, "no help topic for `\(keyword)`")
        }
        #expect(HelpCatalogue.topic(named: "as")?.name == "as of")
        #expect(HelpCatalogue.suggestion(for: "forcast") == "forecast")
    }

    @Test func helpTextFillsTheMeaningToTheWidth() throws {
        let topic = try #require(HelpCatalogue.topic(named: "include"))
        let lines = topic.text(width: 50).split(separator: "\n", omittingEmptySubsequences: false)
        // The syntax line and the example keep their lines; the meaning is
        // filled to 50 columns, its words intact and in order.
        #expect(lines[0] == Substring(topic.syntax))
        let meaning = lines[2..<(lines.firstIndex(of: "Example:")! - 1)]
        #expect(meaning.count > 3 && meaning.allSatisfy { $0.count <= 50 && !$0.hasPrefix(" ") })
        #expect(meaning.joined(separator: " ") == topic.meaning)
        #expect(lines.last == "    " + Substring(topic.example.split(separator: "\n").last!))
    }

    @Test func helpTextShowsSyntaxMeaningAndExample() throws {
        let topic = try #require(HelpCatalogue.topic(named: "use"))
        #expect(
            topic.text() == """
                use NAME

                Makes an existing scenario current.

                Example:
                    use baseline
                """)
    }

    @Test func docsContainEveryTopicVerbatim() throws {
        let docs = try String(contentsOf: Self.docsURL, encoding: .utf8)
        for topic in HelpCatalogue.topics {
            #expect(docs.contains(topic.syntax), "docs/LANGUAGE.md lacks the syntax of `\(topic.name)`")
            #expect(docs.contains(topic.example), "docs/LANGUAGE.md lacks the example of `\(topic.name)`")
        }
    }

    @Test func languageDocMatchesTheCatalogue() throws {
        let generated = LanguageReference.markdown
        if ProcessInfo.processInfo.environment["R2_RECORD_DOCS"] != nil {
            try generated.write(to: Self.docsURL, atomically: true, encoding: .utf8)
        }
        let docs = try String(contentsOf: Self.docsURL, encoding: .utf8)
        #expect(
            docs == generated,
            "docs/LANGUAGE.md differs from the help catalogue; regenerate with R2_RECORD_DOCS=1")
    }
}
