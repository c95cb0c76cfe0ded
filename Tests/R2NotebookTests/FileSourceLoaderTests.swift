import Foundation
import R2Language
import Testing

@testable import R2Notebook

/// What `include` and `:load` read from disk, and what they refuse.
@Suite struct FileSourceLoaderTests {
    let loader = FileSourceLoader()

    @Test func readsFilesAndFilesBehindLinks() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("r2cast-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.r2s").path
        try "scenario a\n".write(toFile: file, atomically: true, encoding: .utf8)
        let link = dir.appendingPathComponent("link.r2s").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        let dangling = dir.appendingPathComponent("dangling.r2s").path
        try FileManager.default.createSymbolicLink(
            atPath: dangling, withDestinationPath: dir.appendingPathComponent("gone").path)
        #expect(try loader.read(file).get() == "scenario a\n")
        #expect(try loader.read(link).get() == "scenario a\n")
        #expect(loader.identity(of: link) == loader.identity(of: file))
        #expect(failure(dangling) == .noSuchFile)
        #expect(failure(dir.appendingPathComponent("none.r2s").path) == .noSuchFile)
        #expect(failure(dir.path) == .folder)
    }

    @Test func devicesAreNotReadBecauseTheyMayNeverEnd() {
        #expect(failure("/dev/zero") == .special)
        #expect(failure("/dev/null") == .special)
        #expect(SourceLoadFailure.special.reason == "not a regular file")
    }

    func failure(_ path: String) -> SourceLoadFailure? {
        if case .failure(let f) = loader.read(path) { return f }
        return nil
    }
}
