import Foundation
import LineEditor
import R2Forecast
import R2Language
import R2Notebook

/// `r2cast protocol`: the session driven by JSON requests, one a line, with
/// JSON records, one a line, in reply; each request ends with a `done`
/// record (docs/PROTOCOL.md). Requests are read on their own thread so
/// that `interrupt` reaches a running `execute`; they are answered in
/// order on the caller's thread.
public final class ProtocolServer: @unchecked Sendable {
    let session: Session
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    /// Requests read and not yet answered, each with its place in the input.
    private var queue: [(number: Int, request: JSONValue)] = []
    private var received = 0
    private let available = DispatchSemaphore(value: 0)
    private var executing = false
    /// Executes read before the last `interrupt` are cancelled, the one
    /// running at once and those still queued when they start (an interrupt
    /// can arrive before the cell it means has started).
    private var cancelBefore = 0

    /// `write` receives each record's line (with its newline).
    public init(session: Session, write: @escaping @Sendable (String) -> Void) {
        self.session = session
        self.write = write
    }

    /// Reads requests from `lines` (nil at end of input) on a thread of
    /// its own and answers them here until `shutdown` or the end; returns
    /// the exit status.
    public func run(lines: @escaping @Sendable () -> String?) -> Int32 {
        let reader = Thread { [self] in
            while let line = lines() {
                guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                let request = Self.parse(line)
                let number = enqueue(request)
                if request.member("type")?.stringValue == "interrupt" {
                    // At once: the running execute polls the flag between chunks.
                    lock.withLock {
                        cancelBefore = number
                        if executing { InterruptFlag.shared.raise() }
                    }
                }
            }
            _ = enqueue(nil)
        }
        reader.start()
        while true {
            available.wait()
            let (number, request) = lock.withLock { queue.removeFirst() }
            // `null` marks the end of input.
            guard case .object = request else { return 0 }
            if !answer(request, number: number) { return 0 }
        }
    }

    /// Queues a request (nil: the end of input); returns its number.
    private func enqueue(_ request: JSONValue?) -> Int {
        let number = lock.withLock {
            received += 1
            queue.append((received, request ?? .null))
            return received
        }
        available.signal()
        return number
    }

    /// A request line as JSON; a line that is not JSON becomes an object
    /// with an `error` that `answer` reports.
    /// The `code` of a request line, as an execute would run it.
    package static func code(of line: String) -> String? {
        parse(line).member("code")?.stringValue
    }

    package static func parse(_ line: String) -> JSONValue {
        guard let data = line.data(using: .utf8), let any = try? JSONSerialization.jsonObject(with: data),
            any is [String: Any]
        else { return .object([("type", "invalid"), ("error", .string("a request is one JSON object a line"))]) }
        return JSONValue.fromFoundation(any)
    }

    /// Answers one request; false when the session ends.
    private func answer(_ request: JSONValue, number: Int) -> Bool {
        let id = request.member("id") ?? .null
        let code = request.member("code")?.stringValue ?? ""
        let type = request.member("type")?.stringValue
        // `code` is required where it is read, and must be a string: a
        // number or a missing code is a bad request, not an empty cell.
        if type == "execute" || type == "complete" || type == "is_complete", request.member("code")?.stringValue == nil
        {
            done(id, "error", message: "`\(type ?? "")` needs `code`, a string")
            return true
        }
        switch type {
        case "execute":
            return execute(code, id: id, number: number)
        case "complete":
            // Any number: `complete` clamps it to the code (1e300 once trapped here).
            let cursor =
                request.member("cursor")?.numberValue.map { Int(Swift.max(-1e9, Swift.min(1e9, $0.rounded(.down)))) }
                ?? code.unicodeScalars.count
            complete(code, cursor: cursor, id: id)
            done(id, "ok")
        case "is_complete":
            let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
            let incomplete = !trimmed.hasPrefix(":") && !trimmed.isEmpty && Parser.needsContinuation(code)
            emit([
                ("type", "is_complete"), ("id", id), ("status", incomplete ? "incomplete" : "complete"), ("indent", ""),
            ])
            done(id, "ok")
        case "interrupt":
            done(id, "ok")
        case "shutdown":
            done(id, "ok")
            return false
        case "invalid":
            done(id, "error", message: request.member("error")?.stringValue)
        case let other:
            done(
                id, "error",
                message:
                    "unknown request type `\(other ?? "none")`: execute, complete, is_complete, interrupt or shutdown")
        }
        return true
    }

    /// Runs a cell; false after `:quit`, which ends the session like `shutdown`.
    private func execute(_ code: String, id: JSONValue, number: Int) -> Bool {
        // A SIGINT while idle is stale; an interrupt sent after this execute
        // but before it started is not.
        _ = InterruptFlag.shared.take()
        let cancel = lock.withLock {
            executing = true
            return number < cancelBefore
        }
        if cancel { InterruptFlag.shared.raise() }
        defer {
            lock.withLock { executing = false }
            _ = InterruptFlag.shared.take()
        }
        let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
        var cells: [Cell] = []
        if trimmed.hasPrefix(":") && !trimmed.contains("\n") {
            let result = session.runCommand(trimmed)
            if result.quit {
                done(id, "ok")
                return false
            }
            cells = result.cells.isEmpty ? result.cell.map { [$0] } ?? [] : result.cells
        } else if !trimmed.isEmpty {
            cells = [session.evaluateCell(code)]
        }
        var cancelled = false, failed = false
        for cell in cells {
            for output in cell.outputs {
                if output.isError && output.plainText == "cancelled" { cancelled = true }
                emit([
                    ("type", "output"), ("id", id), ("cell", .integer(cell.number)), ("error", .bool(output.isError)),
                    ("data", bundle(output)),
                ])
            }
            failed = failed || cell.failed
        }
        let number: JSONValue = cells.last.map { .integer($0.number) } ?? .null
        done(id, cancelled ? "cancelled" : failed ? "error" : "ok", cell: number)
        return true
    }

    /// An output's MIME bundle: text always, the chart, the JSON, a table
    /// as Markdown.
    func bundle(_ output: CellOutput) -> JSONValue {
        var data: [(String, JSONValue)] = [("text/plain", .string(output.plainText))]
        if let svg = output.svg { data.append(("image/svg+xml", .string(svg))) }
        if let json = output.json {
            data.append(("application/json", json))
            if let markdown = Self.markdownTable(json) { data.append(("text/markdown", .string(markdown))) }
        }
        return .object(data)
    }

    /// A `compare` as a Markdown table.
    static func markdownTable(_ json: JSONValue) -> String? {
        guard json.member("query")?.stringValue == "compare",
            case .array(let names)? = json.member("scenarios"), case .array(let rows)? = json.member("rows")
        else { return nil }
        let scenarios = names.compactMap(\.stringValue)
        var lines = [
            "| | " + scenarios.joined(separator: " | ") + " | "
                + scenarios.dropFirst().map { "\($0) − \(scenarios[0])" }.joined(separator: " | ") + " |"
        ]
        lines.append("|---" + String(repeating: "|---", count: 2 * scenarios.count - 1) + "|")
        for row in rows {
            let label = row.member("label")?.stringValue ?? ""
            var cells: [String] = []
            if case .array(let v)? = row.member("values_text") { cells += v.compactMap(\.stringValue) }
            if case .array(let d)? = row.member("differences_text") { cells += d.compactMap(\.stringValue) }
            lines.append("| \(label) | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    private func complete(_ code: String, cursor: Int, id: JSONValue) {
        // Offsets are in Unicode scalars (code points), as Python counts.
        let scalars = Array(code.unicodeScalars)
        let at = max(0, min(cursor, scalars.count))
        var lineStart = at
        while lineStart > 0, scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        var line = String.UnicodeScalarView()
        line.append(contentsOf: scalars[lineStart..<at])
        let prefix = String(line)
        let completion = Completer(session: session).complete(line: prefix, cursor: prefix.utf8.count)
        // The completer counts UTF-8 bytes within the line.
        let replaced = String(decoding: Array(prefix.utf8)[..<completion.replaceFrom], as: UTF8.self).unicodeScalars
            .count
        emit([
            ("type", "completion"), ("id", id), ("matches", .array(completion.candidates.map { .string($0) })),
            ("cursor_start", .integer(lineStart + replaced)), ("cursor_end", .integer(at)),
        ])
    }

    private func done(_ id: JSONValue, _ status: String, message: String? = nil, cell: JSONValue? = nil) {
        var members: [(String, JSONValue)] = [("type", "done"), ("id", id), ("status", .string(status))]
        if let cell { members.append(("cell", cell)) }
        if let message { members.append(("message", .string(message))) }
        emit(members)
    }

    private func emit(_ members: [(String, JSONValue)]) {
        write(JSONValue.object(members).serialized + "\n")
    }
}

extension JSONValue {
    /// The member `key` of an object.
    func member(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    var numberValue: Double? {
        switch self {
        case .number(let x): return x
        case .integer(let i): return Double(i)
        default: return nil
        }
    }
}
