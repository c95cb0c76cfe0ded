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
                json: .object([("error", .string(d.message.text)), ("diagnostic", .string(d.render(colors: false)))]),
                isError: true)
        case .message(let m):
            let text = "error: " + m
            return CellOutput(plainText: text, styledText: style.red("error:") + " " + m, json: .object([("error", .string(m))]), isError: true)
        case .cancelled:
            return CellOutput(plainText: "cancelled", styledText: style.yellow("cancelled"), json: .object([("error", "cancelled")]), isError: true)
        }
    }
}
