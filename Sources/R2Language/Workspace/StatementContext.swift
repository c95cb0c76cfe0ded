import R2Model

/// Where a statement came from: its file, location, text and citations.
struct StatementContext {
    var file: SourceFile
    var statement: ParsedStatement

    /// `file:line` of the statement's first token.
    var location: String {
        "\(file.name):\(file.location(of: statement.range.start).line)"
    }

    var text: String { file.text(in: statement.range) }

    var provenance: Provenance {
        Provenance(location: location, text: text, cites: statement.cites.map(\.path))
    }

    /// The provenance of a part of the statement (one change of an event).
    func provenance(of range: SourceRange) -> Provenance {
        Provenance(location: location, text: file.text(in: range), cites: statement.cites.map(\.path))
    }
}
