import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from the terminal with libedit: emacs key bindings, history
/// (Up/Down, Ctrl-R) kept in a file, Tab completion, Ctrl-C and Ctrl-D.
///
/// When standard input or output is not a terminal it reads standard input
/// plainly, without prompt or editing.
public final class LineEditor {
    /// The prompt of the next ``readLine()``. It may hold ANSI colour
    /// escapes; change it between reads for continuation lines.
    public var prompt: String {
        didSet { promptStorage.set(PromptText.forLibEdit(prompt)) }
    }

    /// Answers Tab for the line and the cursor (a UTF-8 offset in it).
    public var completer: ((_ line: String, _ cursor: Int) -> Completion)?

    let editLine: OpaquePointer?
    let history: OpaquePointer?
    let historyFile: String?
    /// The most entries the history (in memory and in the file) holds.
    let historyLimit: Int32
    /// Entries added since the last successful save, oldest first: what the
    /// next save merges into the file as it is then on disk.
    var unsavedEntries: [String] = []
    /// Why the last save did not write the history file (nil when it did,
    /// or when there is no file): for the REPL to say once.
    public internal(set) var historyProblem: String?
    /// How long a save waits for the lock beside the history file before it
    /// writes without it.
    var historyLockTimeout: Duration = .seconds(1)
    let promptStorage = CStringBox()

    /// Sets up libedit in emacs mode with signal handling, loads the history
    /// file (a missing one is fine), and reads the user's `~/.editrc`.
    ///
    /// Also switches LC_CTYPE to UTF-8 (``Terminal/setUTF8Locale()``), which
    /// libedit needs before it starts, and installs ``InterruptFlag/shared``,
    /// to which libedit chains Ctrl-C.
    public init(programName: String, historyFile: String?, historyLimit: Int = 2000) {
        Terminal.setUTF8Locale()
        InterruptFlag.shared.install()
        self.prompt = ""
        self.historyFile = historyFile
        self.historyLimit = Int32(clamping: max(historyLimit, 1))
        self.history = history_init()
        self.editLine = Terminal.isInteractive() ? r2_el_init(programName) : nil
        if let history {
            r2_history_set_size(history, self.historyLimit)
            r2_history_set_unique(history, 1)
            if let historyFile { r2_history_load(history, historyFile) }
        }
        if let editLine { configure(editLine) }
    }

    deinit {
        if let editLine { el_end(editLine) }
        if let history { history_end(history) }
    }

    private func configure(_ el: OpaquePointer) {
        r2_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        r2_el_set_editor(el, "emacs")
        r2_el_set_signal(el, 1)
        r2_el_set_prompt_esc(el, Self.promptCallback, CChar(PromptText.marker.value))
        if let history { r2_el_set_history(el, history) }
        r2_el_add_function(el, "r2-complete", "Complete the word before the cursor", Self.completeCallback)
        r2_el_bind(el, "^I", "r2-complete")
        el_source(el, nil)
    }

    /// Puts `text` in the editor's buffer for the next ``readLine()`` to
    /// start from, as if typed (`:edit`). Without a terminal it does nothing.
    public func prefill(_ text: String) {
        guard let editLine else { return }
        el_push(editLine, text)
    }

    /// Whether lines come from a terminal through libedit.
    public var isInteractive: Bool { editLine != nil }

    /// Reads one line, showing ``prompt``.
    ///
    /// After Ctrl-C or Ctrl-D it moves to a fresh line, so the caller's next
    /// output starts at the left margin. Ctrl-C also clears
    /// ``InterruptFlag/shared``.
    public func readLine() -> ReadResult {
        guard let editLine else {
            return Swift.readLine(strippingNewline: true).map(ReadResult.line) ?? .endOfFile
        }
        _ = InterruptFlag.shared.take()
        r2_stdout_flush()
        var count: Int32 = 0
        errno = 0
        guard let raw = el_gets(editLine, &count), count > 0 else {
            // Ctrl-C during a Ctrl-R search comes back from libedit as end
            // of file (count 0), not -1: the flag tells the two apart.
            let error = errno
            let interrupted = InterruptFlag.shared.take() || (count < 0 && error == EINTR)
            // libedit keeps the interrupted line in its buffer; without a
            // reset the next read would carry on from it.
            if interrupted { el_reset(editLine) }
            r2_stdout_write("\n")
            return interrupted ? .interrupted : .endOfFile
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }
}
