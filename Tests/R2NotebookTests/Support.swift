import Foundation
import R2Forecast
import R2Language

@testable import R2Notebook

/// Evaluates `text` in a fresh session (or `session`) and returns its outputs.
func evaluate(_ text: String, in session: Session = Session(configuration: SessionConfiguration(threads: 2))) -> (
    Session, Session.Evaluation
) {
    let e = session.evaluate(SourceFile(name: "test.r2s", text: text))
    return (session, e)
}

/// The JSON object of an output, as a dictionary.
func object(_ output: CellOutput) -> [String: Any] {
    guard let json = output.json,
        let any = try? JSONSerialization.jsonObject(with: Data(json.serialized.utf8)) as? [String: Any]
    else { return [:] }
    return any
}

/// A scenario whose release is known in closed form: training needs 2.5k
/// chip-months on a constant fleet of 1k reference chips that never fail,
/// so it completes at tau = 2.5 months; each hold (probability h) adds a
/// month, so the release is 2.5 + K with K geometric.
func holdScenario(h: String = "50%", trials: String = "40k") -> String {
    """
    scenario held
    clock 2025-01 to 2026-12
    trials \(trials)
    seed 11
    chip h800 foreign perf 1 fail 0
    fleet h800 1k
    r2 start 2025-01 needs 2.5k chip-months
    r2 hold \(h) for 1 month

    """
}

enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The golden text named `name`; R2CAST_RECORD=1 rewrites it first.
    static func check(_ text: String, _ name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["R2CAST_RECORD"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
