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
        saveHistory()
    }

    /// Writes the history file: to a temporary file beside it, then renamed
    /// over it, so an interrupted save leaves the old file whole. Returns
    /// whether it was written.
    @discardableResult
    public func saveHistory() -> Bool {
        guard let history, let historyFile else { return false }
        let temporary = "\(historyFile).\(getpid()).tmp"
        guard r2_history_save(history, temporary) >= 0 else {
            unlink(temporary)
            return false
        }
        guard rename(temporary, historyFile) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// How many entries the history holds.
    var historyCount: Int {
        history.map { Int(r2_history_count($0)) } ?? 0
    }
}
