import R2Model

@testable import R2Language

/// Parses `text` and returns each statement's dump, or the rendered
/// diagnostic where a statement failed.
func dumps(_ text: String, file: String = "x.r2s") -> [String] {
    Parser.parse(SourceFile(name: file, text: text)).map { result in
        switch result {
        case .success(let statement): return statement.description
        case .failure(let diagnostic): return diagnostic.render()
        }
    }
}

/// The single statement of `text`, dumped.
func dump(_ text: String) -> String {
    dumps(text).joined(separator: "\n")
}

/// Evaluates `text` in a fresh workspace (or `workspace`) and returns the
/// rendered diagnostics, joined by blank lines.
func errors(_ text: String, file: String = "x.r2s", in workspace: inout Workspace) -> String {
    workspace.evaluate(SourceFile(name: file, text: text)).compactMap { item -> String? in
        if case .diagnostic(let d) = item { return d.render() }
        return nil
    }.joined(separator: "\n\n")
}

func errors(_ text: String, file: String = "x.r2s") -> String {
    var workspace = Workspace()
    return errors(text, file: file, in: &workspace)
}

/// A workspace after evaluating `text`, which must have no errors.
func workspace(_ text: String) -> (Workspace, [Item]) {
    var workspace = Workspace()
    let items = workspace.evaluate(SourceFile(name: "x.r2s", text: text))
    return (workspace, items)
}

/// The resolved queries among `items`.
func queries(_ items: [Item]) -> [ResolvedQuery] {
    items.compactMap { item in
        if case .query(let q) = item { return q }
        return nil
    }
}

/// The diagnostics among `items`.
func diagnostics(_ items: [Item]) -> [Diagnostic] {
    items.compactMap { item in
        if case .diagnostic(let d) = item { return d }
        return nil
    }
}

/// The value of the first `let` named `name` in the current scenario.
func letValue(_ text: String, _ name: String = "x") -> Value? {
    let (ws, items) = workspace(text)
    guard diagnostics(items).isEmpty else { return nil }
    return ws.currentScenario?.variables.last { $0.name == name }?.value
}

/// A month as an absolute continuous month.
func month(_ year: Int, _ month: Int, _ day: Int? = nil) -> Double {
    CalendarDate(year: year, month: month, day: day)!.continuousMonth
}

/// The end of a date as written: a month ends when the next begins, a day
/// at its midnight (`by 2026-06` means by the end of June).
func end(_ year: Int, _ month: Int, _ day: Int? = nil) -> Double {
    let date = CalendarDate(year: year, month: month, day: day)!
    guard day != nil else { return date.continuousMonth + 1 }
    return date.continuousMonth + 1 / Double(CalendarDate.daysIn(year: year, month: month))
}

/// A scenario prelude that can be simulated.
let prelude = """
    chip h800 foreign perf 1 fail 1%
    chip h20 foreign perf 0.5
    chip ascend910c domestic perf 0.4 fail 10%
    fleet h800 2k
    r2 start 2025-02 needs 10k chip-months
    event reban 30% between 2025-10 and 2026-06: export h20 banned

    """
