import R2Forecast
import R2Language

/// Why a query produced no answer.
enum QueryFailure: Error {
    /// A diagnostic at the query's position (unknown month, nothing to vary...).
    case diagnostic(Diagnostic)
    /// A plain message (a file that cannot be written...).
    case message(String)
    /// The run was cancelled by Ctrl-C.
    case cancelled

    func output(style: Style) -> CellOutput {
        switch self {
        case .diagnostic(let d):
            return CellOutput(
                plainText: d.render(colors: false), styledText: d.render(colors: style.colors, width: style.width - 1),
                json: d.json,
                isError: true)
        case .message(let m):
            let text = "error: " + m
            return CellOutput(
                plainText: text, styledText: style.red("error:") + " " + m,
                json: .object([
                    ("query", "diagnostic"), ("severity", "error"), ("id", "message"), ("message", .string(m)),
                ]),
                isError: true)
        case .cancelled:
            return CellOutput(
                plainText: "cancelled", styledText: style.yellow("cancelled"),
                json: .object([
                    ("query", "diagnostic"), ("severity", "error"), ("id", "cancelled"), ("message", "cancelled"),
                ]),
                isError: true)
        }
    }
}

extension Diagnostic {
    /// The diagnostic as an object of the JSON stream (docs/JSON.md):
    /// where it is as numbers, what it says, and the rendering people read.
    var json: JSONValue {
        let start = location
        let end = file.location(of: range.end)
        return .object([
            ("query", "diagnostic"), ("severity", .string(severity.rawValue)), ("id", .string(id)),
            ("message", .string(message.text)), ("file", .string(file.name)),
            ("line", .number(Double(start.line))), ("column", .number(Double(start.column))),
            ("end_line", .number(Double(end.line))), ("end_column", .number(Double(end.column))),
            ("help", help.map { .string($0) } ?? .null), ("note", note.map { .string($0) } ?? .null),
            ("rendered", .string(render(colors: false))),
        ])
    }
}
