import R2Model

/// The stateful evaluator behind `r2cast run` and the REPL: the scenarios
/// declared so far (in order of creation), the current one, and the
/// evaluation of statements against them.
///
/// Statements that come before any `scenario` statement go to a scenario
/// named `baseline`, created on first need.
public struct Workspace: Hashable, Sendable {
    var records: [ScenarioRecord] = []
    var currentIndex: Int?
    /// The loader identities of the files evaluated from a path so far
    /// (included, loaded or run): an `include` of one of them does nothing.
    public internal(set) var includedFiles: Set<String> = []
    /// The identities of files an `include` skipped because they were
    /// already in, so `:save` can tell which loaded files later cells rely on.
    public internal(set) var skippedIncludes: Set<String> = []

    /// The clock of a scenario that states none: 2025-01 to 2027-12.
    public static let defaultClock = Clock(start: 2025 * 12, end: 2027 * 12 + 11)
    /// The scenario statements go to before any `scenario` statement.
    public static let implicitScenarioName = "baseline"

    /// Estimates the clamped share of values with no closed form, for
    /// warnings (`ClampWarnings`); without one such values are not checked.
    public var tailSampler: TailSampler?

    public init(tailSampler: TailSampler? = nil) {
        self.tailSampler = tailSampler
    }

    /// Every scenario, in order of creation.
    public var scenarios: [Scenario] { records.map(\.scenario) }

    /// The scenario statements currently change, if any exists yet.
    public var currentScenario: Scenario? { currentIndex.map { records[$0].scenario } }

    public func scenario(named name: String) -> Scenario? {
        records.first { $0.scenario.name == name }?.scenario
    }

    /// The dimension of `let` number `variable` of the scenario named
    /// `name` (a date, a duration, a rate or a number), as its statement
    /// was checked; nil when there is no such scenario or `let`.
    public func dimension(ofVariable variable: Int, inScenario name: String) -> Dimension? {
        guard let record = records.first(where: { $0.scenario.name == name }),
            record.dimensions.indices.contains(variable)
        else { return nil }
        return record.dimensions[variable]
    }

    /// Evaluates every statement of `file` in order. A statement that fails
    /// yields a diagnostic and leaves the workspace as it was; evaluation
    /// goes on with the next statement. `include` reads files through
    /// `loader` (without one it fails).
    public mutating func evaluate(_ file: SourceFile, loader: (any SourceLoader)? = nil) -> [Item] {
        var items: [Item] = []
        evaluate(file, loader: loader) { item, _ in
            items.append(item)
            return true
        }
        return items
    }

    /// Convenience: evaluates `text` as a file named `name`.
    public mutating func evaluate(_ text: String, name: String = "<input>") -> [Item] {
        evaluate(SourceFile(name: name, text: text))
    }

    // MARK: Records

    func recordIndex(named name: String) -> Int? {
        records.firstIndex { $0.scenario.name == name }
    }

    /// The record of scenario `name`, or a failure with a suggestion.
    func recordIndex(of name: Name) throws(Failure) -> Int {
        guard let index = recordIndex(named: name.text) else {
            throw Failure(
                .unknownScenario(name.text), at: name.range,
                help: Suggestion.help(for: name.text, in: records.map(\.scenario.name)))
        }
        return index
    }

    /// The current scenario's index, creating `baseline` when there is none.
    mutating func ensureCurrent() -> Int {
        if let currentIndex { return currentIndex }
        let index =
            recordIndex(named: Workspace.implicitScenarioName)
            ?? {
                records.append(
                    ScenarioRecord(
                        scenario: Scenario(
                            name: Workspace.implicitScenarioName, clock: Workspace.defaultClock)))
                return records.count - 1
            }()
        currentIndex = index
        return index
    }

    /// Applies one statement; throws without having changed anything
    /// that matters (the caller discards the changed copy).
    mutating func apply(_ statement: ParsedStatement, in file: SourceFile) throws(Failure) -> Item {
        let context = StatementContext(file: file, statement: statement)
        switch statement.statement {
        case .scenario(let name, let parent):
            let isNew = recordIndex(named: name.text) == nil
            try declareScenario(name, parent: parent)
            var item = declared(context)
            if case .declaration(var d) = item, isNew {
                d.createsScenario = true
                item = .declaration(d)
            }
            return item
        case .use(let name):
            currentIndex = try recordIndex(of: name)
        case .query(var query):
            let index = ensureCurrent()
            var precisionSyntax: PrecisionSyntax?
            if case .toPrecision(let inner, let p) = query { (query, precisionSyntax) = (inner, p) }
            let (resolved, scenario) = try resolve(query, in: index, context: context)
            // The scenarios it runs are as complete as they will be for it.
            if resolved.needsForecast { checkWaitingWindows(of: resolved, on: scenario) }
            var item = ResolvedQuery(
                query: resolved, scenario: scenario, range: statement.range,
                location: context.location, text: context.text)
            if let p = precisionSyntax {
                let precision = try records[index].elaborator.precision(p)
                try Self.checkPrecision(precision, for: resolved, at: p.range)
                item.precision = precision
            }
            return .query(item)
        default:
            let index = ensureCurrent()
            var record = records[index]
            try record.apply(statement.statement, context: context)
            records[index] = record
        }
        return declared(context)
    }

    /// The outcome of a declaration that applied, in the scenario now current.
    func declared(_ context: StatementContext) -> Item {
        .declaration(
            Declaration(
                statement: context.statement, scenario: currentScenario?.name ?? "",
                location: context.location, text: context.text))
    }

    private mutating func declareScenario(_ name: Name, parent: Name?) throws(Failure) {
        if Keywords.reserved.contains(name.text) { throw Failure(.reservedName(name.text), at: name.range) }
        if let existing = recordIndex(named: name.text) {
            if let parent, records[existing].scenario.parent != parent.text {
                let from = records[existing].scenario.parent.map { "`\($0)`" } ?? "no parent"
                throw Failure(
                    .scenarioExists(name.text, parent: from), at: parent.range,
                    help: "use `scenario \(name.text)` to switch to it, or choose a new name")
            }
            currentIndex = existing
            return
        }
        var record: ScenarioRecord
        if let parent {
            record = records[try recordIndex(of: parent)]
            record.scenario.parent = parent.text
        } else {
            record = ScenarioRecord(scenario: Scenario(name: name.text, clock: Workspace.defaultClock))
        }
        record.scenario.name = name.text
        records.append(record)
        currentIndex = records.count - 1
    }
}
