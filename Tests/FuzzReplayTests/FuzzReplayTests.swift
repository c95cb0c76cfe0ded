import Foundation
import R2FuzzTargets
import Testing

/// Every file of the fuzz corpus (Tests/Corpus/fuzz/TARGET: the seeds, and
/// each crash or hang the fuzzers found, kept as `crash-*`, `timeout-*` or
/// `oom-*` once fixed) goes through its target as `r2cast-fuzz` ran it
/// (docs/FUZZING.md). A trap would end this process, so the test passing
/// is the check; each target also gets the hostile-input corpus's
/// scenario files.
@Suite struct FuzzReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static func files(in folder: String) -> [URL] {
        let url = corpus.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { url.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzTarget.allCases)
    func corpusReplays(_ target: FuzzTarget) throws {
        let files = Self.files(in: "fuzz/\(target.rawValue)")
        // The seed corpus is part of the repository: an empty folder means it was lost.
        #expect(files.count >= 5, "the \(target.rawValue) seed corpus has \(files.count) files")
        for file in files {
            target.run(Array(try Data(contentsOf: file)))
        }
    }

    /// The hostile scenario files are language inputs too, and lines for the REPL.
    @Test(arguments: [FuzzTarget.language, .command])
    func hostileFilesReplay(_ target: FuzzTarget) throws {
        let files = Self.files(in: "hostile").filter { $0.pathExtension == "r2s" }
        #expect(files.count >= 30)
        for file in files {
            let data = try Data(contentsOf: file)
            // The largest inputs stay for the language: the REPL runs each line as a cell.
            if target == .command && data.count > 20_000 { continue }
            target.run(Array(data))
        }
    }

    /// The damaged shard parts of the hostile-input corpus, through the shard reader.
    @Test func hostileShardPartsReplay() throws {
        let files = Self.files(in: "hostile-shards")
        #expect(files.count >= 20)
        for file in files { FuzzTarget.shard.run(Array(try Data(contentsOf: file))) }
    }
}
