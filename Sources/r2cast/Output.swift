import Foundation
import R2Forecast
import R2Notebook

/// Printing outputs: results to standard output, errors to standard error.
enum Output {
    static func print(_ outputs: [CellOutput], json: Bool = false) {
        for o in outputs {
            if o.isDiagnostic {
                stderr(o.plainText)
            } else if json {
                stdout(o.json?.serialized ?? JSONValue.object([("text", .string(o.plainText))]).serialized)
            } else {
                stdout(o.plainText)
            }
        }
    }

    static func stdout(_ s: String) {
        FileHandle.standardOutput.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }

    static func stderr(_ s: String) {
        FileHandle.standardError.write(Data((s.hasSuffix("\n") ? s : s + "\n").utf8))
    }
}
