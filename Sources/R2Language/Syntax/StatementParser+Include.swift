extension StatementParser {
    /// `include PATH`, the path quoted or a bare word (the lexer reads the
    /// word after a line's leading `include` as a path, as after `cite`).
    /// The file is read when the statement is evaluated, not here, so that a
    /// parse never touches the file system.
    mutating func parseInclude() throws(Failure) -> Statement {
        advance()
        guard let token = current else { throw expected("a file path") }
        switch token.kind {
        case .path(let path), .string(let path):
            guard !path.isEmpty else {
                throw Failure(.expected("a file path", found: "an empty string"), at: token.range)
            }
            advance()
            return .include(Citation(path, range: token.range))
        default:
            throw expected("a file path")
        }
    }
}
