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
    let style: Style

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
        print(banner)
        for file in files { showLoaded(session.load(path: file)) }
        while true {
            editor.prompt = promptText()
            guard let input = readStatement() else { break }
            let trimmed = input.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            editor.addHistory(input)
            if trimmed.hasPrefix(":") {
                let result = session.runCommand(trimmed)
                show(result.cell)
                if result.quit { break }
            } else {
                show(session.evaluateCell(input))
            }
        }
        editor.saveHistory()
        return 0
    }

    /// One statement, with continuation lines; nil at Ctrl-D on an empty line.
    private func readStatement() -> String? {
        var buffer = ""
        while true {
            switch editor.readLine() {
            case .endOfFile:
                if buffer.isEmpty { return nil }
                // Ctrl-D inside a continuation drops the unfinished statement.
                print("")
                return ""
            case .interrupted:
                // Ctrl-C drops the line (and any continuation) and keeps the session.
                return ""
            case .line(let line):
                buffer += buffer.isEmpty ? line : "\n" + line
                if buffer.trimmingWhitespace().hasPrefix(":") || !Parser.needsContinuation(buffer) {
                    return buffer
                }
                editor.prompt = continuationPrompt()
            }
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
        if cell.failed { line += ", with errors" }
        print(style.dim(line))
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
