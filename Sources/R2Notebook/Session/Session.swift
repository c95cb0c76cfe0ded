import Foundation
import R2Engine
import R2Forecast
import R2Language
import R2Model

/// A notebook session: the workspace of scenarios, the observations in
/// force, the numbered cells, and the execution of every query. Both the
/// REPL and `r2cast run`/`test` evaluate through it.
public final class Session {
    public internal(set) var workspace = Workspace(tailSampler: .engine)
    public internal(set) var notebook = Notebook()
    public var configuration: SessionConfiguration
    /// Where `include`, `:load` and reloads read files: the file system,
    /// or files in memory for the fuzz targets (Sources/R2FuzzTargets).
    package var loader: any SourceLoader = FileSourceLoader()
    /// Observations in force, per scenario name.
    public internal(set) var observations: [String: [Observation]] = [:]
    /// Runs already made, keyed by everything that determines their result.
    var cache: [RunKey: SimulationResult] = [:]
    /// Reports already built from cached runs: a report sorts its run's
    /// release times, which for a million trials costs a tenth of the run,
    /// so the queries and expectations of one run share one report.
    var reports: [ReportKey: ForecastReport] = [:]
    /// Trials the run cache holds at most (with their reports, about 16
    /// bytes each): a run that would pass it empties both caches first.
    var cachedTrialLimit = 20_000_000
    /// Expectation results of the evaluations so far, in order.
    public internal(set) var expectationResults: [ExpectationResult] = []
    /// The trial count every run uses while a run to a precision checks a
    /// block boundary (nil otherwise); it outranks `configuration.trials`.
    var trialOverride: Int?
    /// The last sensitivity analysis, for `tornado` and `plot sensitivity`.
    var lastTornado: TornadoRecord?

    public init(configuration: SessionConfiguration = SessionConfiguration()) {
        self.configuration = configuration
    }

    /// The scenario statements currently change.
    public var currentScenarioName: String {
        workspace.currentScenario?.name ?? Workspace.implicitScenarioName
    }

    /// Chips, scenarios, `let` names and events, for completion.
    public var completionNames: [String] {
        workspace.chipNames + workspace.scenarioNames + workspace.letNames + workspace.eventNames
    }

    /// What an evaluation printed and whether anything failed.
    public struct Evaluation {
        public var outputs: [CellOutput] = []
        public var failed = false
        /// Set when a run was cancelled (Ctrl-C); evaluation stopped there.
        public var cancelled = false
    }

    /// Evaluates the statements of `file` in order, executing each query
    /// against the scenario as it stands at that statement. With
    /// `stopAtFirstError`, nothing after the first error runs. With
    /// `commandHelp` (text typed where `:commands` are read too), a
    /// command's name without its colon gets "did you mean" it.
    public func evaluate(_ file: SourceFile, stopAtFirstError: Bool = false, commandHelp: Bool = false) -> Evaluation {
        var evaluation = Evaluation()
        // Evaluated in a copy: the queries below read the session's
        // workspace (the current scenario's name, for one), which must not
        // be under modification meanwhile (an exclusivity trap the fuzzer
        // found: `tornado` before any `sensitivity`). The session's
        // workspace follows the statements as they apply.
        var evaluating = workspace
        defer { workspace = evaluating }
        evaluating.evaluate(file, loader: loader) { item, snapshot in
            self.workspace = snapshot
            if evaluation.cancelled || (stopAtFirstError && evaluation.failed) { return false }
            switch item {
            case .declaration(let d):
                if let note = inheritObservations(d) {
                    evaluation.outputs.append(
                        CellOutput(plainText: note, json: .object([("query", "note"), ("text", .string(note))])))
                }
            case .diagnostic(let d):
                if d.severity == .error { evaluation.failed = true }
                evaluation.outputs.append(diagnosticOutput(commandHelp ? Self.withCommandHelp(d) : d))
            case .query(let q):
                do throws(QueryFailure) {
                    evaluation.outputs += try execute(q, in: snapshot, file: file)
                } catch {
                    evaluation.failed = true
                    if case .cancelled = error { evaluation.cancelled = true }
                    evaluation.outputs.append(error.output(style: configuration.style))
                }
            }
            return !(evaluation.cancelled || (stopAtFirstError && evaluation.failed))
        }
        return evaluation
    }

    func diagnosticOutput(_ d: Diagnostic) -> CellOutput {
        CellOutput(
            plainText: d.render(colors: false),
            styledText: d.render(colors: configuration.style.colors, width: configuration.style.width - 1),
            json: d.json,
            isError: d.severity == .error, isWarning: d.severity != .error)
    }

    /// Evaluates typed statements as a new cell. `_` shows the last result
    /// again and `_N` the output of cell N.
    ///
    /// A cell read from a file or a pipe names it (`name`) and says where in
    /// it the text starts (`firstLine`), so diagnostics point into it.
    @discardableResult
    public func evaluateCell(_ text: String, name: String? = nil, firstLine: Int = 1, stopAtFirstError: Bool = false)
        -> Cell
    {
        let number = notebook.nextNumber
        let scenario = currentScenarioName
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if Self.isCellReference(trimmed) {
            let target = trimmed == "_" ? notebook.lastResult : notebook.cell(Int(trimmed.dropFirst())!)
            let outputs =
                target.map(\.outputs) ?? [
                    errorOutput(
                        trimmed == "_" ? "error: no result yet" : "error: there is no cell \(trimmed.dropFirst())")
                ]
            let cell = Cell(
                number: number, kind: .command, input: text, outputs: outputs, failed: target == nil, scenario: scenario
            )
            notebook.append(cell)
            return cell
        }
        // Blank lines before the text give its statements their lines in the file.
        let source = SourceFile(
            name: name ?? "In[\(number)]", text: String(repeating: "\n", count: max(0, firstLine - 1)) + text)
        let result = evaluate(source, stopAtFirstError: stopAtFirstError, commandHelp: true)
        let cell = Cell(
            number: number, kind: .statements, input: text, outputs: result.outputs, failed: result.failed,
            scenario: scenario)
        notebook.append(cell)
        return cell
    }

    /// Loads a scenario file as a new cell; a missing or unreadable file is
    /// a failed cell with a clear message.
    @discardableResult
    public func load(path: String, stopAtFirstError: Bool = false) -> Cell {
        let number = notebook.nextNumber
        let scenario = currentScenarioName
        let text: String
        switch loader.read(path) {
        case .success(let read):
            text = read
        case .failure(let failure):
            let message = "error: cannot read \(path): \(failure.reason)"
            let cell = Cell(
                number: number, kind: .command, input: ":load \(path)",
                outputs: [errorOutput(message, id: "file.unreadable", file: path)], failed: true,
                scenario: scenario)
            notebook.append(cell)
            return cell
        }
        if let (summary, included) = reload(path: path, text: text) {
            // A reload of an included file is a command: the include that
            // brought it in reads it, in a rebuild and in `:save`.
            let cell = Cell(
                number: number, kind: included ? .command : .loaded(path: path),
                input: included ? ":load \(path)" : text,
                outputs: [
                    CellOutput(plainText: summary, json: .object([("query", "note"), ("text", .string(summary))]))
                ], failed: false, scenario: scenario)
            notebook.append(cell)
            return cell
        }
        let result = evaluate(SourceFile(name: path, text: text, path: path), stopAtFirstError: stopAtFirstError)
        let cell = Cell(
            number: number, kind: .loaded(path: path), input: text, outputs: result.outputs, failed: result.failed,
            scenario: scenario)
        notebook.append(cell)
        return cell
    }

    /// An error that is not a diagnostic of a statement (a file that cannot
    /// be read, a command's misuse): in JSON a diagnostic all the same
    /// (docs/JSON.md), without a place in a file.
    func errorOutput(_ message: String, id: String = "session.error", file: String? = nil) -> CellOutput {
        let styled = message.hasPrefix("error:") ? configuration.style.red("error:") + message.dropFirst(6) : message
        let text = message.hasPrefix("error: ") ? String(message.dropFirst(7)) : message
        var members: [(String, JSONValue)] = [
            ("query", "diagnostic"), ("severity", "error"), ("id", .string(id)), ("message", .string(text)),
        ]
        if let file { members.append(("file", .string(file))) }
        members.append(("rendered", .string(message)))
        return CellOutput(plainText: message, styledText: styled, json: .object(members), isError: true)
    }

    /// The outputs of `cell` as they should be displayed now.
    public func displayOutputs(of cell: Cell) -> [(text: String, isError: Bool)] {
        cell.outputs.map { ($0.styledText, $0.isDiagnostic) }
    }
}

extension TailSampler {
    /// The engine's draws (seed 1, 20,000 of them: a 0.1% share is then
    /// known to about 0.02 points), for the clamp warnings of a session.
    static let engine = TailSampler(draws: 20_000) { value, variables, low, high in
        Engine.shareOutside(value, variables: variables, low: low, high: high, draws: 20_000)
    }
}
