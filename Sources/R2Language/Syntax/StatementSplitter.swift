/// Groups a file's tokens into statements: one a line, unless the line
/// ends inside parentheses or with a token that asks for more (`:` `;` `,`
/// an operator, `to`, `and`, `from`, `between`). A `\` at the end of a
/// line is removed by the lexer. An unclosed `(`, an operator or one of
/// those words does not carry a statement onto a line that starts with a
/// statement keyword: `fleet h800 2k to` above `pressure 50%` is an
/// unfinished `fleet` (reported at its own line) and a `pressure`.
enum StatementSplitter {
    static let continuingWords: Set<String> = ["to", "and", "from", "between"]

    /// The statements' tokens, and whether the last statement is still open
    /// (it needs another line).
    static func split(_ tokens: [Token]) -> (statements: [[Token]], openAtEnd: Bool) {
        var statements: [[Token]] = []
        var current: [Token] = []
        var depth = 0
        for (index, token) in tokens.enumerated() {
            if token.kind == .newline {
                guard let last = current.last else { continue }
                if continues(after: last) && !(asksForOperand(last) && startsStatement(tokens, after: index)) {
                    continue
                }
                if depth > 0 && !startsStatement(tokens, after: index) { continue }
                statements.append(current)
                current = []
                depth = 0
                continue
            }
            if token.isPunctuation(.leftParen) { depth += 1 }
            if token.isPunctuation(.rightParen) { depth = max(0, depth - 1) }
            current.append(token)
        }
        let open = current.last.map { depth > 0 || continues(after: $0) } ?? false
        if !current.isEmpty { statements.append(current) }
        return (statements, open)
    }

    /// True when a statement goes on after a line ending with `token`.
    static func continues(after token: Token) -> Bool {
        switch token.kind {
        case .punctuation(let p):
            return p == .colon || p == .semicolon || p == .comma || p.isOperator || p == .leftParen
        case .identifier(let word):
            return continuingWords.contains(word)
        default:
            return false
        }
    }

    /// An operator or a range word: what follows it is an operand, never a
    /// statement (after `:` `;` `,` an event's or a list's next item may be).
    static func asksForOperand(_ token: Token) -> Bool {
        switch token.kind {
        case .punctuation(let p): return p.isOperator
        case .identifier(let word): return continuingWords.contains(word)
        default: return false
        }
    }

    /// Whether the next line (after the newline at `index`) starts with a
    /// statement keyword: an unclosed `(` or a dangling operator then ends at
    /// the line break, so a forgotten `)` or operand spoils one statement,
    /// not the next one too.
    private static func startsStatement(_ tokens: [Token], after index: Int) -> Bool {
        var next = index + 1
        while next < tokens.count, tokens[next].kind == .newline { next += 1 }
        guard next < tokens.count, let word = tokens[next].identifier else { return false }
        return Keywords.statements.contains(word) && word != "p"
    }
}
