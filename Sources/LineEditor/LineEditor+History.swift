import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LineEditor {
    /// Adds `entry` to the history (a repeat of the last entry is dropped,
    /// as are blank entries) and saves the file at once. A multi-line entry
    /// stays one entry.
    public func addHistory(_ entry: String) {
        guard let history, entry.contains(where: { !$0.isWhitespace }) else { return }
        r2_history_enter(history, entry)
        guard historyFile != nil else { return }
        // The merge drops a consecutive duplicate against the file as it is
        // then, which may hold another session's entries in between.
        unsavedEntries.append(entry)
        // Only the newest `historyLimit` can survive the cap anyway.
        if unsavedEntries.count > Int(historyLimit) {
            unsavedEntries.removeFirst(unsavedEntries.count - Int(historyLimit))
        }
        saveHistory()
    }

    /// Adds the entries added since the last save to the history file, as
    /// bash's `histappend` does, so that sessions sharing the file keep each
    /// other's entries; returns false when there is no file or it could not
    /// be written (the entries are then kept for the next save).
    ///
    /// Under an advisory lock on `FILE.lock` beside it, the file is read as
    /// it is now (another session may have written it since), the new
    /// entries are appended, the size limit (keeping the newest) and the
    /// dropping of a consecutive duplicate apply, and the result is written
    /// to a temporary file renamed over the history file, so an interrupted
    /// save leaves the old file whole. When the lock is not had within
    /// ``historyLockTimeout`` the save goes ahead without it. A file that
    /// exists but cannot be read as a libedit history is left as it is,
    /// and nothing is saved: it may be the user's own notes, and a history
    /// is not worth them. ``historyProblem`` says why a save wrote nothing.
    ///
    /// The in-memory history is left as it is: Up recalls this session's
    /// entries (and those loaded at start), not other sessions' new ones.
    @discardableResult
    public func saveHistory() -> Bool {
        guard history != nil, let historyFile else { return false }
        if unsavedEntries.isEmpty { return true }
        let problem: String? = withHistoryFileLock(historyFile + ".lock", timeout: historyLockTimeout) {
            guard let merged = mergedHistory(file: historyFile, adding: unsavedEntries) else {
                return "\(historyFile) is not a history file r2cast can read; it is left as it is"
            }
            defer { history_end(merged) }
            return Self.write(merged, to: historyFile) ? nil : "cannot write \(historyFile)"
        }
        historyProblem = problem
        if problem == nil { unsavedEntries.removeAll() }
        return problem == nil
    }

    /// A new history with this editor's limit holding `file`'s entries, then
    /// `entries`; nil when the file exists but is not a readable libedit
    /// history. A missing or empty file counts as no entries.
    private func mergedHistory(file: String, adding entries: [String]) -> OpaquePointer? {
        let state = Self.state(of: file)
        if state == .unreadable { return nil }
        guard let merged = history_init() else { return nil }
        r2_history_set_size(merged, historyLimit)
        r2_history_set_unique(merged, 1)
        if state == .present && r2_history_load(merged, file) < 0 {
            history_end(merged)
            return nil
        }
        for entry in entries { r2_history_enter(merged, entry) }
        return merged
    }

    private enum FileState { case absentOrEmpty, present, unreadable }

    private static func state(of file: String) -> FileState {
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return errno == ENOENT ? .absentOrEmpty : .unreadable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unreadable }
        return info.st_size == 0 ? .absentOrEmpty : .present
    }

    /// Writes `history` to a fresh temporary file beside `file` (mode 0600),
    /// then renames it over `file`.
    private static func write(_ history: OpaquePointer, to file: String) -> Bool {
        var template = Array("\(file).XXXXXX.tmp".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else { return false }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        guard r2_history_save_fd(history, fd) >= 0, rename(temporary, file) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// How many entries the history holds.
    var historyCount: Int {
        history.map { Int(r2_history_count($0)) } ?? 0
    }

    /// The entries in memory, oldest first.
    var historyEntries: [String] {
        guard let history else { return [] }
        var entries: [String] = []
        var next = r2_history_oldest(history)
        while let entry = next {
            entries.append(String(cString: entry))
            next = r2_history_newer(history)
        }
        return entries
    }
}

/// Runs `body` holding an exclusive flock(2) on `lockFile` (created 0600 when
/// missing and never removed, as removing it would let two savers lock
/// different files), or without it when the lock cannot be had within
/// `timeout` or the lock file cannot be opened: a save must never hang.
///
/// flock rather than fcntl locks: those belong to the process, so two
/// editors in one process would not exclude each other, and closing any
/// descriptor of the file would drop them.
func withHistoryFileLock<T>(_ lockFile: String, timeout: Duration, _ body: () -> T) -> T {
    let fd = open(lockFile, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
    guard fd >= 0 else { return body() }
    defer { close(fd) }  // releases the lock
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while flock(fd, LOCK_EX | LOCK_NB) != 0 {
        let error = errno
        if error == EINTR { continue }
        guard error == EWOULDBLOCK, clock.now < deadline else { break }
        // A short, jittered pause: a save holds the lock for about a
        // millisecond, and jitter keeps two waiters from moving in step.
        usleep(UInt32.random(in: 500...1500))
    }
    return body()
}
