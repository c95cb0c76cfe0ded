import Testing

@testable import LineEditor

#if canImport(Glibc)
import Glibc
#endif

@Suite struct HistoryFileTests {
    @Test func entriesSurviveARestart() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path + "/history"
        do {
            let editor = LineEditor(programName: "r2cast-test", historyFile: file)
            editor.addHistory("fleet h800 2k to 4k")
            editor.addHistory("fleet h800 2k to 4k")  // consecutive duplicate: dropped
            editor.addHistory("scenario hawkish from baseline\nforecast")  // one entry
            editor.addHistory("   ")  // blank: ignored
            editor.addHistory("chip ascend910c domestic perf 0.3 to 0.6 # é")
            #expect(editor.historyCount == 3)
        }
        let reopened = LineEditor(programName: "r2cast-test", historyFile: file)
        #expect(reopened.historyCount == 3)
        let text = try String(contentsOfFileAt: file)
        #expect(text.hasPrefix("_HiStOrY_V2_\n"))
        #expect(text.contains("baseline\\012forecast"))
        var info = stat()
        #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }

    @Test func theLimitKeepsTheNewest() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path + "/history"
        do {
            let editor = LineEditor(programName: "r2cast-test", historyFile: file, historyLimit: 3)
            for i in 1...5 { editor.addHistory("line \(i)") }
        }
        let reopened = LineEditor(programName: "r2cast-test", historyFile: file, historyLimit: 3)
        #expect(reopened.historyCount == 3)
        let text = try String(contentsOfFileAt: file)
        #expect(!text.contains("line\\0402") && text.contains("line\\0405"))
    }

    @Test func aMissingDirectoryIsNotAnError() {
        let editor = LineEditor(programName: "r2cast-test", historyFile: "/nonexistent-r2cast/history")
        editor.addHistory("x")
        #expect(editor.historyCount == 1)
        #expect(!editor.saveHistory())
    }

    /// A file that is not a libedit history is the user's, not ours: it
    /// was replaced by the session's history and its lines lost. It is now
    /// left as it is, nothing is saved, and `historyProblem` says why.
    @Test func aFileThatIsNotAHistoryIsLeftAlone() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path + "/notes"
        let notes = "# my notes\nforecast\ncompare baseline hawk\n"
        let handle = try #require(fopen(file, "wb"))
        fputs(notes, handle)
        fclose(handle)
        let editor = LineEditor(programName: "r2cast-test", historyFile: file)
        editor.addHistory("let k = 1")
        #expect(!editor.saveHistory())
        #expect(try String(contentsOfFileAt: file) == notes)
        #expect(editor.historyProblem == "\(file) is not a history file r2cast can read; it is left as it is")
    }

    /// A path that cannot be written says so (the REPL warns once).
    @Test func anUnwritablePathSaysWhy() {
        let editor = LineEditor(programName: "r2cast-test", historyFile: "/nonexistent-r2cast/history")
        editor.addHistory("x")
        #expect(editor.historyProblem == "cannot write /nonexistent-r2cast/history")
    }

    @Test func noFileKeepsHistoryInMemory() {
        let editor = LineEditor(programName: "r2cast-test", historyFile: nil)
        editor.addHistory("x")
        #expect(editor.historyCount == 1)
        #expect(!editor.saveHistory())
    }
}

extension String {
    /// The file's bytes as UTF-8 (no Foundation in this target).
    init(contentsOfFileAt path: String) throws {
        self = String(decoding: try fileBytes(path), as: UTF8.self)
    }
}

/// The bytes of the file at `path`.
func fileBytes(_ path: String) throws -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw TemporaryDirectory.Failed() }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n == 0 { break }
        bytes += buffer[..<n]
    }
    return bytes
}
