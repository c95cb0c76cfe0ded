import LineEditor
import R2Forecast
import R2Language
import R2Notebook

/// The interactive notebook on a terminal: numbered cells, continuation
/// lines, history, completion, and Ctrl-C that cancels a line or a run
/// without losing the session.
public final class REPL {
    let session: Session
    let editor: LineEditor
    /// Colours and the terminal's width, read again before each cell.
    private(set) var style: Style
    /// Lines `:edit` puts back into the editor, one read at a time.
    private var editQueue: [String] = []
    /// The history warning has been given (once a session).
    private var historyWarned = false

    public init(session: Session, historyPath: String?, style: Style) {
        self.session = session
        self.style = style
        self.editor = LineEditor(programName: "r2cast", historyFile: historyPath)
        let completer = Completer(session: session)
        editor.completer = { line, cursor in completer.complete(line: line, cursor: cursor) }
    }

    /// Prints the banner, loads `files`, then runs until Ctrl-D or `:quit`;
    /// returns the exit status.
    public func run(banner: String, loading files: [String] = []) -> Int32 {
        print(banner.fitted(width: style.width - 1))
        for file in files { showLoaded(session.load(path: file)) }
        while true {
            editor.prompt = promptText()
            guard let input = readStatement() else { break }
            let trimmed = input.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            followTerminalWidth()
            editor.addHistory(input)
            warnOnceIfHistoryIsNotSaved()
            if trimmed.hasPrefix(":") {
                if editor.isInteractive, let handled = interactiveCommand(trimmed) {
                    if let error = handled { printError(style.red("error:") + " " + error) }
                    continue
                }
                let result = session.runCommand(trimmed)
                if result.cells.count > 1 { result.cells.forEach(show) } else { show(result.cell) }
                if result.quit { break }
            } else {
                show(session.evaluateCell(input))
            }
        }
        editor.saveHistory()
        warnOnceIfHistoryIsNotSaved()
        return 0
    }

    /// The terminal's width now: a window resized since the last cell
    /// gets charts and tables that fit it (they kept the width at start-up).
    private func followTerminalWidth() {
        guard editor.isInteractive else { return }
        let width = Console.width
        guard width != style.width else { return }
        style.width = width
        session.configuration.style.width = width
    }

    /// Says once a session that its history is not being saved, and why
    /// (a path that cannot be written, a file that is not a history): a
    /// user who counts on Up next time should hear it now.
    private func warnOnceIfHistoryIsNotSaved() {
        guard !historyWarned, let problem = editor.historyProblem else { return }
        historyWarned = true
        printError(style.yellow("warning:") + " history is not saved: \(problem) (R2CAST_HISTORY chooses another file)")
    }

    /// One statement, with continuation lines; nil at Ctrl-D on an empty line.
    private func readStatement() -> String? {
        var buffer = ""
        while true {
            let editing = !editQueue.isEmpty
            if editing { editor.prefill(editQueue.removeFirst()) }
            switch editor.readLine() {
            case .endOfFile:
                if buffer.isEmpty { return nil }
                // Ctrl-D inside a continuation drops the unfinished statement.
                print("")
                return ""
            case .interrupted:
                // Ctrl-C drops the line (and any continuation, or the rest of
                // an edited cell) and keeps the session.
                editQueue = []
                return ""
            case .line(let line):
                buffer += buffer.isEmpty ? line : "\n" + line
                // A cell being edited keeps all its lines in one cell.
                let more = editing && !editQueue.isEmpty
                if !more && (buffer.trimmingWhitespace().hasPrefix(":") || !Parser.needsContinuation(buffer)) {
                    return buffer
                }
                editor.prompt = continuationPrompt()
            }
        }
    }

    /// Commands that talk with the terminal: `:edit N` (the cell's lines
    /// come back into the editor) and `:reset` (asks first). Nil when
    /// `line` is another command; otherwise an error, or nil inside for none.
    private func interactiveCommand(_ line: String) -> String?? {
        let parts = line.split(separator: " ").map(String.init)
        switch parts.first {
        case ":edit":
            guard parts.count == 2, let n = Int(parts[1].hasPrefix("_") ? String(parts[1].dropFirst()) : parts[1])
            else {
                return .some("usage: :edit N (a cell number; see :cells)")
            }
            guard let cell = session.notebook.cell(n) else { return .some("there is no cell \(n)") }
            switch cell.kind {
            case .command: return .some("cell \(n) is a command: type it again")
            case .loaded(let path):
                return .some(
                    "cell \(n) loaded \(path): edit the file, then `:load \(path)` again (it reloads in place)")
            case .statements:
                editQueue = cell.input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                return .some(nil)
            }
        case ":reset":
            let count = session.notebook.cells.count
            guard count > 0 else { return nil }
            editor.prompt = "drop the workspace and its \(count) cell\(count == 1 ? "" : "s")? history is kept [y/N] "
            guard case .line(let answer) = editor.readLine(),
                ["y", "yes"].contains(answer.trimmingWhitespace().lowercased())
            else {
                print(style.dim("kept"))
                return .some(nil)
            }
            return nil
        default:
            return nil
        }
    }

    private func promptText() -> String {
        let n = session.notebook.nextNumber
        return style.green("In [\(n)]") + " " + style.bold(session.currentScenarioName) + "> "
    }

    private func continuationPrompt() -> String {
        let width = "In [\(session.notebook.nextNumber)] \(session.currentScenarioName)".count
        return String(repeating: " ", count: max(0, width - 4)) + style.dim("...:") + " "
    }

    /// A file loaded at start: its errors, then one line that says what it
    /// holds and where its outputs are, rather than pages of them.
    private func showLoaded(_ cell: Cell) {
        for output in cell.outputs where output.isDiagnostic { printError(output.styledText) }
        guard case .loaded(let path) = cell.kind else { return }
        let statements = cell.input.split(separator: "\n").filter { line in
            let t = String(line).trimmingWhitespace()
            return !t.isEmpty && !t.hasPrefix("#")
        }.count
        let shown = cell.outputs.filter { !$0.isDiagnostic }.count
        var line = "loaded \(path): \(statements) lines"
        if shown > 0 { line += ", \(shown) outputs (`_\(cell.number)` shows them)" }
        // Ctrl-C during the load is no error of the file's.
        if cell.outputs.contains(where: { $0.isError && $0.plainText == "cancelled" }) {
            line += ", cancelled (Ctrl-C) before its end"
        } else if cell.failed {
            line += ", with errors"
        }
        print(style.dim(line.fitted(width: style.width - 1)))
    }

    /// Prints a cell's outputs under it.
    public func show(_ cell: Cell?) {
        guard let cell else { return }
        for (i, output) in session.displayOutputs(of: cell).enumerated() {
            if output.isError {
                printError(output.text)
            } else if cell.kind == .command {
                print(output.text)
            } else {
                let label = i == 0 ? style.red("Out[\(cell.number)]:") : ""
                if !label.isEmpty { print(label) }
                print(output.text)
            }
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
