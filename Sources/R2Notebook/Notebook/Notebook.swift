import Foundation
import R2Language

/// The numbered cells of a session, in order.
public struct Notebook: Sendable {
    public private(set) var cells: [Cell] = []

    public init() {}

    public var nextNumber: Int { (cells.last?.number ?? 0) + 1 }

    public mutating func append(_ cell: Cell) { cells.append(cell) }

    /// Marks cell `number` as made by `:rerun`.
    mutating func markRerun(_ number: Int) {
        if let i = cells.lastIndex(where: { $0.number == number }) { cells[i].isRerun = true }
    }

    public func cell(_ number: Int) -> Cell? { cells.first { $0.number == number } }

    /// The last cell that printed something, for `_`.
    public var lastResult: Cell? { cells.last { !$0.outputs.isEmpty && $0.kind != .command } }

    /// `:cells`: one line per cell, its number, status, scenario and first line.
    public func listing() -> String {
        guard !cells.isEmpty else { return "no cells yet" }
        return cells.map { cell in
            let mark = cell.failed ? "✗" : " "
            let first = cell.input.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let shown: String
            switch cell.kind {
            case .loaded(let path): shown = ":load \(path)"
            default:
                let lines = cell.input.split(separator: "\n").count
                shown = first + (lines > 1 ? "  (+\(lines - 1) lines)" : "")
            }
            let num = String(cell.number)
            return String(repeating: " ", count: max(0, 4 - num.count)) + "[\(num)]\(mark) \(cell.scenario)> \(shown)"
        }.joined(separator: "\n")
    }

    /// Each loaded file's first load (by cell number) with the text of its
    /// latest load, `replacing` the text of one file (by identity) when
    /// given: a later `:load` of a file is a reload, which replaces its
    /// definitions where it was first loaded, so a file stands there once.
    /// `identity` tells two paths to one file apart.
    func firstLoads(identity: (String) -> String, replacing: (identity: String, text: String)? = nil) -> [Int: String] {
        var latest: [String: String] = [:]
        var first: [String: Int] = [:]
        for cell in cells {
            guard case .loaded(let path) = cell.kind else { continue }
            let id = identity(path)
            latest[id] = cell.input
            if first[id] == nil { first[id] = cell.number }
        }
        if let replacing, first[replacing.identity] != nil { latest[replacing.identity] = replacing.text }
        var result: [Int: String] = [:]
        for (id, number) in first { result[number] = latest[id] }
        return result
    }

    /// `:save`: the session's statements as a runnable scenario file, to be
    /// written at `path`: loaded files inline, then each successful cell's
    /// statements; failed cells and `:commands` are left out (listed as
    /// comments). `include` paths are rewritten to run from the saved file's
    /// folder. A loaded file for which `isIncludedLater` holds (a later
    /// include skipped it as already in) is written as an `include` instead,
    /// so that the saved file skips it the same way. A file loaded more
    /// than once is written once, where it was first loaded, with the text
    /// of its latest load: the later loads were reloads, which replaced its
    /// definitions there (`identity` tells two paths to one file apart).
    public func scenarioFile(
        header: String, path: String, isIncludedLater: (String) -> Bool = { _ in false },
        identity: (String) -> String = { $0 }
    ) -> String {
        let relocation = IncludeRelocation(savedPath: path)
        let firstLoads = firstLoads(identity: identity)
        var out = ["# \(header)"]
        for var cell in cells {
            if case .loaded(let path) = cell.kind {
                guard let text = firstLoads[cell.number] else {
                    out.append(
                        "# ---- cell \(cell.number) reloaded \(path): its latest text stands where it was first loaded")
                    continue
                }
                cell.input = text
            }
            switch cell.kind {
            case .loaded(let path) where isIncludedLater(path):
                out.append("")
                out.append("# ---- loaded from \(path) (cell \(cell.number)), included rather than copied:")
                out.append("# ---- a later include relies on it being in already (its queries do not run here)")
                out.append(relocation.includeStatement(for: path))
                // Its observations held in the session: written out, since an
                // include runs no query.
                let replay = Self.observationStatements(in: cell.input)
                if !replay.isEmpty {
                    out.append("# ---- the observations it made:")
                    out += replay
                }
            case .loaded(let path):
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
                let text = relocation.relocate(cell.input, writtenIn: folder)
                out.append("")
                out.append("# ---- loaded from \(path) (cell \(cell.number))")
                out.append(text.hasSuffix("\n") ? String(text.dropLast()) : text)
                out.append("# ---- end of \(path)")
            case .statements:
                if cell.failed {
                    out.append("# cell \(cell.number) failed and is left out:")
                    out += cell.input.split(separator: "\n").map { "#   " + $0 }
                } else {
                    out.append(relocation.relocate(cell.input, writtenIn: ""))
                }
            case .command:
                continue
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The `observe` and `unobserve` statements of `text`, each after a
    /// `use` of the scenario it applied to, then a `use` of the scenario
    /// current at the end; empty when it observes nothing.
    static func observationStatements(in text: String) -> [String] {
        let file = SourceFile(name: "cell", text: text)
        var current: String?
        var lines: [String] = []
        for case .success(let parsed) in Parser.parse(file) {
            switch parsed.statement {
            case .scenario(let name, _), .use(let name):
                current = name.text
            case .query(.observe), .query(.unobserve):
                if let current { lines.append("use \(current)") }
                lines.append(file.text(in: parsed.range))
            default:
                break
            }
        }
        if !lines.isEmpty, let current { lines.append("use \(current)") }
        return lines
    }

    /// `:export`: a Markdown notebook, each cell's input and output; plots
    /// are written as SVG files beside it (named by `plotName(cell, index)`)
    /// and embedded as images. Returns the document and the SVG files to write.
    public func markdown(title: String, plotName: (Int, Int) -> String) -> (
        document: String, plots: [(name: String, svg: String)]
    ) {
        var out = ["# \(title)", ""]
        var plots: [(String, String)] = []
        for cell in cells where cell.kind != .command {
            out.append("## In [\(cell.number)] — \(cell.scenario)\(cell.failed ? " (failed)" : "")")
            out.append("")
            if case .loaded(let path) = cell.kind {
                out.append("Loaded `\(path)`:")
                out.append("")
            }
            out.append("```r2s")
            out.append(cell.input.hasSuffix("\n") ? String(cell.input.dropLast()) : cell.input)
            out.append("```")
            out.append("")
            for (i, output) in cell.outputs.enumerated() {
                out.append("Out[\(cell.number)]:")
                out.append("")
                out.append("```text")
                out.append(output.plainText)
                out.append("```")
                out.append("")
                if let svg = output.svg {
                    let name = plotName(cell.number, i + 1)
                    plots.append((name, svg))
                    out.append("![Out[\(cell.number)] plot](\(name))")
                    out.append("")
                }
            }
        }
        return (out.joined(separator: "\n"), plots)
    }
}
