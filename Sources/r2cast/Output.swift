import Foundation
import R2Forecast
import R2Notebook
import R2REPL

/// Printing outputs: results to standard output, errors to standard error;
/// with `--json`, every output (diagnostics too) as one object a line on
/// standard output.
enum Output {
    static func print(_ outputs: [CellOutput], json: Bool = false) {
        for o in outputs {
            if json {
                // One stream of objects: diagnostics among the results, in order.
                stdout(
                    o.json?.serialized
                        ?? JSONValue.object([("query", "text"), ("text", .string(o.plainText))]).serialized)
            } else if o.isDiagnostic {
                stderr(o.plainText)
            } else {
                stdout(o.plainText)
            }
        }
    }

    static func stdout(_ s: String) { Lines.out(s) }

    static func stderr(_ s: String) { Lines.error(s) }
}
