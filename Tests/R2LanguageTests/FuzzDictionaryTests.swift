import Foundation
import Testing

@testable import R2Language

/// The fuzzers' dictionary (Tests/Corpus/fuzz-dictionaries/language.dict,
/// scripts/fuzz.sh) holds every word of the language, so that a keyword
/// added to the lexer is one the fuzzers can splice in.
@Suite struct FuzzDictionaryTests {
    static func entries(_ name: String) throws -> Set<String> {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/fuzz-dictionaries/\(name).dict")
        let text = try String(contentsOf: url, encoding: .utf8)
        var entries = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix("\"") && line.hasSuffix("\"") {
            entries.insert(String(line.dropFirst().dropLast()))
        }
        return entries
    }

    @Test func everyWordOfTheLanguageIsInTheDictionary() throws {
        let words = try Self.entries("language")
        let missing = Keywords.all.union(QuantityUnit.words).subtracting(words).sorted()
        #expect(missing.isEmpty, "add to language.dict: \(missing)")
        // Each entry is one libFuzzer understands: quoted, no raw control bytes.
        #expect(words.count > 150)
    }
}
