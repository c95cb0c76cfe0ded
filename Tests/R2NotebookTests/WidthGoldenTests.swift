import Foundation
import R2Forecast
import R2Language
import Testing

@testable import R2Notebook

/// The notebook's output at 70 and 120 columns: every chart, `compare` of
/// four scenarios, `:help`, and a diagnostic on a line with wide
/// characters. Nothing is wider than the terminal (a line as wide as it
/// wraps there, so the limit is one less), and the text is golden.
@Suite struct WidthGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func outputs(width: Int) -> String {
        let session = Session(
            configuration: SessionConfiguration(trials: 2000, threads: 2, style: Style(colors: false, width: width)))
        let library = ["baseline", "reban-max-pressure", "nvidia-restored", "ascend-breakthrough"].map {
            "include \"\(root.appendingPathComponent("scenarios/\($0).r2s").path)\""
        }
        var shown: [String] = []
        session.evaluateCell(library.joined(separator: "\n") + "\nuse baseline")
        let cells = [
            "forecast", "compare baseline reban_max_pressure nvidia_restored ascend_breakthrough", "hist release",
            "cdf release", "fan adoption", "fan sector", "sensitivity", "tornado",
            "expect p(release by 2026-06) in baseline above reban_max_pressure by 0.5% or more",
            "let 华为昇腾 = 5 monts # 华为昇腾 🚀 a comment after a wide name",
        ]
        for text in cells {
            shown.append("In: \(text)")
            shown += session.evaluateCell(text).outputs.map(\.plainText)
        }
        for command in [":help", ":help p"] {
            shown.append("In: \(command)")
            shown += session.runCommand(command).cell?.outputs.map(\.plainText) ?? []
        }
        return shown.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [70, 120]) func fitsTheTerminal(width: Int) throws {
        let text = Self.outputs(width: width)
        let wide = text.split(separator: "\n").filter { $0.displayWidth > width - 1 && !$0.hasPrefix("In: ") }
        #expect(wide.isEmpty, "wider than \(width - 1) columns:\n\(wide.joined(separator: "\n"))")
        #expect(text == (try Golden.check(text, "width-\(width).txt")))
    }

    /// The caret sits under the range in terminal columns: each CJK
    /// character and the emoji take two.
    @Test func caretsCountWideCharactersAsTwoColumns() {
        let (_, e) = evaluate("plot cdf to \"华为昇腾🚀.svg\" monts\n")
        let lines = e.outputs[0].plainText.split(separator: "\n").map(String.init)
        let source = lines[3], carets = lines[4]
        // `monts` starts at column 27 of the source (4 CJK x 2 + the emoji x 2).
        let before = source.prefix { $0 != "m" || !source[source.firstIndex(of: $0)!...].hasPrefix("monts") }
        #expect(carets.firstIndex(of: "^").map { carets[..<$0].displayWidth } == before.displayWidth)
        #expect(carets.filter { $0 == "^" }.count == 5)
    }
}
