import Testing

@testable import LineEditor

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Two sessions sharing one history file keep each other's entries (bash's
/// `histappend`), where a plain save would leave the last writer's alone.
@Suite struct HistoryMergeTests {
    @Test func interleavedSessionsKeepEveryEntry() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path + "/history"
        let a = LineEditor(programName: "r2cast-test", historyFile: file)
        let b = LineEditor(programName: "r2cast-test", historyFile: file)
        a.addHistory("a")
        b.addHistory("b")
        a.addHistory("c1\nc2")  // multi-line: one entry
        b.addHistory("d é")
        #expect(try fileLines(file) == ["a", "b", "c1\\012c2", "d\\040é"])
        let third = LineEditor(programName: "r2cast-test", historyFile: file)
        #expect(third.historyEntries == ["a", "b", "c1\nc2", "d é"])
        // Each running session recalls its own lines only, in order.
        #expect(a.historyEntries == ["a", "c1\nc2"])
        #expect(b.historyEntries == ["b", "d é"])
        // A save with nothing new leaves the file as it is.
        #expect(a.saveHistory())
        #expect(try fileLines(file) == ["a", "b", "c1\\012c2", "d\\040é"])
    }

    @Test func theLimitKeepsTheNewestAfterAMerge() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path + "/history"
        let a = LineEditor(programName: "r2cast-test", historyFile: file, historyLimit: 3)
        let b = LineEditor(programName: "r2cast-test", historyFile: file, historyLimit: 3)
        for i in 1...6 { (i.isMultiple(of: 2) ? b : a).addHistory("line\(i)") }
        #expect(try fileLines(file) == ["line4", "line5", "line6"])
        let third = LineEditor(programName: "r2cast-test", historyFile: file, historyLimit: 3)
        #expect(third.historyEntries == ["line4", "line5", "line6"])
    }

    @Test func aConsecutiveDuplicateAcrossSessionsIsDropped() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path + "/history"
        let a = LineEditor(programName: "r2cast-test", historyFile: file)
        let b = LineEditor(programName: "r2cast-test", historyFile: file)
        a.addHistory("a")
        b.addHistory("b")
        a.addHistory("c")
        b.addHistory("c")  // the file's newest is already "c"
        a.addHistory("b")  // a repeat, but not of the newest: kept
        #expect(try fileLines(file) == ["a", "b", "c", "b"])
        #expect(b.historyEntries == ["b", "c"])
    }

    @Test(.timeLimit(.minutes(2)))
    func concurrentSavesLoseNothing() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path + "/history"
        let editors = ["a", "b"].map { name in
            let editor = LineEditor(programName: "r2cast-test", historyFile: file)
            // Each save holds the lock about a millisecond, but on a loaded
            // machine the other thread's 200 could outlast the default wait,
            // and an unlocked save could then lose entries.
            editor.historyLockTimeout = .seconds(30)
            return Shared(editor, name)
        }
        runOnThreads(
            editors.map { shared in
                { for i in 0..<200 { shared.editor.addHistory("\(shared.name)\(i)") } }
            })
        let entries = LineEditor(programName: "r2cast-test", historyFile: file).historyEntries
        #expect(entries.count == 400)
        for name in ["a", "b"] {
            #expect(entries.filter { $0.hasPrefix(name) } == (0..<200).map { "\(name)\($0)" })
        }
        #expect(editors.allSatisfy { $0.editor.unsavedEntries.isEmpty })
    }

    /// A file that cannot be read as a history is left as it is (it once
    /// was replaced by the session's entries: a user's file named by
    /// R2CAST_HISTORY by mistake was lost). The entries wait, and go into
    /// the file once it is a history again (here: emptied).
    @Test func aCorruptFileIsLeftAsItIs() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path + "/history"
        let corrupt: [UInt8] = [0xFF, 0xFE, 0x00, 0x01] + Array("not a history\n".utf8)
        try writeFile(file, bytes: corrupt)
        let editor = LineEditor(programName: "r2cast-test", historyFile: file)
        #expect(editor.historyCount == 0)
        editor.addHistory("first")
        #expect(editor.historyProblem?.hasSuffix("is not a history file r2cast can read; it is left as it is") == true)
        #expect(editor.unsavedEntries == ["first"])
        #expect(try fileBytes(file) == corrupt)
        // A file emptied meanwhile counts as holding nothing.
        try writeFile(file, bytes: [])
        editor.addHistory("second")
        #expect(try fileLines(file) == ["first", "second"])
        #expect(editor.unsavedEntries.isEmpty && editor.historyProblem == nil)
    }

    @Test(.timeLimit(.minutes(1)))
    func aSaveWaitsForTheLockButNotForever() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path + "/history"
        let lock = open(file + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        #expect(lock >= 0)
        defer { close(lock) }
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)  // held by "another session"
        // A save started while the lock is held waits for it: the other
        // session's entry, written under the lock, is in the merge. (Had the
        // save not waited, that write would have replaced its entry.)
        let waiting = Shared(LineEditor(programName: "r2cast-test", historyFile: file), "waiting")
        waiting.editor.historyLockTimeout = .seconds(30)
        runOnThreads([
            { waiting.editor.addHistory("mine") },
            {
                usleep(200_000)  // let the save start waiting first
                try? writeFile(file, bytes: Array("_HiStOrY_V2_\ntheirs\n".utf8))
                flock(lock, LOCK_UN)
            },
        ])
        #expect(try fileLines(file) == ["theirs", "mine"])
        // A lock never released does not hold a save for ever: past its
        // wait the save goes ahead without it.
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let hurried = LineEditor(programName: "r2cast-test", historyFile: file)
        hurried.historyLockTimeout = .milliseconds(1)
        hurried.addHistory("x")
        #expect(try fileLines(file) == ["theirs", "mine", "x"])
    }
}

/// The history file's lines after the `_HiStOrY_V2_` header, still encoded.
private func fileLines(_ path: String) throws -> [String] {
    let text = try String(contentsOfFileAt: path)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first == "_HiStOrY_V2_")
    #expect(lines.last == "")
    lines.removeFirst()
    lines.removeLast()
    return lines
}

private func writeFile(_ path: String, bytes: [UInt8]) throws {
    guard let file = fopen(path, "wb") else { throw TemporaryDirectory.Failed() }
    defer { fclose(file) }
    guard fwrite(bytes, 1, bytes.count, file) == bytes.count else { throw TemporaryDirectory.Failed() }
}

/// An editor handed to one other thread, which alone uses it.
private final class Shared: @unchecked Sendable {
    let editor: LineEditor
    let name: String
    init(_ editor: LineEditor, _ name: String) {
        self.editor = editor
        self.name = name
    }
}

private final class ThreadBody {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// Runs each body on a thread of its own, all at once, and waits for them.
private func runOnThreads(_ bodies: [@Sendable () -> Void]) {
    var threads: [pthread_t] = []
    for body in bodies {
        let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        let started = pthread_create(
            &thread, nil,
            { context in
                Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run()
                return nil
            }, context)
        if started == 0, let thread { threads.append(thread) }
        #else
        var thread = pthread_t()
        let started = pthread_create(
            &thread, nil,
            { context in
                Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue().run()
                return nil
            }, context)
        if started == 0 { threads.append(thread) }
        #endif
        precondition(started == 0, "pthread_create failed")
    }
    for thread in threads { pthread_join(thread, nil) }
}
