import Foundation
import Testing

/// The project's own corpus of hostile inputs (Tests/Corpus): scenario
/// files built to break the lexer, the parser, the elaborator, the
/// includes and the engine's limits, and shard parts damaged in every way
/// the reader must catch. Each gives a result or a diagnostic, never a
/// crash; each is small enough that it cannot hang the suite.
@Suite(.serialized) struct HostileInputTests {
    static let corpus = Binary.root.appendingPathComponent("Tests/Corpus")

    static func files(_ folder: String, _ ext: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(ext) }.sorted()
    }

    @Test func scenarioFilesGiveDiagnosticsNotCrashes() throws {
        let names = try Self.files("hostile", ".r2s")
        #expect(names.count >= 30)
        for name in names {
            let path = Self.corpus.appendingPathComponent("hostile/\(name)").path
            let r = try Binary.run(["run", path, "--trials", "500"])
            // 0: it ran; 1: it reported errors. Anything else is a crash.
            #expect(r.status == 0 || r.status == 1, "\(name) ended with status \(r.status): \(r.stderr.prefix(300))")
            #expect(!r.stderr.contains("Fatal error"), "\(name): \(r.stderr.prefix(300))")
            if r.status == 1 {
                #expect(r.stderr.hasPrefix("error: ") && r.stderr.contains(" --> "), "\(name): \(r.stderr.prefix(300))")
            }
        }
    }

    /// A byte-order mark at the start of a file is not text.
    @Test func aByteOrderMarkIsSkipped() throws {
        let r = try Binary.run([
            "run", Self.corpus.appendingPathComponent("hostile/bom-crlf.r2s").path, "--trials", "500",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Forecast for "))
    }

    /// Every damaged part is refused with the file's name and the reason.
    @Test func damagedShardPartsAreRefusedWithTheReason() throws {
        let folder = Self.corpus.appendingPathComponent("hostile-shards")
        let good = folder.appendingPathComponent("good-part-2.json").path
        let names = try Self.files("hostile-shards", ".json").filter { $0 != "good-part-2.json" }
        #expect(names.count >= 20)
        for name in names {
            let r = try Binary.run(["merge", folder.appendingPathComponent(name).path, good])
            #expect(r.status == 1, "\(name) ended with status \(r.status): \(r.stderr.prefix(300))")
            #expect(r.stderr.hasPrefix("error: ") && r.stderr.contains(name), "\(name): \(r.stderr.prefix(300))")
        }
    }
}
