import Foundation
import R2Language

extension Session {
    /// What a piped session produced.
    public struct ScriptResult {
        /// Each cell's outputs, in order.
        public var outputs: [CellOutput] = []
        public var failed = false
        /// `:quit` ended it before the end of the text.
        public var quit = false
    }

    /// Runs a session read from a pipe (`r2cast < FILE`): the statements as
    /// cells whose diagnostics keep `name` and the text's own line numbers,
    /// and, at a statement boundary, `:command` lines and `_` / `_N` as the
    /// REPL runs them. With `stopAtFirstError`, nothing after the first
    /// error runs.
    public func evaluateScript(_ text: String, name: String, stopAtFirstError: Bool) -> ScriptResult {
        var result = ScriptResult()
        var pending: [Substring] = []
        var pendingFirstLine = 1
        func add(_ cell: Cell) {
            result.outputs += cell.outputs
            result.failed = result.failed || cell.failed
        }
        func flush() {
            defer { pending = [] }
            guard pending.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else { return }
            add(
                evaluateCell(
                    pending.joined(separator: "\n"), name: name, firstLine: pendingFirstLine,
                    stopAtFirstError: stopAtFirstError))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if stopAtFirstError && result.failed { break }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            // Only a command-looking line asks whether the statements before it are complete.
            if Self.isCommandLine(trimmed)
                && (pending.isEmpty || !Parser.needsContinuation(pending.joined(separator: "\n")))
            {
                flush()
                if stopAtFirstError && result.failed { break }
                if trimmed.hasPrefix(":") {
                    let command = runCommand(trimmed)
                    if let cell = command.cell { add(cell) }
                    if command.quit {
                        result.quit = true
                        return result
                    }
                } else {
                    add(evaluateCell(trimmed))
                }
                continue
            }
            if pending.isEmpty { pendingFirstLine = index + 1 }
            pending.append(line)
        }
        if !(stopAtFirstError && result.failed) { flush() }
        return result
    }

    /// A `:command`, or `_` / `_N` (a cell's outputs shown again).
    static func isCommandLine(_ line: String) -> Bool {
        line.hasPrefix(":") || isCellReference(line)
    }

    /// `_` (the last result) or `_N` (cell N's outputs).
    static func isCellReference(_ text: String) -> Bool {
        text == "_" || (text.hasPrefix("_") && Int(text.dropFirst()) != nil)
    }
}
