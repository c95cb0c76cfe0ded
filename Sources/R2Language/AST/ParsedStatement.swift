/// A statement with its source range and the evidence it cites.
public struct ParsedStatement: Hashable, Sendable, CustomStringConvertible {
    public var statement: Statement
    /// From the statement's first token to its last (comments excluded).
    public var range: SourceRange
    public var cites: [Citation]

    public init(_ statement: Statement, range: SourceRange, cites: [Citation] = []) {
        self.statement = statement
        self.range = range
        self.cites = cites
    }

    /// A compact S-expression dump for golden tests, such as
    /// `(fleet h800 (to 2000 4000))`.
    public var description: String {
        let body = statement.dump
        guard !cites.isEmpty else { return body }
        return body + " [cite " + cites.map(\.path).joined(separator: " ") + "]"
    }
}

/// One path of a `cite` clause.
public struct Citation: Hashable, Sendable {
    public var path: String
    public var range: SourceRange

    public init(_ path: String, range: SourceRange) {
        self.path = path
        self.range = range
    }
}
