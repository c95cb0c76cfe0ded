import R2Model

/// One outcome of evaluating a statement.
public enum Item: Hashable, Sendable {
    /// A declaration that changed the workspace.
    case declaration(Declaration)
    /// A query to execute.
    case query(ResolvedQuery)
    /// A statement that failed and changed nothing.
    case diagnostic(Diagnostic)
}

/// A declaration the workspace applied.
public struct Declaration: Hashable, Sendable {
    public var statement: ParsedStatement
    /// The scenario it applied to (for `scenario` and `use`, the one now current).
    public var scenario: String
    /// `file:line`.
    public var location: String
    /// The statement's source text.
    public var text: String
    /// A `scenario` statement that made a new scenario (not a switch back).
    public var createsScenario = false
}

/// A query resolved against the workspace.
public struct ResolvedQuery: Hashable, Sendable {
    public var query: Query
    /// The scenario it runs against.
    public var scenario: String
    public var range: SourceRange
    /// `file:line`.
    public var location: String
    /// The query's source text.
    public var text: String
    /// The precision it asks for (`forecast to ±0.5%`), if any.
    public var precision: Precision? = nil
}
